// klima db compare, db import --overrides / --allocation, db recalc --allocation and
// inventory --factors from the command line (issue 23). Fixture factors: el 200 kg CO2e/MWh in
// 2017 and 100 in 2023; fjernvarme 80 kg CO2e/MWh 2017–2023.
#include "store_support.hpp"

#include "klima/io/csv.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using klima::test::fixture;
using klima::test::run_cli;

namespace {

std::string db_args(const klima::test::TempDir& dir) {
    return " --data-dir " + klima::test::fixture_data_dir() + " --db " + dir.file("klima.db");
}

constexpr const char* kOverrides =
    "carrier,subsector,gas,value,unit,year_from,year_to,status,source\n"
    "el,,,150,kg/MWh,2017,2017,official,local declaration 2017\n";

}  // namespace

TEST_CASE("cli store years: db compare splits two years of the current version", "[cli][store][years]") {
    klima::test::TempDir dir;
    REQUIRE(run_cli("db import " + fixture("activity.csv") + " --comment both" + db_args(dir)).exit_code == 0);
    const auto r = run_cli("db compare 2017 2023" + db_args(dir));
    REQUIRE(r.exit_code == 0);
    // el 1000 MWh both years: 200 t → 100 t, all factor: activity 0, factor −100
    CHECK_THAT(r.out, Catch::Contains("version 2: 2017 → 2023") && Catch::Contains("CHP allocation: declared"));
    CHECK_THAT(r.out,
               Catch::Matches("(.|\n)*  energi/el +200\\.000 +100\\.000 +-100\\.000 +0\\.000 +-100\\.000\n(.|\n)*"));
    const auto bad = run_cli("db compare 2017 2019" + db_args(dir));
    CHECK(bad.exit_code == 1);
    CHECK_THAT(bad.err, Catch::Contains("no activity for 2019") && Catch::Contains("2017, 2023"));
}

TEST_CASE("cli store years: an override changes exactly the rows it names", "[cli][store][overrides]") {
    klima::test::TempDir dir;
    const auto file = dir.write("overrides.csv", kOverrides);
    const auto json = [](const std::string& out) { return nlohmann::json::parse(out); };
    SECTION("file mode, --factors") {
        const auto base = run_cli("inventory --year 2017 --format json --data " + fixture("activity.csv") +
                                  " --data-dir " + klima::test::fixture_data_dir());
        const auto over = run_cli("inventory --year 2017 --format json --factors " + file + " --data " +
                                  fixture("activity.csv") + " --data-dir " + klima::test::fixture_data_dir());
        REQUIRE(base.exit_code == 0);
        REQUIRE(over.exit_code == 0);
        // el 2017: 1000 MWh × (150 − 200) kg = −50 t; nothing else changes
        const double t0 = json(base.out)["totals"]["territorial"]["t_co2e"].get<double>();
        const double t1 = json(over.out)["totals"]["territorial"]["t_co2e"].get<double>();
        CHECK(t1 - t0 == Approx(-50.0));
        int marked = 0;
        const auto doc = json(over.out);  // kept: a range-for over a temporary's member would dangle
        for (const auto& line : doc["lines"])
            for (const auto& g : line["gases"])
                if (g["factor"].contains("override")) {
                    ++marked;
                    CHECK(line["carrier"] == "el");
                }
        CHECK(marked == 1);
        const auto table = run_cli("inventory --year 2017 --factors " + file + " --data " + fixture("activity.csv") +
                                   " --data-dir " + klima::test::fixture_data_dir());
        CHECK_THAT(table.out, Catch::Contains("[override]") && Catch::Contains("1 of the factors applied are local"));
        const auto csv = run_cli("inventory --year 2017 --format csv --factors " + file + " --data " +
                                 fixture("activity.csv") + " --data-dir " + klima::test::fixture_data_dir());
        CHECK_THAT(csv.out, Catch::Contains(",official override,"));
        // 2023 has no override: the same as without
        const auto y23 = run_cli("inventory --year 2023 --format csv --factors " + file + " --data " +
                                 fixture("activity.csv") + " --data-dir " + klima::test::fixture_data_dir());
        CHECK_THAT(y23.out, !Catch::Contains("override"));
    }
    SECTION("in the store: a version holding only overrides") {
        REQUIRE(run_cli("db import " + fixture("activity.csv") + " --comment both" + db_args(dir)).exit_code == 0);
        const auto imp = run_cli("db import " + file + " --overrides --comment local" + db_args(dir));
        REQUIRE(imp.exit_code == 0);
        CHECK_THAT(imp.out, Catch::Contains("stored 1 factor overrides as version 3"));
        const auto inv = run_cli("inventory --year 2017 --format json" + db_args(dir));
        CHECK(json(inv.out)["totals"]["territorial"]["t_co2e"].get<double>() == Approx(441.3748 - 50.0));
        const auto diff = run_cli("db diff 2 3" + db_args(dir));
        CHECK_THAT(diff.out, Catch::Contains("replaced the factor overrides") && Catch::Contains("-50.000"));
        const auto versions = run_cli("db versions" + db_args(dir));
        CHECK_THAT(versions.out, Catch::Contains("overrides"));
    }
    SECTION("a bad override file: file, line and fix; exit 1; the store unchanged") {
        REQUIRE(run_cli("db import " + fixture("activity.csv") + " --comment both" + db_args(dir)).exit_code == 0);
        const auto before = klima::io::read_file(dir.file("klima.db"));
        const auto bad = dir.write("bad.csv", std::string(kOverrides) + "elx,,,1,kg/MWh,2017,2017,official,typo\n");
        const auto r = run_cli("db import " + bad + " --overrides --comment bad" + db_args(dir));
        CHECK(r.exit_code == 1);
        CHECK_THAT(r.err, Catch::Contains(bad + ":3") && Catch::Contains("unknown carrier 'elx'"));
        CHECK(klima::test::sql_count(dir.file("klima.db"), "SELECT count(*) FROM versions") == 2);
        const auto status = dir.write("status.csv",
                                      "carrier,year_from,year_to,value,unit,status,source\n"
                                      "el,2017,2017,150,kg/MWh,guessed,x\n");
        const auto s = run_cli("inventory --year 2017 --factors " + status + " --data " + fixture("activity.csv") +
                               " --data-dir " + klima::test::fixture_data_dir());
        CHECK(s.exit_code == 1);
        CHECK_THAT(s.err, Catch::Contains(status + ":2") && Catch::Contains("status 'guessed'"));
    }
}

TEST_CASE("cli store years: --allocation on db import and db recalc is recorded", "[cli][store][allocation]") {
    klima::test::TempDir dir;
    const auto r = run_cli("db import " + fixture("activity.csv") + " --comment both --allocation 125" + db_args(dir));
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("CHP allocation: 125"));
    const auto rc = run_cli("db recalc --allocation 200" + db_args(dir));
    REQUIRE(rc.exit_code == 0);
    // the set of --data-dir read for 200 is recorded as version 3 and restated
    CHECK_THAT(rc.out, Catch::Contains("of version 3") && Catch::Contains("CHP allocation: 200"));
    const auto v = run_cli("db versions" + db_args(dir));
    CHECK_THAT(v.out, Catch::Contains("current: version 3") && Catch::Contains("CHP allocation: 200"));
    const auto inv = run_cli("inventory --year 2017" + db_args(dir));
    CHECK_THAT(inv.out, Catch::Contains("CHP allocation: 200"));
}

TEST_CASE("cli store years: scenario run takes --factors, the bundled Evida set", "[cli][overrides]") {
    const std::string root = std::string(KLIMA_TEST_DIR) + "/..";
    const auto row = [](const std::string& csv) {
        const std::string key = "bau,,energi,individuel_opvarmning,2023,";
        const auto at = csv.find(key);
        REQUIRE(at != std::string::npos);
        return std::stod(csv.substr(at + key.size()));
    };
    const auto plain = run_cli("scenario run " + root + "/scenarios/koege.json --format csv");
    const auto evida = run_cli("scenario run " + root + "/scenarios/koege.json --format csv --factors " + root +
                               "/data/overrides/evida-naturgas.csv");
    REQUIRE(plain.exit_code == 0);
    REQUIRE(evida.exit_code == 0);
    // Køge 2023 individual heating: 1,000,000 GJ natural gas × (57.14 − 56.7) kg CO2/GJ = 440 t more
    CHECK(row(evida.out) - row(plain.out) == Approx(440.0));
}
