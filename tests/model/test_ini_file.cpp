// The one INI reader (model/src/ini_file.cpp) of config, timing and grid files: comments,
// whitespace, sections and errors.
#include "svesim/arch/config_error.h"
#include "svesim/model/ini_file.h"

#include <catch2/catch.hpp>

using namespace svesim;
using namespace svesim::model;

TEST_CASE("ini: comments after a value, whitespace, sections, '=' inside values", "[model][ini]") {
    const auto e = parseIni("# whole-line comment\n"
                            "  ; another\n"
                            "\n"
                            "max_vl = 512   # trailing hash comment\n"
                            "policy=zero;trailing semicolon comment\r\n"
                            "\t[ cpu0 ]  # section with a comment\n"
                            "reset = ZCR_EL3=0xf,CPTR_EL3=0x100\n"
                            "max_vl = 256\n",
                            "f.ini");
    REQUIRE(e.size() == 4);
    CHECK((e[0].section == "" && e[0].key == "max_vl" && e[0].value == "512" && e[0].line == 4));
    CHECK((e[1].section == "" && e[1].key == "policy" && e[1].value == "zero" && e[1].line == 5));
    CHECK((e[2].section == "cpu0" && e[2].key == "reset"));
    CHECK(e[2].value == "ZCR_EL3=0xf,CPTR_EL3=0x100");
    CHECK((e[3].section == "cpu0" && e[3].value == "256" && e[3].line == 8));
    CHECK(parseIni("", "f.ini").empty());
    CHECK(parseIni("key =\n", "f.ini").at(0).value.empty());
}

TEST_CASE("ini: a line that is neither is refused with the file and line", "[model][ini]") {
    CHECK_THROWS_WITH(parseIni("a = 1\nmax_vl 512\n", "f.ini"),
                      "f.ini:2: expected 'name = value', got 'max_vl 512'");
    CHECK_THROWS_WITH(parseIni("= 3\n", "f.ini"), Catch::Contains("f.ini:1: expected"));
    CHECK_THROWS_WITH(parseIni("[cpu0\n", "f.ini"), "f.ini:1: a section is written [name]");
    CHECK_THROWS_WITH(parseIni("[ ]\n", "f.ini"), "f.ini:1: a section is written [name]");
    CHECK_THROWS_WITH(readIniFile("/nonexistent/x.ini", "timing file"),
                      "timing file /nonexistent/x.ini cannot be read");
}
