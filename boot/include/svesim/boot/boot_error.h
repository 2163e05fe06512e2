// Why `svesim boot` cannot start: each kind has its own exit status (app/exit_codes.h).
#pragma once

#include <stdexcept>
#include <string>

namespace svesim::boot {

class BootError : public std::runtime_error {
public:
    enum class Kind {
        Unreadable,  // a file cannot be opened or read
        NotAnImage,  // not a little-endian arm64 Image (booting.rst header)
        DoesNotFit,  // kernel, initrd and DTB do not fit RAM by the boot protocol's rules
        BadDtb,      // a DTB that does not parse (fdt_check_header) or cannot be edited
        BadFirmware, // a firmware image without the boot-info block (firmware/README.md)
    };
    BootError(Kind kind, const std::string& message)
        : std::runtime_error(message)
        , kind_(kind) {}
    [[nodiscard]] Kind kind() const { return kind_; }

private:
    Kind kind_;
};

} // namespace svesim::boot
