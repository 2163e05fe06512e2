#include "svesim/arch/config_error.h"

#include <cerrno>
#include <cstdlib>

namespace svesim {

ConfigError::ConfigError(const std::string& message)
    : std::runtime_error(message) {}

unsigned long long parseUnsigned(const std::string& text, const std::string& what) {
    if (text.empty() || text.front() == '-' || text.front() == '+' || text.front() == ' ')
        throw ConfigError(what + " '" + text + "' is not an unsigned number (decimal or 0x-hex)");
    errno = 0;
    char* end = nullptr;
    const unsigned long long v = std::strtoull(text.c_str(), &end, 0);
    if (errno != 0 || end == nullptr || *end != '\0')
        throw ConfigError(what + " '" + text + "' is not an unsigned number (decimal or 0x-hex)");
    return v;
}

} // namespace svesim
