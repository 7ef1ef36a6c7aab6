// A plan from the national figures (docs/national.md, "A plan from the national figures"): a
// scenario whose history is one municipality's sector totals in the Energi- og CO2-regnskab
// (data/national/), projected by drivers and acted on by share; the measures such a history cannot
// carry, an unknown code, and Læsø's negative total.
#include "support.hpp"

#include "klima/error.hpp"
#include "klima/io/input_file.hpp"
#include "klima/national/national_history.hpp"
#include "klima/plan_inputs.hpp"
#include "klima/scenario.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>

using namespace klima;
using Catch::Contains;
using Catch::Detail::Approx;

namespace {

const std::string kRoot = std::string(KLIMA_TEST_DIR) + "/..";

// Drivers 2018–2030 for the hand arithmetic: flat to 2023, then population 100,000 → 102,000 in
// 2025 (+2 %) and vehicle-km 700 → 721 million (+3 %). Illustrative test values.
std::string drivers_csv() {
    std::string out = "year,population,households,vehicle_km_million,source\n";
    for (int y = 2018; y <= 2030; ++y) {
        const double pop = y <= 2023 ? 100000 : y == 2024 ? 101000 : 102000;
        const double vkm = y <= 2023 ? 700 : y == 2024 ? 710.5 : 721;
        out += std::to_string(y) + "," + std::to_string(pop) + ",50000," + std::to_string(vkm) + ",test\n";
    }
    return out;
}

std::string scenario_json(const std::string& code, const std::string& measures) {
    return R"({"name": "test", "municipality": "test", "base_year": 2018, "end_year": 2030,
               "history": {"national": ")" +
           code + R"("}, "drivers": "drivers.csv", "measures": [)" + measures + "]}";
}

PlanInputs load(const test::TempDir& dir, const std::string& code, const std::string& measures) {
    dir.write("drivers.csv", drivers_csv());
    PlanRequest r;
    r.scenario_file = dir.write("scenario.json", scenario_json(code, measures));
    r.data_dir = kRoot + "/data";
    FileSource files;
    return load_plan(r, files);
}

double t(units::Mass m) { return m.value() / 1000.0; }

const std::string kEnergy40 =
    R"({"id": "energi_andel", "name": "e", "start_year": 2024, "full_effect_year": 2025, "cost_dkk": 0, "source": "test",
        "effects": [{"op": "reduce", "rows": {"sector": "energi"}, "share": 0.4}]})";

}  // namespace

TEST_CASE("a national history is the regnskab's sector totals, each a record in t CO2e") {
    test::TempDir dir;
    const auto in = load(dir, "0265", "");
    // Roskilde: 6 years × 5 sectors.
    CHECK(in.activity->size() == 30);
    CHECK(in.spec.history.national());
    CHECK(in.spec.history.vintage == "2026-05-18");
    CHECK_THAT(in.spec.activity_file, Contains("municipal-emissions-2018-2023.csv"));
    const auto result = run_scenario(in.spec, *in.activity, *in.drivers, *in.ref);
    // 2018 as published: 204,038.2 + 112,639.4 + 19,754.1 + 9,112.5 + 10,638.6 = 356,182.8
    // (the regnskab's own samlet is 356,182.9: the sectors add up to it within rounding here).
    CHECK(t(result.bau.total(2018)) == Approx(356182.8));
    CHECK(t(result.bau.at("industriprocesser/industri_regnskab", 2018)) == Approx(10638.6));
    CHECK(result.history.national());
    CHECK(result.history.municipality_code == "0265");
}

TEST_CASE("BAU from a national history follows the drivers; a share measure takes its share of the sector") {
    test::TempDir dir;
    const auto in = load(dir, "0265", kEnergy40);
    const auto r = run_scenario(in.spec, *in.activity, *in.drivers, *in.ref);
    REQUIRE(r.launch_year == 2023);
    // BAU 2025 from Roskilde's 2023 sector totals:
    //   energi    107,915.6 × 102,000/100,000 = 110,073.912   (population)
    //   transport  99,551.1 × 721/700         = 102,537.633   (vehicle-km)
    //   landbrug   12,372.9                                   (constant)
    //   affald      7,978.9 × 1.02            =   8,138.478   (population)
    //   industri    5,542.4                                   (constant)
    //   total                                 = 238,665.323
    CHECK(t(r.bau.sector_total("energi", 2025)) == Approx(110073.912));
    CHECK(t(r.bau.sector_total("transport", 2025)) == Approx(102537.633));
    CHECK(t(r.bau.total(2025)) == Approx(238665.323));
    // The measure: 40 % of energi at full effect (2025); linear phase-in 2024–2025 gives 1/2 in 2024.
    //   2025: 110,073.912 × 0.4 = 44,029.5648 → scenario 238,665.323 − 44,029.5648 = 194,635.7582
    //   2024: energi BAU 107,915.6 × 1.01 = 108,994.756; × 0.4 × 1/2 = 21,798.9512
    CHECK(t(r.bau.total(2025) - r.scenario.total(2025)) == Approx(44029.5648));
    CHECK(t(r.scenario.total(2025)) == Approx(194635.7582));
    CHECK(t(r.bau.total(2024) - r.scenario.total(2024)) == Approx(21798.9512));
    REQUIRE(r.measures.size() == 1);
    CHECK(t(r.measures[0].effect.total(2025)) == Approx(44029.5648));
}

TEST_CASE("an unknown municipality code is refused naming the scenario's /history/national") {
    test::TempDir dir;
    try {
        load(dir, "9999", "");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::input);
        CHECK(e.where().field == "/history/national");
        CHECK_THAT(e.problem(), Contains("'9999'") && Contains("municipalities.csv"));
    }
    // Not four digits: refused when the scenario is read.
    CHECK_THROWS_WITH(load(dir, "259", ""), Contains("not a municipality code"));
}

TEST_CASE("a measure that needs fuel rows is refused naming it: the history has only sector totals") {
    test::TempDir dir;
    const std::string heat_pumps =
        R"({"id": "varmepumper", "type": "heat_pumps", "name": "v", "start_year": 2024, "full_effect_year": 2030,
            "cost_dkk": 0, "source": "test", "params": {"households": 500, "heat_mwh_per_household": 14, "from_carrier": "gasolie",
            "boiler_efficiency": 0.85, "cop": 3.0}})";
    CHECK_THROWS_WITH(load(dir, "0265", heat_pumps),
                      Contains("measure 'varmepumper'") && Contains("heat_pumps") && Contains("only sector totals"));
    const std::string by_carrier =
        R"({"id": "gas", "name": "g", "start_year": 2024, "full_effect_year": 2030, "cost_dkk": 0, "source": "test",
            "effects": [{"op": "reduce", "rows": {"carrier": "naturgas"}, "share": 0.1}]})";
    CHECK_THROWS_WITH(load(dir, "0265", by_carrier), Contains("measure 'gas'") && Contains("only sector totals"));
}

TEST_CASE("Læsø: a negative sector total is a net removal, kept; a share of the sink is refused") {
    test::TempDir dir;
    const auto in = load(dir, "0825", "");
    const auto r = run_scenario(in.spec, *in.activity, *in.drivers, *in.ref);
    // 2023: 4,746.8 + 3,414.6 − 17,819.8 + 174.6 + 109.6 = −9,374.2 (the regnskab's samlet: −9,374.2).
    CHECK(t(r.bau.total(2023)) == Approx(-9374.2));
    CHECK(t(r.bau.sector_total("landbrug", 2023)) == Approx(-17819.8));
    // A share of every sector would take a share of the sink too: refused, naming the measure.
    const std::string all =
        R"({"id": "alt", "name": "a", "start_year": 2024, "full_effect_year": 2025, "cost_dkk": 0, "source": "test",
            "effects": [{"op": "reduce", "rows": {}, "share": 0.1}]})";
    CHECK_THROWS_WITH(load(dir, "0825", all),
                      Contains("measure 'alt'") && Contains("net sink of 17819.8 t CO2e in 2023"));
    // Only the emitting rows: accepted. 2025: energi 4,746.8 × 1.02 = 4,841.736, transport
    // 3,414.6 × 1.03 = 3,517.038, affald 174.6 × 1.02 = 178.092, industri 109.6 (constant):
    // 8,646.466 × 0.1 = 864.6466 avoided.
    const std::string emitting =
        R"({"id": "udledende", "name": "u", "start_year": 2024, "full_effect_year": 2025, "cost_dkk": 0, "source": "test",
            "effects": [{"op": "reduce", "rows": {"carrier": "regnskab_co2e"}, "share": 0.1}]})";
    const auto in2 = load(dir, "0825", emitting);
    const auto r2 = run_scenario(in2.spec, *in2.activity, *in2.drivers, *in2.ref);
    CHECK(t(r2.bau.total(2025) - r2.scenario.total(2025)) == Approx(864.6466));
}

TEST_CASE("the scenario run and the report say which kind of history they used") {
    const auto national = test::run_cli("scenario run --data-dir '" + kRoot + "/data' '" + kRoot +
                                        "/scenarios/national-roskilde.json' --format json");
    REQUIRE(national.exit_code == 0);
    const auto j = nlohmann::json::parse(national.out);
    CHECK(j["history"]["kind"] == "national");
    CHECK(j["history"]["label"] ==
          "Energi- og CO2-regnskabet (vintage 2026-05-18), sector totals of municipality 0265");
    const auto koege = test::run_cli("scenario run --data-dir '" + kRoot + "/data' '" + kRoot +
                                     "/scenarios/koege.json' --format json");
    REQUIRE(koege.exit_code == 0);
    CHECK(nlohmann::json::parse(koege.out)["history"]["kind"] == "activity");

    // A report needs targets whose reference year the history holds: 2018 (illustrative test targets).
    test::TempDir dir;
    const auto targets = dir.write("targets.json", R"({"municipality": "roskilde", "name": "test",
        "scope": "territorial_incl_lulucf", "reference_year": 2018,
        "interim_targets": [{"year": 2030, "reduction_pct": 50, "against_year": 2018, "source": "illustrative: test"}],
        "neutrality": {"year": 2050, "source": "illustrative: test"}})");
    const std::string report = "report --data-dir '" + kRoot + "/data' --scenario '" + kRoot +
                               "/scenarios/national-roskilde.json' --year 2023 --no-analysis --targets '" + targets +
                               "' --format ";
    const auto md = test::run_cli(report + "md");
    REQUIRE(md.exit_code == 0);
    CHECK_THAT(md.out,
               Contains("Historik: Energi- og CO2-regnskabet (version 2026-05-18), sektortotaler for kommune 0265"));
    const auto html = test::run_cli(report + "html --lang en");
    REQUIRE(html.exit_code == 0);
    CHECK_THAT(html.out, Contains("History: Energi- og CO2-regnskabet (vintage 2026-05-18), sector totals"));
    const auto rj = test::run_cli(report + "json");
    REQUIRE(rj.exit_code == 0);
    CHECK(nlohmann::json::parse(rj.out)["history"]["vintage"] == "2026-05-18");
}

TEST_CASE("an unknown municipality code on the command line exits 1 with the error's place") {
    test::TempDir dir;
    dir.write("drivers.csv", drivers_csv());
    const auto file = dir.write("scenario.json", scenario_json("0999", ""));
    const auto r = test::run_cli("scenario run --data-dir '" + kRoot + "/data' '" + file + "'");
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Contains("/history/national") && Contains("'0999'"));
}

TEST_CASE("db import --national: a municipality's sector totals become a store version; a revision shows in db diff") {
    test::TempDir dir;
    namespace fs = std::filesystem;
    const auto national = dir.file("national");
    fs::copy(kRoot + "/data/national", national);
    const std::string db = dir.file("k.db"), data = "--data-dir '" + kRoot + "/data' ";
    // An unknown code: refused, exit 1, no store made.
    const auto bad =
        test::run_cli("db import '" + national + "' --national 0999 --comment x --db '" + db + "' " + data);
    CHECK(bad.exit_code == 1);
    CHECK_THAT(bad.err, Contains("'0999'"));
    CHECK_FALSE(fs::exists(db));
    // Roskilde: 6 years × 5 sectors = 30 records.
    const auto first =
        test::run_cli("db import '" + national + "' --national 0265 --comment first --db '" + db + "' " + data);
    REQUIRE(first.exit_code == 0);
    CHECK_THAT(first.out, Contains("stored 30 activity rows"));
    const auto versions = test::run_cli("db versions --db '" + db + "' " + data);
    CHECK_THAT(versions.out, Contains("vintage 2026-05-18, sector totals of 0265"));
    // 2023 from the store: 107,915.6 + 99,551.1 + 12,372.9 + 7,978.9 + 5,542.4 = 233,360.9 t.
    const auto inv = test::run_cli("inventory --db '" + db + "' --year 2023 --format json " + data);
    REQUIRE(inv.exit_code == 0);
    CHECK(nlohmann::json::parse(inv.out)["totals"]["territorial"]["t_co2e"].get<double>() == Approx(233360.9));
    // A revised vintage: energi 2022 132,030.6 → 132,000.0 (−30.6 t), imported as the next version.
    auto csv = io::read_file(national + "/municipal-emissions-2018-2023.csv");
    const std::string from = "0265,Roskilde,2022,energi,132030.6", to = "0265,Roskilde,2022,energi,132000.0";
    REQUIRE(csv.find(from) != std::string::npos);
    csv.replace(csv.find(from), from.size(), to);
    dir.write("national/municipal-emissions-2018-2023.csv", csv);
    const auto second =
        test::run_cli("db import '" + national + "' --national 0265 --comment revised --db '" + db + "' " + data);
    REQUIRE(second.exit_code == 0);
    const auto diff = test::run_cli("db diff 2 3 --db '" + db + "' " + data);
    INFO(diff.out << diff.err);
    REQUIRE(diff.exit_code == 0);
    CHECK_THAT(diff.out, Contains("-30.6"));
}

TEST_CASE("a national history run with --db says on stderr that the store was not read") {
    test::TempDir dir;
    const std::string db = dir.file("k.db"), data = "--data-dir '" + kRoot + "/data' ";
    // The store holds Roskilde's vintage with energi 2022 revised by −30.6 t: a plan that read it would differ.
    const auto national = dir.file("national");
    std::filesystem::copy(kRoot + "/data/national", national);
    auto csv = io::read_file(national + "/municipal-emissions-2018-2023.csv");
    const std::string from = "0265,Roskilde,2022,energi,132030.6", to = "0265,Roskilde,2022,energi,132000.0";
    REQUIRE(csv.find(from) != std::string::npos);
    csv.replace(csv.find(from), from.size(), to);
    dir.write("national/municipal-emissions-2018-2023.csv", csv);
    REQUIRE(
        test::run_cli("db import '" + national + "' --national 0265 --comment r --db '" + db + "' " + data).exit_code ==
        0);

    const std::string run = "scenario run " + data + "'" + kRoot + "/scenarios/national-roskilde.json' --format json";
    const auto files = test::run_cli(run);
    const auto with_db = test::run_cli(run + " --db '" + db + "'");
    REQUIRE(files.exit_code == 0);
    REQUIRE(with_db.exit_code == 0);
    CHECK(files.err.empty());
    CHECK_THAT(with_db.err, Contains("klima: warning: the national history of 0265 is read from " + kRoot +
                                     "/data/national/ (vintage 2026-05-18), not from the store " + db +
                                     ": neither its activity nor its factors are used"));
    // Its output is the files' run: the store's revised 2022 was not read.
    CHECK(with_db.out == files.out);

    // A report with its analysis; the warning is said once, however often the plan is loaded.
    const auto targets = dir.write("targets.json", R"({"municipality": "roskilde", "name": "test",
        "scope": "territorial_incl_lulucf", "reference_year": 2018,
        "interim_targets": [{"year": 2030, "reduction_pct": 50, "against_year": 2018, "source": "illustrative: test"}],
        "neutrality": {"year": 2050, "source": "illustrative: test"}})");
    const auto report =
        test::run_cli("report " + data + "--scenario '" + kRoot + "/scenarios/national-roskilde.json' " +
                      "--targets '" + targets + "' --year 2023 --format json --db '" + db + "'");
    INFO(report.err);
    REQUIRE(report.exit_code == 0);
    const auto at = report.err.find("klima: warning: the national history");
    REQUIRE(at != std::string::npos);
    CHECK(report.err.find("klima: warning: the national history", at + 1) == std::string::npos);
}
