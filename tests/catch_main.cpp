// The Catch2 v2 runner for the SystemC-free tests. Never edit: it is slow to compile.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
