// klima db import | versions | diff | recalc and klima inventory --db.
#include "store_support.hpp"

#include "klima/io/csv.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

using klima::test::fixture;
using klima::test::run_cli;

namespace {

std::string db_args(const klima::test::TempDir& dir) {
    return " --data-dir " + klima::test::fixture_data_dir() + " --db " + dir.file("klima.db");
}

// Version 1: fixture factors (data dir); 2: fixture activity; 3: revised factors; 4: revised activity.
void import_four(const klima::test::TempDir& dir) {
    for (const auto& [file, comment] : std::vector<std::pair<std::string, std::string>>{
             {klima::test::fixture_data_dir(), "fixture factors"},
             {fixture("activity.csv"), "fixture activity"},
             {fixture("store/factors_revised.csv"), "el factor revised"},
             {fixture("store/activity_revised.csv"), "el and shipping revised"}}) {
        const auto r = run_cli("db import " + file + " --comment \"" + comment + "\"" + db_args(dir));
        REQUIRE(r.exit_code == 0);
    }
}

double territorial(const std::string& out) {
    return nlohmann::json::parse(out)["totals"]["territorial"]["t_co2e"].get<double>();
}

}  // namespace

TEST_CASE("cli db: import, re-import as a no-op, versions", "[cli][store]") {
    klima::test::TempDir dir;
    const auto first = run_cli("db import " + fixture("activity.csv") + " --comment \"2017 and 2023\"" + db_args(dir));
    REQUIRE(first.exit_code == 0);
    // a new store: the factor set of --data-dir is recorded first, so that the activity has factors
    CHECK_THAT(first.out,
               Catch::Contains("recorded the factor set of " + klima::test::fixture_data_dir() + " as version 1") &&
                   Catch::Contains("stored 11 activity rows as version 2") &&
                   Catch::Contains("years revised: 2017, 2023") && Catch::Contains("CHP allocation: declared"));
    const auto again = run_cli("db import " + fixture("activity.csv") + " --comment again" + db_args(dir));
    CHECK(again.exit_code == 0);
    CHECK_THAT(again.out, Catch::Contains("already stored as version 2") && Catch::Contains("nothing written"));
    // the same data directory imported by hand is the set recorded as version 1
    const auto dirimport =
        run_cli("db import " + klima::test::fixture_data_dir() + " --comment factors" + db_args(dir));
    CHECK(dirimport.exit_code == 0);
    CHECK_THAT(dirimport.out, Catch::Contains("already stored as version 1"));
    const auto revised =
        run_cli("db import " + fixture("store/factors_revised.csv") + " --comment revised" + db_args(dir));
    CHECK_THAT(revised.out, Catch::Contains("as version 3"));
    const auto v = run_cli("db versions" + db_args(dir));
    REQUIRE(v.exit_code == 0);
    CHECK_THAT(v.out, Catch::Contains("2017 and 2023") && Catch::Contains("activity") && Catch::Contains("factors") &&
                          Catch::Contains("current: version 3") && Catch::Contains(fixture("activity.csv")));
}

TEST_CASE("cli db: inventory --db reads the current or a chosen version", "[cli][store]") {
    klima::test::TempDir dir;
    import_four(dir);
    // version 4: 2017 el 1200 MWh × 150 kg/MWh = 180 t instead of 200 t → 441.3748 − 20 = 421.3748 t
    const auto cur = run_cli("inventory --year 2017 --format json" + db_args(dir));
    REQUIRE(cur.exit_code == 0);
    CHECK(territorial(cur.out) == Approx(421.3748));
    // version 2: the fixture as from files, 441.3748 t
    const auto v2 = run_cli("inventory --year 2017 --format json --version 2" + db_args(dir));
    REQUIRE(v2.exit_code == 0);
    CHECK(territorial(v2.out) == Approx(441.3748));
    const auto files = run_cli("inventory --year 2017 --format json --data-dir " + klima::test::fixture_data_dir() +
                               " --data " + fixture("activity.csv"));
    CHECK(territorial(files.out) == Approx(territorial(v2.out)));
    // version 2, 2023: the missing shipping value is reported as missing
    const auto t23 = run_cli("inventory --year 2023 --version 2" + db_args(dir));
    REQUIRE(t23.exit_code == 0);
    CHECK_THAT(t23.out, Catch::Contains("1 activity value(s) missing") && Catch::Contains("klima.db version 2"));
}

TEST_CASE("cli db: diff attributes changes to activity and factors", "[cli][store]") {
    klima::test::TempDir dir;
    import_four(dir);
    const auto r = run_cli("db diff 2 4" + db_args(dir));
    REQUIRE(r.exit_code == 0);
    // 2017 energi: 452.7348 → 432.7348 t, change −20 = activity 35 + factor −55 (test_store_diff.cpp)
    CHECK_THAT(r.out, Catch::Contains("452.735") && Catch::Contains("432.735") && Catch::Contains("-20.000") &&
                          Catch::Contains("35.000") && Catch::Contains("-55.000"));
    // 2023 transport: 0 t with 1 missing → 13.32 t
    CHECK_THAT(r.out, Catch::Contains("0.000 (1 missing)") && Catch::Contains("13.320"));
    const auto same = run_cli("db diff 2 2" + db_args(dir));
    CHECK(same.exit_code == 0);
    CHECK_THAT(same.out, Catch::Contains("no change"));
}

TEST_CASE("cli db: recalc restates the base year after a factor revision", "[cli][store]") {
    klima::test::TempDir dir;
    import_four(dir);
    const auto first = run_cli("db recalc" + db_args(dir));
    REQUIRE(first.exit_code == 0);
    CHECK_THAT(first.out, Catch::Contains("version 4") && Catch::Contains("base year 2017 restated") &&
                              Catch::Contains("no earlier computed version"));
    const auto rev = klima::test::TempDir();
    const auto f = rev.write("factors.csv", klima::io::read_file(fixture("data/factors/test_factors.csv")));
    // back to the original factors, as a single file: its bytes differ from the data-dir import of version 1
    const auto imp = run_cli("db import " + f + " --comment \"factors back to 2017 values\"" + db_args(dir));
    REQUIRE(imp.exit_code == 0);
    CHECK_THAT(imp.out, Catch::Contains("as version 5"));
    const auto r = run_cli("db recalc" + db_args(dir));
    REQUIRE(r.exit_code == 0);
    // 2017 el: 1200 MWh × 150 kg/MWh = 180 t → 1200 MWh × 200 kg/MWh = 240 t, +60 t;
    // territorial 421.3748 → 481.3748 t; landbrug etc. unchanged
    CHECK_THAT(r.out, Catch::Contains("compared with the inventories computed for version 4") &&
                          Catch::Contains("421.375") && Catch::Contains("481.375") && Catch::Contains("60.000") &&
                          Catch::Contains("unchanged"));
}

TEST_CASE("cli db: the store defaults to klima.db next to the imported file", "[cli][store]") {
    klima::test::TempDir dir;
    const auto copy = dir.write("activity.csv", klima::io::read_file(fixture("activity.csv")));
    const auto r = run_cli("db import " + copy + " --comment x --data-dir " + klima::test::fixture_data_dir());
    REQUIRE(r.exit_code == 0);
    CHECK(std::filesystem::exists(dir.file("klima.db")));
}

TEST_CASE("cli db: errors are one line with a fix and a non-zero exit", "[cli][store][errors]") {
    klima::test::TempDir dir;
    // exit 2: the command line does not fit the command; exit 1: the data or store is wrong
    const auto err = [&](const std::string& args, int exit_code = 1) {
        const auto r = run_cli(args);
        INFO(args);
        CHECK(r.exit_code == exit_code);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        return r.err;
    };
    CHECK_THAT(err("db" + db_args(dir), 2), Catch::Contains("needs a subcommand"));
    CHECK_THAT(err("db frobnicate" + db_args(dir), 2), Catch::Contains("unknown db subcommand"));
    CHECK_THAT(err("db versions" + db_args(dir)), Catch::Contains("no store") && Catch::Contains("klima db import"));
    CHECK_THAT(err("db import " + fixture("activity.csv") + db_args(dir), 2), Catch::Contains("--comment"));
    CHECK_THAT(err("db import " + dir.file("nope.csv") + " --comment x" + db_args(dir)),
               Catch::Contains("nope.csv") && Catch::Contains("not found"));
    import_four(dir);
    CHECK_THAT(err("db diff 2" + db_args(dir), 2), Catch::Contains("two version numbers"));
    CHECK_THAT(err("db diff two 4" + db_args(dir), 2), Catch::Contains("V1"));
    CHECK_THAT(err("db diff 2 9" + db_args(dir)), Catch::Contains("no version 9") && Catch::Contains("from 1 to 4"));
    CHECK_THAT(err("inventory --year 2017 --data " + fixture("activity.csv") + db_args(dir), 2),
               Catch::Contains("either --data FILE or --db PATH"));
    CHECK_THAT(err("inventory --year 2017 --version 2 --data-dir " + klima::test::fixture_data_dir() + " --data " +
                       fixture("activity.csv"),
                   2),
               Catch::Contains("--version needs --db"));
    CHECK_THAT(err("inventory --year 2017 --version 1" + db_args(dir)), Catch::Contains("has no activity data"));
    // an activity row the taxonomy does not know is refused before the store is touched
    const auto bad = dir.write("bad.csv",
                               "year,sector,subsector,carrier,quantity,unit,source\n"
                               "2017,energi,atom,el,5,MWh,x\n");
    CHECK_THAT(err("db import " + bad + " --comment x" + db_args(dir)), Catch::Contains("bad.csv:2"));
    // a factor file with an unknown carrier likewise
    const auto badf = dir.write("badf.csv",
                                "carrier,subsector,gas,value,unit,year_from,year_to,status,source\n"
                                "plutonium,,CO2,1,kg/GJ,1990,2050,illustrative,x\n");
    CHECK_THAT(err("db import " + badf + " --comment x" + db_args(dir)),
               Catch::Contains("badf.csv:2") && Catch::Contains("unknown carrier"));
    CHECK(klima::store::Store(dir.file("klima.db"), klima::store::Open::existing).versions().size() == 4);
}
