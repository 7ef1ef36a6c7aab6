// The klima binary: output formats, exit codes and one-line errors.
#include "support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using klima::test::fixture;
using klima::test::run_cli;

namespace {
std::string base_args() {
    return "inventory --data-dir " + klima::test::fixture_data_dir() + " --data " + fixture("activity.csv");
}
}  // namespace

TEST_CASE("cli inventory: JSON lists every line with its factor and source", "[cli]") {
    const auto r = run_cli(base_args() + " --year 2017 --format json");
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    // territorial total: see test_inventory.cpp, 441.3748 t
    CHECK(j["totals"]["territorial"]["t_co2e"].get<double>() == Approx(441.3748));
    CHECK(j["lines"].size() == 8);
    const auto& el = j["lines"][0];
    CHECK(el["subsector"] == "el");
    CHECK(el["gases"][0]["factor"]["value"].get<double>() == Approx(200.0));
    CHECK(el["gases"][0]["factor"]["unit"] == "kg/MWh");
    CHECK(el["gases"][0]["factor"]["source"] == "test fixture");
    CHECK(el["gases"][0]["factor"]["status"] == "illustrative");
}

TEST_CASE("cli inventory: table and CSV", "[cli]") {
    const auto table = run_cli(base_args() + " --year 2023");
    REQUIRE(table.exit_code == 0);
    CHECK_THAT(table.out, Catch::Contains("Territorial total incl. LULUCF") && Catch::Contains("100.0") &&
                              Catch::Contains("1 activity value(s) missing"));
    const auto csv = run_cli(base_args() + " --year 2017 --format csv");
    REQUIRE(csv.exit_code == 0);
    // el: 1000 MWh at 200 kg/MWh → 200 t
    CHECK_THAT(csv.out, Catch::Contains("2017,energi,el,el,1000.000,MWh,CO2e,200.000000,kg/MWh,illustrative,1,"
                                        "200.000000,200.000000,test fixture,test fixture"));
    CHECK_THAT(csv.out, Catch::Contains("\"test fixture, with a comma\""));
}

TEST_CASE("cli inventory: bad input is one line on stderr and a non-zero exit", "[cli][errors]") {
    const auto missing = run_cli(base_args() + " --year 2020");
    CHECK(missing.exit_code == 1);
    CHECK_THAT(missing.err, Catch::StartsWith("klima: error: ") && Catch::Contains("activity.csv") &&
                                Catch::Contains("no activity records for 2020"));
    CHECK(std::count(missing.err.begin(), missing.err.end(), '\n') == 1);

    const auto nofile =
        run_cli("inventory --data-dir " + klima::test::fixture_data_dir() + " --data /nonexistent.csv --year 2017");
    CHECK(nofile.exit_code == 1);
    CHECK_THAT(nofile.err, Catch::Contains("/nonexistent.csv: cannot open file"));

    const auto badfmt = run_cli(base_args() + " --year 2017 --format xml");
    CHECK(badfmt.exit_code == 2);  // a wrong command line (issue 11, defect 11)
    CHECK_THAT(badfmt.err, Catch::Contains("field '--format': unknown format 'xml'"));

    const auto noyear = run_cli(base_args());
    CHECK(noyear.exit_code == 2);  // a usage error, like an unknown command
    CHECK_THAT(noyear.err, Catch::Contains("field '--year': missing option"));

    const auto badopt = run_cli(base_args() + " --year 2017 --colour red");
    CHECK(badopt.exit_code == 2);
    CHECK_THAT(badopt.err, Catch::Contains("field '--colour': unknown option") && Catch::Contains("--format"));

    const auto unknown = run_cli("invent");
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.out.empty());
}
