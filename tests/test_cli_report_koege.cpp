// klima report on the bundled Køge example (scenarios/koege.json, data/koege, data/targets/koege.json),
// end to end through the CLI. Figures checked by hand from data/koege/activity.csv and data/factors:
//   industriprocesser 2017: proces_co2 16000 t × 1 + fgas 8000 t × 1 = 24000 t; 2023: 12000 + 5000 = 17000 t
//   lulucf 2017: skov_ny 200 ha × −10 + skov_eksisterende 1500 ha × −2 + lavbund_dyrket 300 ha × 28.97
//                = −2000 − 3000 + 8691 = 3691 t; 2023: 350 × −10 + 1500 × −2 + 280 × 28.97 = 1611.6 t
//   skovrejsning 2030: phase (2030 − 2022 + 1)/(2035 − 2022 + 1) = 9/14 of 300 ha × 10 t/ha = 1928.571 t
//   Køge target: −46 % by 2030 against 2017, neutral 2050: with E = 2017 total,
//   path 2030 = 0.54 E; budget 2017–2050 = 14 × (E + 0.54 E)/2 + Σ_{k=0..19} 0.54 E × k/20
//                                         = 10.78 E + 5.13 E = 15.91 E
#include "report_fixture.hpp"
#include "support.hpp"

#include "klima/io/csv.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using klima::test::run_cli;
using Catch::Contains;

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
    // BAU holds industrial processes constant: 24000; target share 24000 × 0.54 = 12960; no measure
    CHECK(ind["bau_2030_t"].get<double>() == Approx(24000.0));
    CHECK(ind["target_2030_t"].get<double>() == Approx(12960.0));
    CHECK(ind["planned_effect_2030_t"].get<double>() == Approx(0.0));
    // 24000 − 0 − 12960 = 11040
    CHECK(ind["remaining_gap_2030_t"].get<double>() == Approx(11040.0));

    const auto& lulucf = sector(j, "lulucf");
    CHECK(lulucf["reference_t"].get<double>() == Approx(3691.0));
    CHECK(lulucf["latest_t"].get<double>() == Approx(1611.6));
    // (1611.6 − 3691)/3691 = −0.563370
    CHECK(lulucf["change_vs_reference"].get<double>() == Approx(-0.5633703));
    CHECK(lulucf["planned_effect_2030_t"].get<double>() == Approx(1928.5714));
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
    // −29.2 % = (17000 − 24000)/24000; Danish decimal comma
    CHECK_THAT(md.out, Contains("| Industriprocesser | 24.000,0 | 24.000,0 | 17.000,0 | -29,2 % | -29,2 % | 24.000,0 | 12.960,0 | 0,0 | 11.040,0 |"));
    CHECK_THAT(md.out, Contains("Planen har 1 delmål; DK2020 kræver mindst 2 før klimaneutralitet."));

    klima::test::TempDir dir;
    const auto html = run_cli(koege("--format html --out " + dir.file("koege.html")));
    REQUIRE(html.exit_code == 0);
    const auto page = klima::io::read_file(dir.file("koege.html"));
    CHECK(klima::test::occurrences(page, "class=\"wedge\"") == 9);  // nine measures in scenarios/koege.json
}

TEST_CASE("Ballerup report: the bundled example reports against its targets (−85 % by 2030, neutral 2045)", "[cli][report]") {
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
