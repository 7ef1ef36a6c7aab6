// klima serve on the command line: its options in --help, and wrong values
// refused before anything listens.
#include "support.hpp"

#include <catch2/catch.hpp>

using klima::test::run_cli;

TEST_CASE("cli serve: --help lists every option", "[serve][cli]") {
    const auto r = run_cli("serve --help");
    REQUIRE(r.exit_code == 0);
    for (const char* option : {"--port", "--host", "--data-dir", "--scenarios", "--db", "--allocation"})
        CHECK(r.out.find(option) != std::string::npos);
    CHECK(r.out.find("127.0.0.1") != std::string::npos);  // the default address is said
}

TEST_CASE("cli serve: a port outside 0-65535 is a usage error", "[serve][cli]") {
    const auto r = run_cli("serve --port 70000");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("field '--port': port 70000 is outside 0–65535") != std::string::npos);
}

TEST_CASE("cli serve: a scenarios folder that does not exist is named", "[serve][cli]") {
    const auto r = run_cli("serve --port 0 --scenarios /nonexistent/klima-scenarios");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("/nonexistent/klima-scenarios: not a directory") != std::string::npos);
}

TEST_CASE("cli serve: a --db that does not exist is refused before anything listens", "[serve][cli]") {
    const auto r = run_cli("serve --port 0 --db /nonexistent/klima.db");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("/nonexistent/klima.db: no store at this path") != std::string::npos);
    CHECK(r.err.find("klima db import") != std::string::npos);  // the CLI's hint names the command
}
