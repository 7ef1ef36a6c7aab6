// Exit codes follow docs/user-guide.md: 2 for a wrong command line, 1 for bad
// data (issue 11, defect 11). Each wrong option value is named in the one line.
#include "support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using Catch::Contains;
using klima::test::fixture;
using klima::test::run_cli;

namespace {

std::string report_args() {
    return "report --scenario " + fixture("scenario/two_measures.json") + " --data-dir " + fixture("scenario/data");
}

std::string inventory_args(int year = 2017) {
    return "inventory --data-dir " + klima::test::fixture_data_dir() + " --data " + fixture("activity.csv") +
           " --year " + std::to_string(year);
}

void check_usage_error(const klima::test::CliResult& r, const std::string& field, const std::string& says) {
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::StartsWith("klima: error: ") && Contains("field '" + field + "'") && Contains(says) &&
                          Contains("fix:"));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

}  // namespace

TEST_CASE("exit codes: an unknown option value is a wrong command line, exit 2", "[cli][errors]") {
    check_usage_error(run_cli(report_args() + " --year 2023 --lang fr"), "--lang", "unknown language 'fr'");
    check_usage_error(run_cli(report_args() + " --year 2023 --format pdf"), "--format", "unknown report format 'pdf'");
    check_usage_error(run_cli(inventory_args() + " --format xml"), "--format", "unknown format 'xml'");
    check_usage_error(run_cli("scenario run " + fixture("scenario/two_measures.json") + " --format xml"), "--format",
                      "unknown format 'xml'");
    // the fixture data directory has the sets AR4 and AR5
    const auto gwp = run_cli(inventory_args() + " --gwp AR7");
    check_usage_error(gwp, "--gwp", "unknown GWP set 'AR7'");
    CHECK_THAT(gwp.err, Contains("use one of AR4, AR5"));
}

TEST_CASE("exit codes: a reporting year outside 1990–2050 is a wrong command line, exit 2", "[cli][errors]") {
    check_usage_error(run_cli(report_args() + " --year 1850"), "--year", "reporting year 1850 is outside 1990–2050");
    check_usage_error(run_cli(report_args() + " --year 2051"), "--year", "reporting year 2051 is outside 1990–2050");
}

TEST_CASE("exit codes: --gwp of db diff and db recalc is checked before the store is opened", "[cli][errors]") {
    klima::test::TempDir dir;
    const auto db = dir.file("klima.db");
    const std::string common = " --gwp AR9 --data-dir " + klima::test::fixture_data_dir() + " --db " + db;
    check_usage_error(run_cli("db recalc" + common), "--gwp", "unknown GWP set 'AR9'");
    check_usage_error(run_cli("db diff 1 2" + common), "--gwp", "unknown GWP set 'AR9'");
}

TEST_CASE("exit codes: bad data stays exit 1", "[cli][errors]") {
    // the same command with a valid command line but a year with no data is bad data, not a usage error
    const auto r = run_cli(inventory_args(2020) + " --gwp AR4");
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Contains("no activity records for 2020"));
}
