// Text inside the SVGs svesim writes (the scenario timeline, `svesim plot`): escaped for XML.
#pragma once

#include <string>
#include <string_view>

namespace svesim::scenarios {

inline std::string xmlEscape(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '&': out += "&amp;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

} // namespace svesim::scenarios
