// The Cpu parameter table (tlm/src/cpu_params.cpp): set/get round trips, defaults, file
// sections, and one-line errors for unknown names, wrong types and values out of range.
#include "svesim/arch/config_error.h"
#include "svesim/tlm/cpu.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <string>

namespace vp = svesim::tlm;
using svesim::ConfigError;

namespace {

std::string errorOf(vp::CpuConfig& cfg, const std::string& name, const std::string& value) {
    try {
        cfg.set(name, value);
    } catch (const ConfigError& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("params: every parameter reads back its default and what was set", "[params]") {
    vp::CpuConfig cfg;
    for (const vp::CpuParameter& p : vp::cpuParameters()) {
        INFO(p.name);
        CHECK(cfg.get(p.name) == std::string(p.default_value));
        CHECK_FALSE(p.help.empty());
        CHECK(vp::findCpuParameter(p.name) == &p);
    }
    const std::pair<const char*, const char*> values[] = {
        {"max_vl", "512"},       {"vl_set", "any"},       {"policy", "random:7"},
        {"has_el2", "false"},    {"has_el3", "false"},    {"reset", "ZCR_EL3=0x3"},
        {"rvbar", "0x40080000"}, {"mpidr", "0x80000102"}, {"quantum", "250ns"},
        {"gdb_port", "1234"},
    };
    for (const auto& [name, value] : values) {
        cfg.set(name, value);
        CHECK(cfg.get(name) == value);
    }
    CHECK(cfg.processor.arch.sve.max_vl.bits() == 512);
    CHECK(cfg.processor.arch.features.mpidr == 0x80000102);
    CHECK(cfg.quantum == sc_core::sc_time(250, sc_core::SC_NS));
    cfg.set("quantum", "3000"); // bare number: ns
    CHECK(cfg.get("quantum") == "3us");
    cfg.set("mpidr", "0x1"); // bit 31 is RES1
    CHECK(cfg.get("mpidr") == "0x80000001");
}

TEST_CASE("params: bad names and values are one-line ConfigErrors naming them", "[params]") {
    vp::CpuConfig cfg;
    CHECK(errorOf(cfg, "warp", "9").find("unknown parameter 'warp' (known: max_vl") == 0);
    CHECK(errorOf(cfg, "has_el2", "maybe").find("maybe") != std::string::npos);
    CHECK(errorOf(cfg, "max_vl", "384").find("384") != std::string::npos);
    CHECK(errorOf(cfg, "quantum", "0") == "parameter quantum: '0' is not valid (allowed: 1 ps "
                                          "to 1 s, e.g. 500ns, 1us, 2000 (ns))");
    CHECK(errorOf(cfg, "quantum", "2s").find("parameter quantum") == 0);
    CHECK(errorOf(cfg, "quantum", "5 us").find("parameter quantum") == 0);
    CHECK(errorOf(cfg, "rvbar", "0x1002").find("4-byte aligned") != std::string::npos);
    CHECK(errorOf(cfg, "mpidr", "0x2000000").find("[29:25]") != std::string::npos);
    CHECK(errorOf(cfg, "gdb_port", "65536").find("0 to 65535") != std::string::npos);
    CHECK(errorOf(cfg, "gdb_port", "-1").find("0 to 65535") != std::string::npos);
    CHECK(errorOf(cfg, "timing", "/nonexistent.ini").find("nonexistent") != std::string::npos);
    // Nothing was changed by the failed sets.
    CHECK(cfg.get("max_vl") == "2048");
    CHECK(cfg.get("gdb_port") == "0");
}

TEST_CASE("params: a file's global lines apply to every Cpu, a section to the Cpu it names",
          "[params]") {
    const std::string path = std::string(SVESIM_TEST_PROGRAMS) + "/params_test.ini";
    std::ofstream(path) << "# comment\nmax_vl = 1024 ; trailing comment\n[cpu1]\nmax_vl = 256\n"
                           "[top.cpu0]\npolicy = zero\n";
    vp::CpuConfig c0, c1;
    c0.load(path, "top.cpu0");
    c1.load(path, "top.cpu1");
    CHECK(c0.get("max_vl") == "1024");
    CHECK(c0.get("policy") == "zero");
    CHECK(c1.get("max_vl") == "256");
    CHECK(c1.get("policy") == "preserve");
    std::ofstream(path) << "max_vl = 512\n[other]\nfoo = 1\n";
    try {
        c0.load(path, "cpu0"); // unknown names are errors even in another Cpu's section
        FAIL("no error");
    } catch (const ConfigError& e) {
        CHECK(std::string(e.what()) == path + ":3: unknown parameter 'foo' (known: max_vl, "
                                              "vl_set, policy, has_el2, has_el3, reset, rvbar, "
                                              "mpidr, quantum, timing, engine, gdb_port)");
    }
    std::ofstream(path) << "max_vl 512\n";
    CHECK_THROWS_WITH(c0.load(path), Catch::Contains(":1: expected 'name = value'"));
    std::ofstream(path) << "[cpu0\n";
    CHECK_THROWS_WITH(c0.load(path), Catch::Contains(":1: a section is written [name]"));
    std::remove(path.c_str());
}
