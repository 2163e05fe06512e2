// The Catch2 v2 runner for SystemC tests: libsystemc's main() calls sc_main(). Never edit.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <systemc>

int sc_main(int argc, char** argv) {
    return Catch::Session().run(argc, argv);
}
