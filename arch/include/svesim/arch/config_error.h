// The one error type for configuration outside the architecture (bad VL, unknown policy, ...).
#pragma once

#include <stdexcept>
#include <string>

namespace svesim {

// Thrown for a configuration value the architecture (or svesim) does not allow. The message is
// one line naming the value and what is allowed; front ends print it and exit with status 2.
class ConfigError : public std::runtime_error {
public:
    explicit ConfigError(const std::string& message);
};

// Parses an unsigned integer in decimal or 0x-hex; throws ConfigError naming `what` otherwise.
unsigned long long parseUnsigned(const std::string& text, const std::string& what);

} // namespace svesim
