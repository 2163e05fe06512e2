// A console that drops the program's output and has no input, for processor-level tests.
#pragma once

#include "svesim/model/semihosting.h"

#include <string_view>

namespace svesim::test {

class NoConsole : public model::Console {
    void write(int, std::string_view) override {}
    int readChar() override { return -1; }
};

} // namespace svesim::test
