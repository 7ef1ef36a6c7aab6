// klima report on the bundled Køge example (scenarios/koege.json, data/koege, data/targets/koege.json),
// end to end through the CLI. Figures checked by hand from data/koege/activity.csv and data/factors:
//   industriprocesser 2017: proces_co2 16000 t × 1 + fgas 8000 t × 1 = 24000 t; 2023: 12000 + 5000 = 17000 t
//   lulucf 2017: skov_ny 200 ha × −10 + skov_eksisterende 1500 ha × −2 + lavbund_dyrket 300 ha × 28.97
//                = −2000 − 3000 + 8691 = 3691 t; 2023: 350 × −10 + 1500 × −2 + 280 × 28.97 = 1611.6 t
//   skovrejsning 2030: phase (2030 − 2022 + 1)/(2035 − 2022 + 1) = 9/14 of 300 ha × 10 t/ha = 1928.571 t
//   in the plan as adopted; projected from the 2023 inventory, 2/14 of it is already in that inventory
//   Køge target: −46 % by 2030 against 2017, neutral 2050: with E = 2017 total,
//   path 2030 = 0.54 E; budget 2017–2050 = 14 × (E + 0.54 E)/2 + Σ_{k=0..19} 0.54 E × k/20
//                                         = 10.78 E + 5.13 E = 15.91 E
#include "report_fixture.hpp"
#include "support.hpp"

#include "klima/io/csv.hpp"
#include "klima/io/output_file.hpp"

#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using Catch::Contains;
using klima::test::run_cli;

namespace {

const std::string kRoot = std::string(KLIMA_TEST_DIR) + "/..";

std::string koege(const std::string& extra) {
    return "report --scenario " + kRoot + "/scenarios/koege.json --data-dir " + kRoot + "/data --year 2023 " + extra;
}

const nlohmann::json& sector(const nlohmann::json& j, const std::string& key) {
    for (const auto& s : j["progress"]["sectors"])
        if (s["key"] == key) return s;
    FAIL("no sector " << key);
    throw 0;
}

}  // namespace

TEST_CASE("Køge report: sector figures computed by hand", "[cli][report][koege]") {
    const auto r = run_cli(koege("--format json"));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["targets"]["reference_year"] == 2017);
    CHECK(j["progress"]["latest_year"] == 2023);

    const auto& ind = sector(j, "industriprocesser");
    CHECK(ind["reference_t"].get<double>() == Approx(24000.0));
    CHECK(ind["latest_t"].get<double>() == Approx(17000.0));
    // (17000 − 24000)/24000 = −0.291667
    CHECK(ind["change_vs_reference"].get<double>() == Approx(-0.2916667));
    // BAU holds industrial processes constant from the latest inventory (2023): 17000; target share
    // 24000 × 0.54 = 12960 (the reference year keeps its 2017 level); no measure
    CHECK(ind["bau_2030_t"].get<double>() == Approx(17000.0));
    CHECK(ind["target_2030_t"].get<double>() == Approx(12960.0));
    CHECK(ind["planned_effect_2030_t"].get<double>() == Approx(0.0));
    // 17000 − 0 − 12960 = 4040
    CHECK(ind["remaining_gap_2030_t"].get<double>() == Approx(4040.0));

    const auto& lulucf = sector(j, "lulucf");
    CHECK(lulucf["reference_t"].get<double>() == Approx(3691.0));
    CHECK(lulucf["latest_t"].get<double>() == Approx(1611.6));
    // (1611.6 − 3691)/3691 = −0.563370
    CHECK(lulucf["change_vs_reference"].get<double>() == Approx(-0.5633703));
    // Afforestation, 2022–2035 linear over 14 years, 3000 t at full effect: share (2030 − 2021)/14 = 9/14 in
    // 2030, of which (2023 − 2021)/14 = 2/14 is inside the 2023 inventory; what remains in 2030 is
    // 7/14 × 3000 = 1500 t
    CHECK(lulucf["planned_effect_2030_t"].get<double>() == Approx(1500.0));
    CHECK(lulucf["target_2030_t"].is_null());

    // Totals: E = Σ sectors of 2017; path and budget follow from E alone
    double e = 0;
    for (const auto& s : j["progress"]["sectors"]) e += s["reference_t"].get<double>();
    const auto& total = j["progress"]["totals"]["incl_lulucf"];
    CHECK(total["reference_t"].get<double>() == Approx(e));
    CHECK(total["target_2030_t"].get<double>() == Approx(0.54 * e));
    CHECK(j["budget"]["budget_t"].get<double>() == Approx(15.91 * e));
    // excl. LULUCF = incl. − 3691
    CHECK(j["progress"]["totals"]["excl_lulucf"]["reference_t"].get<double>() == Approx(e - 3691.0));
    // The 2030 gap is the remaining gap of the total
    CHECK(j["gap"]["milestone"]["gap_t"].get<double>() == Approx(total["remaining_gap_2030_t"].get<double>()));

    // Køge's plan has one interim target: the DK2020 check says so; the 2023 inventory is current
    bool too_few = false, outdated = false;
    for (const auto& f : j["dk2020_check"]) {
        too_few = too_few || f["kind"] == "too_few_interim_targets";
        outdated = outdated || f["kind"] == "inventory_outdated";
    }
    CHECK(too_few);
    CHECK_FALSE(outdated);
}

TEST_CASE("Køge report: Markdown row and the HTML page with nine wedges", "[cli][report][koege]") {
    const auto md = run_cli(koege("--lang da"));
    REQUIRE(md.exit_code == 0);
    // −29.2 % = (17000 − 24000)/24000; Danish decimal comma; whole tonnes; reference = base year 2017
    // BAU 2030 = the 2023 level (constant); target 24000 × 0.54 = 12960; gap 17.000 − 12.960 = 4.040
    CHECK_THAT(md.out, Contains("| Industriprocesser | 24.000 | 17.000 | -29,2 % | 17.000 | 12.960 | 0 | 4.040 |"));
    CHECK_THAT(md.out, Contains("Planen har 1 delmål; DK2020 kræver mindst 2 før klimaneutralitet."));

    klima::test::TempDir dir;
    const auto html = run_cli(koege("--format html --out " + dir.file("koege.html")));
    REQUIRE(html.exit_code == 0);
    const auto page = klima::io::read_file(dir.file("koege.html"));
    CHECK(klima::test::occurrences(page, "class=\"wedge\"") == 9);  // nine measures in scenarios/koege.json
}

TEST_CASE("Ballerup report: the bundled example reports against its targets (−85 % by 2030, neutral 2045)",
          "[cli][report]") {
    const auto r = run_cli("report --scenario " + kRoot + "/scenarios/ballerup.json --data-dir " + kRoot +
                           "/data --year 2023 --lang en --format json");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    // Only a 2017 inventory: latest year 2017, 2023 − 2017 = 6 > 3 years → outdated
    CHECK(j["progress"]["latest_year"] == 2017);
    bool outdated = false;
    for (const auto& f : j["dk2020_check"]) outdated = outdated || f["kind"] == "inventory_outdated";
    CHECK(outdated);
    // Path: E(2017) → 0.15 E(2017) in 2030 → 0 in 2045
    const double e = j["target_path"]["anchors"][0]["t"].get<double>();
    CHECK(j["target_path"]["anchors"][1]["t"].get<double>() == Approx(0.15 * e));
    CHECK(j["target_path"]["anchors"][2]["year"] == 2045);
    // Budget 2017–2045: 14 × (E + 0.15 E)/2 + Σ_{k=0..14} 0.15 E × k/15 = 8.05 E + 1.05 E = 9.1 E
    CHECK(j["budget"]["budget_t"].get<double>() == Approx(9.1 * e));
}

TEST_CASE("Køge report from the store: each year's inventory from the newest version that holds it",
          "[cli][report][koege][store]") {
    klima::test::TempDir dir;
    const auto db = dir.file("klima.db");
    const auto data = " --data-dir " + kRoot + "/data --db " + db;
    REQUIRE(run_cli("db import " + kRoot + "/data/koege/activity.csv --comment \"Køge 1990, 2017, 2023\"" + data)
                .exit_code == 0);
    const auto from_file = nlohmann::json::parse(run_cli(koege("--format json")).out);
    const auto stored = run_cli(koege("--format json --db " + db));
    INFO(stored.err);
    REQUIRE(stored.exit_code == 0);
    const auto j = nlohmann::json::parse(stored.out);
    CHECK(j["history"]["launch_year"] == 2023);
    CHECK(j["gap"]["milestone"]["gap_t"].get<double>() == Approx(from_file["gap"]["milestone"]["gap_t"].get<double>()));

    // A revised 2023 inventory, imported as a second version: its industrial process CO2 is 10000 t, not 12000.
    std::ifstream in(kRoot + "/data/koege/activity.csv");
    std::ostringstream revised;
    std::string line;
    std::getline(in, line);
    revised << line << "\n";
    while (std::getline(in, line)) {
        if (line.rfind("2023,", 0) != 0) continue;
        if (line.rfind("2023,industriprocesser,processer,proces_co2,12000,", 0) == 0)
            line.replace(line.find(",12000,"), 7, ",10000,");
        revised << line << "\n";
    }
    const auto file = dir.write("koege-2023-revised.csv", revised.str());
    REQUIRE(run_cli("db import " + file + " --comment \"2023 revised\"" + data).exit_code == 0);
    const auto after = nlohmann::json::parse(run_cli(koege("--format json --db " + db)).out);
    for (const auto& s : after["progress"]["sectors"]) {
        if (s["key"] != "industriprocesser") continue;
        // 2017 still from the first version: 24000; 2023 from the second: 10000 + 5000 = 15000
        CHECK(s["reference_t"].get<double>() == Approx(24000.0));
        CHECK(s["latest_t"].get<double>() == Approx(15000.0));
        // BAU from the latest inventory, held constant: 15000; gap 15000 − 12960 = 2040
        CHECK(s["bau_2030_t"].get<double>() == Approx(15000.0));
        CHECK(s["remaining_gap_2030_t"].get<double>() == Approx(2040.0));
    }
}
