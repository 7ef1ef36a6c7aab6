// klima status on the command line: the report in each format, the export for
// the national monitoring, the bundled Køge example, and exit codes 1 and 2.
#include "support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>

using namespace klima::test;
using Catch::Matchers::Contains;

namespace {

std::string args(const std::string& status = fixture("status/status.csv")) {
    return "status --scenario " + fixture("scenario/two_measures.json") + " --data-dir " + fixture("scenario/data") +
           " --year 2024 --status " + status + " --indicators " + fixture("status/indicators.csv") + " --catalogue " +
           fixture("status/catalogue.csv");
}

}  // namespace

TEST_CASE("cli status: JSON with the realised effect computed at 50 of 100 chargers", "[cli][status]") {
    const auto r = run_cli(args() + " --format json");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    const auto& ev = j["actions"][0];
    CHECK(ev["id"] == "ev");
    CHECK(ev["status"] == "in progress");
    // Planned by 2024: (2024 − 2021 + 1)/5 = 0.8 × 100 = 80 chargers; 50 − 80 = −30, −37.5 %.
    CHECK(ev["planned_uptake"].get<double>() == Approx(80));
    CHECK(ev["ahead"].get<double>() == Approx(-30));
    CHECK(ev["ahead_pct"].get<double>() == Approx(-37.5));
    // 50 chargers × 0.002 = 10 % of the car-km on petrol (30,000 MWh ÷ 0.6 kWh/km = 50 M km) to
    // electricity: alone 5 M km × (0.6 × 0.25 − 0.2 × 0.1) kg/km = 650 t; after 'tog' (planned, 0.8 ×
    // 10 % = 8 % of car-km shifted first) 4.6 M km × 0.13 kg/km = 598 t; its Shapley share
    // (650 + 598) / 2 = 624 t.
    CHECK(ev["realised_t"].get<double>() == Approx(624));
    CHECK(ev["spent_dkk"].get<double>() == Approx(5000000.5));
    CHECK(j["actions"][1]["realised_t"].is_null());  // tog: delayed, no uptake given — no figure, not 0
    CHECK(j["counts"]["in progress"] == 1);
    CHECK(j["counts"]["delayed"] == 1);
    CHECK(j["not_reported"] == 0);
    // The indicator linked to 'ev' has no 2024 value: the status's 50 chargers fill it.
    REQUIRE(j["indicators"].size() == 1);
    CHECK(j["indicators"][0]["value"].get<double>() == Approx(50));
    CHECK(j["indicators"][0]["previous"].get<double>() == Approx(20));
    CHECK(j["indicators"][0]["target"].get<double>() == Approx(80));
    // ev changed from ikke påbegyndt (2023); tog has no 2023 row.
    REQUIRE(j["changes"].size() == 2);
    CHECK(j["changes"][0]["from"] == "not started");
    CHECK(j["changes"][1]["from"].is_null());
    // The emissions rows are the DK2020 report's: 2023 (latest inventory) and 2024, 2030.
    REQUIRE(j["emissions"].size() >= 2);
    CHECK(j["emissions"][0]["year"] == 2023);
    CHECK(j["emissions"][0]["kind"] == "actual");
}

TEST_CASE("cli status: Markdown and HTML in both languages", "[cli][status]") {
    const auto da = run_cli(args());
    INFO(da.err);
    REQUIRE(da.exit_code == 0);
    CHECK_THAT(da.out, Contains("# Klimastatus 2024"));
    CHECK_THAT(da.out, Contains("| Ladestandere | (uden tema) | igangsat | 80 / 100 chargers | 50 chargers | -30 "
                                "chargers (-38 %) bagud | "));
    CHECK_THAT(da.out, Contains("ikke påbegyndt → igangsat, optag – → 50"));
    // An uptake above the plan's full 100 chargers is shown with a note, not refused.
    TempDir dir;
    const auto above = run_cli(
        args(dir.write("above.csv", "action,year,status,uptake,unit,source\nev,2024,completed,120,chargers,x\n")) +
        " --lang en");
    INFO(above.err);
    REQUIRE(above.exit_code == 0);
    CHECK_THAT(above.out,
               Contains("+40 chargers (+50 %) ahead") && Contains("above the plan's full uptake (100 chargers)"));
    const auto en = run_cli(args() + " --lang en --format html");
    REQUIRE(en.exit_code == 0);
    CHECK_THAT(en.out, Contains("<h2>Indicators</h2>"));
    CHECK_THAT(en.out, Contains("<svg"));
    CHECK_THAT(en.out, Contains("<td>in progress</td>"));
}

TEST_CASE("cli status: the export has one row per action and per indicator value", "[cli][status]") {
    const auto r = run_cli(args() + " --format export-csv");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("record,municipality_code,municipality,year,action_id,theme,sector,status_da"));
    CHECK_THAT(r.out, Contains("action,,testby,2024,ev,,transport,igangsat,in progress,2021,2025,"));
    // Figures in full (not 5e+06), each indicator row with its own source.
    CHECK_THAT(r.out, Contains(",5000000.5,"));
    CHECK_THAT(r.out, Contains("chargers,20,40,chargers,test register\n"));
    CHECK_THAT(r.out, Contains("indicator,,testby,2025,,,,,,,,,,,,,,,chargers,,100,chargers,"));
    std::size_t lines = 0;
    for (char c : r.out) lines += c == '\n';
    CHECK(lines == 1 + 2 + 3);  // header, 2 actions, chargers 2023, 2024 (from the status), 2025
}

TEST_CASE("cli status: bad files exit 1 naming file and line, a bad command line 2", "[cli][status]") {
    TempDir dir;
    const auto bad_word = dir.write("s.csv", "action,year,status,source\nev,2024,halvvejs,x\n");
    const auto r = run_cli(args(bad_word));
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Contains("s.csv:2") && Contains("halvvejs") && Contains("ikke påbegyndt"));
    const auto unknown = dir.write("u.csv", "action,year,status,source\nelbusser,2024,igangsat,x\n");
    const auto u = run_cli(args(unknown));
    CHECK(u.exit_code == 1);
    CHECK_THAT(u.err, Contains("unknown action 'elbusser'") && Contains("ev, tog"));
    const auto f = run_cli(args() + " --format pdf");
    CHECK(f.exit_code == 2);
    CHECK_THAT(f.err, Contains("export-csv"));
    // --out is not written when the input is refused.
    const auto out = dir.file("status.md");
    CHECK(run_cli(args(bad_word) + " --out " + out).exit_code == 1);
    CHECK_FALSE(std::ifstream(out).good());
}

TEST_CASE("cli status: the bundled Køge example shows every part", "[cli][status][bundled]") {
    const std::string root = std::string(KLIMA_TEST_DIR) + "/..";
    const auto r =
        run_cli("status --scenario " + root + "/scenarios/koege-plan.json --year 2024 --status " + root +
                "/data/koege/status-2024.csv --indicators " + root + "/data/koege/indicators.csv --format json");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["municipality_code"] == "259");
    CHECK(j["not_reported"].get<int>() > 0);
    REQUIRE(j["indicators"].size() == 1);  // territorial emissions only: the one public series
    CHECK(j["indicators"][0]["previous"].get<double>() == Approx(375121.8));
    CHECK(j["indicators"][0]["value"].is_null());  // 2024 not published: missing, not 0
    const auto md = run_cli("status --scenario " + root + "/scenarios/koege-plan.json --year 2024 --status " + root +
                            "/data/koege/status-2024.csv");
    CHECK_THAT(md.out, Contains("Illustrativ: 27 af årets statusrækker er illustrative"));
    for (const auto& a : j["actions"])
        if (!a["status"].is_null()) CHECK_THAT(a["source"].get<std::string>(), Contains("ILLUSTRATIVE"));
}

TEST_CASE("cli report --status: the DK2020 progress table's realised column from the yearly status",
          "[cli][status][report]") {
    const auto r = run_cli("report --scenario " + fixture("scenario/two_measures.json") + " --data-dir " +
                           fixture("scenario/data") + " --year 2024 --no-analysis --format json --status " +
                           fixture("status/status.csv"));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    const auto& ev = j["progress"]["measures"][0];
    REQUIRE(ev["id"] == "ev");
    // As in the status: 50 chargers, (650 + 598) / 2 = 624 t.
    CHECK(ev["realised_t"].get<double>() == Approx(624));
    // Planned in 2024 (the plan as adopted): 80 chargers, 16 % of the petrol car-km: alone 8 M km ×
    // 0.13 kg/km = 1,040 t, after tog's 8 % 7.36 M km × 0.13 = 956.8 t; Shapley (1,040 + 956.8) / 2
    // = 998.4 t. 624 < 0.9 × 998.4: behind.
    CHECK(ev["planned_t"].get<double>() == Approx(998.4));
    CHECK(ev["status"] == "behind");
    CHECK(j["progress"]["measures"][1]["realised_t"].is_null());  // tog: no uptake in the status
}
