#include "svesim/tlm/pl011.h"

#include <algorithm>
#include <cstring>
#include <poll.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

namespace svesim::tlm {

// ---- registers -------------------------------------------------------------------------------

std::uint32_t Pl011Registers::ris() const {
    std::uint32_t r = 0;
    if (!rx_.empty()) r |= kIntRx | kIntRt; // level: until the FIFO is read empty
    if (tx_int_) r |= kIntTx;
    return r;
}

std::uint32_t Pl011Registers::read(std::uint64_t offset, bool side_effects) {
    // PrimeCell identification: PL011 r1p5 (0x00341011), component id 0xB105F00D (Arm DDI 0183
    // 3.3.14-15), the values QEMU's model gives and amba_device_add() reads.
    static constexpr std::uint8_t kId[8] = {0x11, 0x10, 0x34, 0x00, 0x0d, 0xf0, 0x05, 0xb1};
    if (offset >= kPeriphID0 && offset < kPeriphID0 + 32 && (offset & 3) == 0)
        return kId[(offset - kPeriphID0) / 4];
    switch (offset) {
    case kDR: {
        if (rx_.empty()) return 0;
        const std::uint8_t c = rx_.front();
        if (side_effects) rx_.pop_front();
        return c;
    }
    case kRSR: return rsr_;
    case kFR: {
        std::uint32_t fr = kFrTxfe;
        if (rx_.empty()) fr |= kFrRxfe;
        if (rxFull()) fr |= kFrRxff;
        return fr;
    }
    case kILPR: return ilpr_;
    case kIBRD: return ibrd_;
    case kFBRD: return fbrd_;
    case kLCR_H: return lcr_h_;
    case kCR: return cr_;
    case kIFLS: return ifls_;
    case kIMSC: return imsc_;
    case kRIS: return ris();
    case kMIS: return ris() & imsc_;
    case kDMACR: return dmacr_;
    default: return 0;
    }
}

std::optional<char> Pl011Registers::write(std::uint64_t offset, std::uint32_t value) {
    switch (offset) {
    case kDR: tx_int_ = true; return static_cast<char>(value & 0xff);
    case kRSR: rsr_ = 0; break; // ECR: any write clears the error flags
    case kILPR: ilpr_ = value & 0xff; break;
    case kIBRD: ibrd_ = value & 0xffff; break;
    case kFBRD: fbrd_ = value & 0x3f; break;
    case kLCR_H:
        // Turning the FIFOs off or on empties them (Arm DDI 0183 3.3.7, FEN).
        if (((lcr_h_ ^ value) & (1u << 4)) != 0) rx_.clear();
        lcr_h_ = value & 0xff;
        break;
    case kCR: cr_ = value & 0xff87; break;
    case kIFLS: ifls_ = value & 0x3f; break;
    case kIMSC: imsc_ = value & 0x7ff; break;
    case kICR:
        if ((value & kIntTx) != 0) tx_int_ = false;
        break;
    case kDMACR: dmacr_ = value & 7; break;
    default: break;
    }
    return std::nullopt;
}

bool Pl011Registers::receive(std::uint8_t c) {
    if (rxFull()) {
        rsr_ |= 1u << 3; // overrun
        return false;
    }
    rx_.push_back(c);
    return true;
}

// ---- host input ------------------------------------------------------------------------------

struct HostInput::SavedTerminal {
    termios mode;
};

HostInput::HostInput(int fd)
    : fd_(fd) {
    struct stat st {};
    if (fstat(fd_, &st) != 0) return;
    terminal_ = isatty(fd_) != 0;
    if (!terminal_ && !S_ISFIFO(st.st_mode)) return;
    active_ = true;
    if (terminal_) {
        saved_ = std::make_unique<SavedTerminal>();
        if (tcgetattr(fd_, &saved_->mode) == 0) {
            termios raw = saved_->mode;
            raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO);
            raw.c_cc[VMIN] = 1;
            raw.c_cc[VTIME] = 0;
            tcsetattr(fd_, TCSANOW, &raw);
        } else {
            saved_.reset();
        }
    }
    thread_ = std::thread([this] { run(); });
}

HostInput::~HostInput() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
    if (saved_) tcsetattr(fd_, TCSANOW, &saved_->mode);
}

void HostInput::run() {
    // poll() with a timeout, so that the destructor's stop is seen without a character.
    while (!stop_) {
        pollfd p{fd_, POLLIN, 0};
        if (poll(&p, 1, 50) <= 0) continue;
        char buf[256];
        const ssize_t n = ::read(fd_, buf, sizeof buf);
        if (n <= 0) return; // end of input or an error: nothing more will come
        std::lock_guard<std::mutex> lock(mutex_);
        pending_.insert(pending_.end(), buf, buf + n);
    }
}

void HostInput::drain(std::deque<std::uint8_t>& out) {
    std::lock_guard<std::mutex> lock(mutex_);
    out.insert(out.end(), pending_.begin(), pending_.end());
    pending_.clear();
}

// ---- the TLM target --------------------------------------------------------------------------

Pl011::Pl011(sc_core::sc_module_name name, model::Console& console, HostInput* input)
    : sc_module(name)
    , socket("socket")
    , irq("irq")
    , console_(&console)
    , input_(input != nullptr && input->active() ? input : nullptr) {
    socket.register_b_transport(this, &Pl011::b_transport);
    socket.register_transport_dbg(this, &Pl011::transport_dbg);
    SC_METHOD(driveIrq);
    sensitive << changed_;
    if (input_ != nullptr) SC_THREAD(pollInput);
}

void Pl011::access(::tlm::tlm_generic_payload& trans, bool side_effects) {
    const std::uint64_t addr = trans.get_address();
    const unsigned len = trans.get_data_length();
    // 8- to 32-bit accesses to the 32-bit registers (earlycon may use byte writes); a 64-bit
    // access reaches the low word's register (bare-metal programs' `str x`).
    if (addr >= kSize || len > 8 || addr + len > kSize) {
        trans.set_response_status(::tlm::TLM_ADDRESS_ERROR_RESPONSE);
        return;
    }
    const std::uint64_t reg = addr & ~std::uint64_t{3};
    const unsigned shift = static_cast<unsigned>(addr & 3) * 8;
    if (trans.is_write()) {
        std::uint32_t v = 0;
        std::memcpy(&v, trans.get_data_ptr(), std::min(len, 4U));
        if (side_effects) {
            if (const auto c = regs_.write(reg, v << shift))
                console_->write(1, std::string_view(&*c, 1));
            changed_.notify(sc_core::SC_ZERO_TIME);
        }
    } else if (trans.is_read()) {
        const std::uint64_t v = regs_.read(reg, side_effects) >> shift;
        std::memcpy(trans.get_data_ptr(), &v, len);
        if (side_effects && reg == Pl011Registers::kDR) changed_.notify(sc_core::SC_ZERO_TIME);
    }
    trans.set_response_status(::tlm::TLM_OK_RESPONSE);
}

void Pl011::b_transport(::tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
    access(trans, true);
    delay += sc_core::sc_time(20, sc_core::SC_NS);
}

unsigned Pl011::transport_dbg(::tlm::tlm_generic_payload& trans) {
    access(trans, false);
    return trans.is_response_ok() ? trans.get_data_length() : 0;
}

void Pl011::driveIrq() {
    irq.write(regs_.irq());
}

void Pl011::pollInput() {
    // Every 100 us of simulated time: the host's characters into the FIFO, as far as it has room.
    for (;;) {
        wait(sc_core::sc_time(100, sc_core::SC_US));
        input_->drain(waiting_);
        bool any = false;
        while (!waiting_.empty() && !regs_.rxFull()) {
            regs_.receive(waiting_.front());
            waiting_.pop_front();
            any = true;
        }
        if (any) changed_.notify(sc_core::SC_ZERO_TIME);
    }
}

} // namespace svesim::tlm
