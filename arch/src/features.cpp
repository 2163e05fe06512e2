#include "svesim/arch/features.h"

#include "svesim/arch/config_error.h"

namespace svesim {

bool parseBool(const std::string& text, const std::string& what) {
    if (text == "1" || text == "true" || text == "yes" || text == "on") return true;
    if (text == "0" || text == "false" || text == "no" || text == "off") return false;
    throw ConfigError(what + " '" + text + "' is not a boolean (allowed: true, false, 1, 0, yes, " +
                      "no, on, off)");
}

} // namespace svesim
