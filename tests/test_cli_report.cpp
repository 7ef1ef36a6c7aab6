// klima report end to end on the scenario test fixture (tests/fixtures/scenario).
//
// Hand figures of the fixture (factors: el 100 kg/MWh to 2029, fjernvarme 80, naturgas 200,
// gasolie and benzin 250 kg/MWh):
//   2017 energi: 10000 × 0.1 + 5000 × 0.08 + 20000 × 0.2 + 4000 × 0.25 = 1000 + 400 + 4000 + 1000 = 6400 t
//   2017 transport: (30000 + 10000 + 2000) × 0.25 + (100 + 500) × 0.1 = 10500 + 60 = 10560 t
//   2017 total: 16960 t (construction reported apart); 2023: el 9000 × 0.1 = 900 t
//   target 2030: 16960 × (1 − 0.46) = 9158.4 t; energi share 6400 × 0.54 = 3456 t
//   budget 2017–2050: 14 × (16960 + 9158.4)/2 + 9158.4/20 × 190 = 182828.8 + 87004.8 = 269833.6 t
#include "support.hpp"

#include "klima/io/csv.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using Catch::Contains;
using klima::test::fixture;
using klima::test::run_cli;

namespace {
std::string base_args() {
    return "report --scenario " + fixture("scenario/two_measures.json") + " --data-dir " + fixture("scenario/data") +
           " --year 2023";
}
}  // namespace

TEST_CASE("cli report: Markdown progress table of the scenario fixture", "[cli][report]") {
    const auto r = run_cli(base_args() + " --lang en");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("| Reference year | 2017 | 16,960 | klima inventory of the activity data |"));
    CHECK_THAT(r.out, Contains("| Interim target -46.0 % against 2017 | 2030 | 9,158 | test fixture |"));
    CHECK_THAT(r.out, Contains("Cumulative budget (Budget years 2017–2050): 269,834 t CO2e"));
    // energi: (900 − 6400)/6400 = −85.9 %; target 2030 3456; whole tonnes; the base year is the
    // reference year, so one column for both and one change
    CHECK_THAT(r.out, Contains("| Energy | 6,400 | 900 | -85.9 % |"));
    CHECK_THAT(r.out, Contains("| 3,456 |"));
    // total: (900 − 16960)/16960 = −94.7 %
    CHECK_THAT(r.out, Contains("| Total incl. LULUCF | 16,960 | 900 | -94.7 % |"));
    // The 'tog' measure has an empty owner
    CHECK_THAT(r.out, Contains("Measure tog has no owner."));

    const auto da = run_cli(base_args());  // Danish is the default
    REQUIRE(da.exit_code == 0);
    CHECK_THAT(da.out, Contains("| Energi | 6.400 | 900 | -85,9 % |"));
}

TEST_CASE("cli report: JSON figures and realised effects from --realised", "[cli][report]") {
    const auto r = run_cli(base_args() + " --format json --realised " + fixture("scenario/realised.csv"));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["target_path"]["anchors"][1]["t"].get<double>() == Approx(9158.4));
    CHECK(j["budget"]["budget_t"].get<double>() == Approx(269833.6));
    const auto& total = j["progress"]["totals"]["incl_lulucf"];
    // remaining gap = BAU − planned − target
    CHECK(total["remaining_gap_2030_t"].get<double>() ==
          Approx(total["bau_2030_t"].get<double>() - total["planned_effect_2030_t"].get<double>() - 9158.4));
    const auto& ev = j["progress"]["measures"][0];
    CHECK(ev["id"] == "ev");
    // The 2030 effect is the Shapley share of the run from the latest inventory (2023): what ev has left after
    // it, the figure `klima scenario run` gives from 2023 in the target's scope (one effect everywhere)
    const auto run = run_cli("scenario run " + fixture("scenario/two_measures.json") + " --data-dir " +
                             fixture("scenario/data") + " --format json");
    REQUIRE(run.exit_code == 0);
    const auto rj = nlohmann::json::parse(run.out);
    CHECK(ev["effect_2030"]["total_t"].get<double>() ==
          Approx(rj["measures"][0]["effect_totals"]["total_t"][13].get<double>()));  // index 13 = 2030
    CHECK(ev["effect_2030"]["outside_scope_t"].get<double>() == Approx(0.0));        // cars only: no construction
    // Run from the base year (--from-year 2017) it is the plan as adopted: ev's 1330 t in 2030, computed by
    // hand in test_scenario.cpp (½·1400 + ½·(1997.958333 − 737.958333))
    const auto from_base = run_cli(base_args() + " --from-year 2017 --no-analysis --format json");
    REQUIRE(from_base.exit_code == 0);
    CHECK(nlohmann::json::parse(from_base.out)["progress"]["measures"][0]["effect_2030"]["total_t"].get<double>() ==
          Approx(1330.0));
    CHECK(ev["realised_t"].get<double>() == Approx(100.0));
    CHECK(ev["status"] == "behind");
    CHECK(j["progress"]["measures"][1]["status"] == "on_track");
}

TEST_CASE("cli report: HTML, CSV and XLSX written with --out", "[cli][report]") {
    klima::test::TempDir dir;
    const auto html = run_cli(base_args() + " --format html --out " + dir.file("r.html"));
    REQUIRE(html.exit_code == 0);
    CHECK_THAT(html.out, Contains("wrote " + dir.file("r.html")));
    const auto page = klima::io::read_file(dir.file("r.html"));
    CHECK_THAT(page, Contains("<svg ") && Contains("class=\"target-path\"") && Contains("</html>"));

    const auto csv = run_cli(base_args() + " --format csv");
    REQUIRE(csv.exit_code == 0);
    CHECK_THAT(csv.out, Contains("sectors,energi,Energi,target_2030_t,3456.000\n"));

    const auto xlsx = run_cli(base_args() + " --format xlsx --out " + dir.file("r.xlsx"));
    INFO(xlsx.err);
    REQUIRE(xlsx.exit_code == 0);
    CHECK(klima::io::read_file(dir.file("r.xlsx")).substr(0, 2) == "PK");
}

TEST_CASE("cli report: bad input gives one line with the fix, non-zero exit", "[cli][report][errors]") {
    klima::test::TempDir dir;
    // exit 2: the command line does not fit the command; exit 1: bad input data
    const auto expect_error = [](const std::string& args, const std::string& text, int exit_code = 1) {
        const auto r = run_cli(args);
        INFO(args << "\n" << r.err);
        CHECK(r.exit_code == exit_code);
        CHECK_THAT(r.err, Contains(text));
        CHECK(r.out.empty());
    };
    expect_error("report --year 2023", "--scenario", 2);
    // wrong option values are a wrong command line too (issue 11, defect 11)
    expect_error(base_args() + " --format pdf", "md, csv, json, html or xlsx", 2);
    expect_error(base_args() + " --lang de", "use da or en", 2);
    expect_error("report --scenario " + fixture("scenario/two_measures.json") + " --year 1980", "outside 1990–2050", 2);
    expect_error(base_args() + " --targets /nonexistent/t.json", "/nonexistent/t.json");
    const auto bad = dir.write("realised.csv", "measure,year,t_co2e,source\nev,2023,5,x\nbus,2023,5,x\n");
    expect_error(base_args() + " --realised " + bad, "realised.csv");
    expect_error(base_args() + " --realised " + bad, "no measure 'bus'");
    const auto twice = dir.write("twice.csv", "measure,year,t_co2e,source\nev,2023,5,x\nev,2023,6,x\n");
    expect_error(base_args() + " --realised " + twice, "a second realised effect for ev in 2023");
    const auto year = dir.write("year.csv", "measure,year,t_co2e,source\nev,2063,5,x\n");
    expect_error(base_args() + " --realised " + year, "outside 1990–2050");
    // A scenario without a targets file
    std::string text = klima::io::read_file(fixture("scenario/two_measures.json"));
    const auto at = text.find("\"targets\"");
    text.erase(at, text.find('\n', at) - at + 1);
    for (const char* f : {"activity.csv", "drivers.csv"}) {
        const auto p = text.find(std::string("\"") + f + "\"");
        text.replace(p + 1, std::string(f).size(), fixture(std::string("scenario/") + f));
    }
    const auto no_targets = dir.write("no_targets.json", text);
    expect_error("report --scenario " + no_targets + " --data-dir " + fixture("scenario/data") + " --year 2023",
                 "names no targets file");
}
