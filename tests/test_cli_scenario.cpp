// klima scenario run: formats, values and one-line errors.
#include "support.hpp"

#include "klima/report/scenario_report.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>

using klima::test::fixture;
using klima::test::run_cli;

namespace {
// Launched from the base year 2017, so that the hand arithmetic of
// test_scenario.cpp applies (the fixture also holds a 2023 inventory row).
std::string run_args(const std::string& file, const std::string& format) {
    return "scenario run " + file + " --data-dir " + fixture("scenario/data") + " --format " + format +
           " --from-year 2017";
}
}  // namespace

TEST_CASE("cli scenario: JSON has BAU, scenario, drivers and each measure", "[cli][scenario]") {
    const auto r = run_cli(run_args(fixture("scenario/two_measures.json"), "json"));
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["base_year"] == 2017);
    CHECK(j["years"].size() == 34);  // 2017–2050
    // index 13 = 2030; cars BAU 7505 t (see test_scenario.cpp)
    CHECK(j["bau"]["transport/personbiler"][13].get<double>() == Approx(7505.0));
    CHECK(j["drivers"][13]["population"].get<double>() == Approx(11300.0));
    CHECK(j["drivers"][13]["el_kg_co2e_per_mwh"].get<double>() == Approx(50.0));
    CHECK(j["drivers"][0]["fjernvarme_kg_co2e_per_mwh"].get<double>() == Approx(80.0));
    const auto& ev = j["measures"][0];
    CHECK(ev["id"] == "ev");
    CHECK(ev["owner"] == "Teknik og Miljø");
    // Shapley share in 2030: 1330 t (hand computation in test_scenario.cpp)
    CHECK(ev["effect"]["transport/personbiler"][13].get<double>() == Approx(1330.0));
    // cumulative: 2021–2024 phase 0.2..0.8 and 2025–2050 at 1: each year the same Shapley share at full effect
    // (1330 t, all factors of cars and rail constant apart from el) — checked as cost / cumulative
    CHECK(ev["cost_per_tonne_dkk"].get<double>() == Approx(14000000.0 / ev["cumulative_avoided_t"].get<double>()));
    CHECK(j["measures"][1]["cost_per_tonne_dkk"].get<double>() == 0.0);
    CHECK(j["targets_file"].get<std::string>().find("targets/testby.json") != std::string::npos);
}

TEST_CASE("cli scenario: table shows milestones, measures and cost per tonne", "[cli][scenario]") {
    const auto r = run_cli(run_args(fixture("scenario/two_measures.json"), "table"));
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("BAU, t CO2e") && Catch::Contains("Scenario, t CO2e") &&
                          Catch::Contains("2045") && Catch::Contains("2050") && Catch::Contains("Population") &&
                          Catch::Contains("El, kg CO2e/MWh") && Catch::Contains("ev (ev_charging)") &&
                          Catch::Contains("(no owner)") && Catch::Contains("1330.0") && Catch::Contains("DKK/t"));
}

TEST_CASE("cli scenario: CSV is one row per series, row and year", "[cli][scenario]") {
    const auto r = run_cli(run_args(fixture("scenario/two_measures.json"), "csv"));
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::StartsWith("series,measure,sector,subsector,year,t_co2e,year_kind\n") &&
                          Catch::Contains("bau,,transport,personbiler,2017,") &&
                          Catch::Contains("bau,,transport,personbiler,2030,7505.000000,projected") &&
                          Catch::Contains("measure,ev,transport,personbiler,2030,1330.000000,projected"));
    CHECK_THAT(r.out, Catch::Contains("bau,,energi,el,2017,1000.000000,actual"));
}

TEST_CASE("cli scenario: bad input gives one line naming the JSON path, exit 1", "[cli][scenario][errors]") {
    klima::test::TempDir dir;
    const auto bad = dir.write("bad.json", R"({"name": "x", "municipality": "m", "base_year": 2017,
        "activity": "a.csv", "drivers": "d.csv", "measures": [{"id": "x", "type": "teleport", "name": "x",
        "start_year": 2020, "full_effect_year": 2021, "cost_dkk": 1, "source": "s", "params": {}}]})");
    const auto r = run_cli(run_args(bad, "table"));
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("bad.json") && Catch::Contains("/measures/0/type") &&
                          Catch::Contains("unknown measure type 'teleport'") && Catch::Contains("fix:"));
    const auto usage = run_cli("scenario walk x");
    CHECK(usage.exit_code == 2);  // a usage error
    CHECK_THAT(usage.err, Catch::Contains("unknown scenario subcommand 'walk'") && Catch::Contains("use run"));
}

TEST_CASE("report: milestone years are the base year, every fifth year from 2025, and the last", "[scenario]") {
    using klima::report::milestone_years;
    CHECK(milestone_years(2017, 2050) == std::vector<int>{2017, 2025, 2030, 2035, 2040, 2045, 2050});
    CHECK(milestone_years(2026, 2042) == std::vector<int>{2026, 2030, 2035, 2040, 2042});
}

TEST_CASE("cli scenario: a base year with a missing value says so in table and JSON", "[cli][scenario]") {
    const auto table = run_cli(run_args(fixture("scenario/missing_base.json"), "table"));
    REQUIRE(table.exit_code == 0);
    CHECK_THAT(table.out, Catch::Contains("1 base-year activity value(s) missing: left out of BAU and scenario"));
    const auto json = run_cli(run_args(fixture("scenario/missing_base.json"), "json"));
    REQUIRE(json.exit_code == 0);
    CHECK(nlohmann::json::parse(json.out)["base_year_missing"] == 1);
    const auto complete = run_cli(run_args(fixture("scenario/two_measures.json"), "table"));
    CHECK_THAT(complete.out, !Catch::Contains("base-year activity value(s) missing"));
}

TEST_CASE("cli scenario: from the latest inventory, with history, carried rows and --from-year", "[cli][scenario]") {
    const auto plain =
        "scenario run " + fixture("scenario/two_measures.json") + " --data-dir " + fixture("scenario/data");
    const auto latest = plain + " --format json";
    const auto r = run_cli(latest);
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["launch_year"] == 2023);
    CHECK(j["year_kinds"][0] == "actual");        // 2017
    CHECK(j["year_kinds"][3] == "interpolated");  // 2020
    CHECK(j["year_kinds"][6] == "actual");        // 2023
    CHECK(j["year_kinds"][7] == "projected");     // 2024
    // The fixture's 2023 inventory holds only el (9000 MWh × 100 kg/MWh = 900 t); every other row is carried
    // from 2017 and listed.
    CHECK(j["bau"]["energi/el"][6].get<double>() == Approx(900.0));
    CHECK(j["bau"]["energi/el"][3].get<double>() == Approx(1000.0 + 3.0 / 6.0 * (900.0 - 1000.0)));
    CHECK(j["carried"].size() >= 5);
    CHECK(j["carried"][0]["from_year"] == 2017);
    const auto table = run_cli(plain);
    CHECK_THAT(table.out,
               Catch::Contains("Years:    2017 actual, 2018–2022 interpolated, 2023 actual, 2024–2050 projected") &&
                   Catch::Contains("Carried:  transport/personbiler benzin is not in the 2023 inventory"));
    const auto no_inventory = run_cli(latest + " --from-year 2019");
    CHECK(no_inventory.exit_code == 1);
    CHECK_THAT(no_inventory.err, Catch::Contains("cannot start from 2019") && Catch::Contains("2017, 2023"));
    const auto outside = run_cli(latest + " --from-year 1850");
    CHECK(outside.exit_code == 2);
}

TEST_CASE("cli scenario: a plan with themes is grouped by theme in the table and summed in JSON", "[cli][scenario]") {
    const std::string plan = std::string(KLIMA_TEST_DIR) + "/../scenarios/koege-plan.json";
    const auto table = run_cli("scenario run " + plan);
    REQUIRE(table.exit_code == 0);
    CHECK_THAT(table.out, Catch::Contains("\nTransport\n") && Catch::Contains("  all of Transport") &&
                              Catch::Contains("  all of Kommunens egen drift") &&
                              Catch::Contains("varmepumper_gas (effects)"));
    const auto r = run_cli("scenario run " + plan + " --format json");
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["themes"].size() == 5);
    // The themes' cumulative avoided tonnes add up to the measures'.
    double themes = 0.0, measures = 0.0;
    for (const auto& t : j["themes"]) themes += t["cumulative_avoided_t"].get<double>();
    for (const auto& m : j["measures"]) measures += m["cumulative_avoided_t"].get<double>();
    CHECK(themes == Approx(measures).epsilon(1e-12));
    CHECK(j["measures"][2]["phase_in"] == "s_curve");
    CHECK(j["attribution"]["estimated"].empty());
}

TEST_CASE("cli report: a plan with themes has a section by theme", "[cli][report]") {
    const std::string plan = std::string(KLIMA_TEST_DIR) + "/../scenarios/koege-plan.json";
    klima::test::TempDir dir;
    const auto md =
        run_cli("report --scenario " + plan + " --year 2023 --format md --lang en --out " + dir.file("r.md"));
    REQUIRE(md.exit_code == 0);
    const auto j = run_cli("report --scenario " + plan + " --year 2023 --format json --out " + dir.file("r.json"));
    REQUIRE(j.exit_code == 0);
    std::ifstream in(dir.file("r.json"));
    const auto doc = nlohmann::json::parse(in);
    const auto& themes = doc["progress"]["themes"];
    REQUIRE(themes.size() == 5);
    // Each theme's 2030 effect is the sum of its measures' 2030 effects (the one effect, issue 25), in and
    // outside the target's scope alike.
    for (const auto& t : themes) {
        double sum = 0.0, outside = 0.0;
        for (const auto& m : doc["progress"]["measures"])
            if (m["theme"] == t["theme"]) {
                sum += m["effect_2030"]["total_t"].get<double>();
                outside += m["effect_2030"]["outside_scope_t"].get<double>();
            }
        CHECK(t["effect_2030"]["total_t"].get<double>() == Approx(sum).epsilon(1e-12));
        CHECK(t["effect_2030"]["outside_scope_t"].get<double>() == Approx(outside).margin(1e-9));
    }
    std::ifstream md_in(dir.file("r.md"));
    const std::string text((std::istreambuf_iterator<char>(md_in)), std::istreambuf_iterator<char>());
    CHECK_THAT(text, Catch::Contains("## Progress by theme") && Catch::Contains("| Landbrug og natur | 6 |"));
}
