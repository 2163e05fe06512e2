// Runs a benchmark ELF on the processor alone (no SystemC): flat RAM at 0x40000000 reached
// through the direct (DMI) window, semihosting to stdout. Prints instructions, host seconds
// and MIPS on one line. Usage: svesim_bench_processor PROGRAM.elf [max-vl-bits]
#include "svesim/arch/config_error.h"
#include "svesim/model/elf_image.h"
#include "svesim/model/processor.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fmt/core.h>
#include <memory>
#include <new>
#include <string>
#include <vector>

namespace {

using namespace svesim;

// calloc'd as svesim's own RAM, so that untouched pages cost nothing (a zero-filled vector
// spent a tenth of a short run clearing 256 MiB).
class Ram : public isa::MemoryBackend {
public:
    static constexpr std::uint64_t kBase = 0x4000'0000, kSize = 256ULL << 20;
    Ram()
        : bytes_(static_cast<std::uint8_t*>(std::calloc(kSize, 1))) {
        if (!bytes_) throw std::bad_alloc();
    }
    bool read(std::uint64_t a, void* d, unsigned n) override {
        if (a < kBase || a - kBase + n > kSize) return false;
        std::memcpy(d, data() + (a - kBase), n);
        return true;
    }
    bool write(std::uint64_t a, const void* s, unsigned n) override {
        if (a < kBase || a - kBase + n > kSize) return false;
        std::memcpy(data() + (a - kBase), s, n);
        return true;
    }
    [[nodiscard]] std::uint8_t* data() { return bytes_.get(); }

private:
    struct Free {
        void operator()(std::uint8_t* p) const { std::free(p); }
    };
    std::unique_ptr<std::uint8_t, Free> bytes_;
};

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s PROGRAM.elf [max-vl-bits]\n", argv[0]);
        return 2;
    }
    try {
        const auto img = model::ElfImage::load(argv[1]);
        model::ProcessorConfig cfg;
        cfg.arch.rvbar = img.entry;
        if (argc > 2) cfg.arch.sve = SveConfig::parse(argv[2], "pow2");
        Ram ram;
        for (const auto& seg : img.segments)
            if (!ram.write(seg.address, seg.data.data(), static_cast<unsigned>(seg.data.size()))) {
                std::fprintf(stderr, "segment outside RAM\n");
                return 123;
            }
        model::StdioConsole console;
        model::Processor proc(cfg, ram, console);
        proc.setDirectWindow(ram.data(), Ram::kBase, Ram::kBase + Ram::kSize);
        const auto t0 = std::chrono::steady_clock::now();
        model::RunResult r{};
        do {
            r = proc.run(1'000'000'000);
        } while (r.reason == model::StopReason::Budget);
        const double secs =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        fmt::print("instructions {} seconds {:.3f} MIPS {:.1f} cycles {}\n", proc.instructions(),
                   secs, static_cast<double>(proc.instructions()) / secs / 1e6, proc.cycles());
        return r.reason == model::StopReason::Exit ? r.exit_code : 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 2;
    }
}
