// --allocation on inventory, scenario run and report: the chosen CHP allocation
// set is used and every output says which one.
#include "support.hpp"

#include "klima/io/csv.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using Catch::Contains;
using klima::test::run_cli;

namespace {
const std::string kRoot = std::string(KLIMA_TEST_DIR) + "/..";
const std::string kDeclared =
    "declared — electricity 125 % method, district heat 200 % method (as the Danish declarations publish them).";

std::string inventory(const std::string& extra) {
    return "inventory --data-dir " + kRoot + "/data --data " + kRoot + "/data/koege/activity.csv --year 2017 " + extra;
}
std::string report(const std::string& extra) {
    return "report --data-dir " + kRoot + "/data --scenario " + kRoot + "/scenarios/koege.json --year 2023 " + extra;
}
}  // namespace

TEST_CASE("cli --allocation: inventory table and JSON say the set; the factors follow it", "[cli][allocation]") {
    const auto table = run_cli(inventory(""));
    REQUIRE(table.exit_code == 0);
    CHECK_THAT(table.out, Contains("CHP allocation: " + kDeclared));

    const auto j200 = run_cli(inventory("--allocation 200 --format json"));
    INFO(j200.err);
    REQUIRE(j200.exit_code == 0);
    const auto j = nlohmann::json::parse(j200.out);
    CHECK(j["chp_allocation"]["set"] == "200");
    // el 2017 by the 200 % method: 190 × 1.19 = 226 g/kWh → 430,000 MWh × 226 kg = 97,180 t
    bool seen = false;
    for (const auto& line : j["lines"])
        if (line["subsector"] == "el") {
            seen = true;
            CHECK(line["t_co2e"].get<double>() == Approx(97180.0));
            CHECK_THAT(line["gases"][0]["factor"]["source"].get<std::string>(),
                       Contains("[CHP allocation: electricity and district heat both by the 200 % method]"));
        }
    CHECK(seen);

    // in CSV every el and district-heat line's source says it
    const auto csv = run_cli(inventory("--allocation energy --format csv"));
    REQUIRE(csv.exit_code == 0);
    CHECK_THAT(csv.out, Contains("[CHP allocation: electricity and district heat both by energy content]"));
}

TEST_CASE("cli --allocation: scenario and report outputs say the set", "[cli][allocation]") {
    const auto sc = run_cli("scenario run " + kRoot + "/scenarios/koege.json --data-dir " + kRoot +
                            "/data --allocation 125 --format csv");
    REQUIRE(sc.exit_code == 0);
    CHECK_THAT(sc.out, Contains("\nchp_allocation,125,,,,,\n"));
    const auto sj =
        run_cli("scenario run " + kRoot + "/scenarios/koege.json --data-dir " + kRoot + "/data --format json");
    REQUIRE(sj.exit_code == 0);
    CHECK(nlohmann::json::parse(sj.out)["chp_allocation"]["set"] == "declared");

    const auto md = run_cli(report("--lang en"));
    REQUIRE(md.exit_code == 0);
    CHECK_THAT(md.out, Contains("CHP allocation: `declared`"));
    const auto da = run_cli(report("--lang da --allocation 200"));
    REQUIRE(da.exit_code == 0);
    // Danish names the method in words; the flag's code is for English output (issue 25)
    CHECK_THAT(da.out, Contains("Kraftvarmefordeling: el og fjernvarme begge efter 200 %-metoden."));
    CHECK_THAT(da.out, !Contains("`200`"));
    const auto csv = run_cli(report("--format csv --lang en --allocation energy"));
    REQUIRE(csv.exit_code == 0);
    CHECK_THAT(csv.out, Contains("report,chp_allocation,CHP allocation,text,\"energy: electricity and district heat "
                                 "both by energy content\""));
    klima::test::TempDir dir;
    const auto html = run_cli(report("--format html --lang en --out " + dir.file("r.html")));
    REQUIRE(html.exit_code == 0);
    CHECK_THAT(klima::io::read_file(dir.file("r.html")),
               Contains("<p class=\"chp-allocation\">CHP allocation: " + kDeclared));
}

TEST_CASE("cli --allocation: an unknown set and --db are usage errors", "[cli][allocation][errors]") {
    const auto bad = run_cli(inventory("--allocation 150"));
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.err, Contains("unknown CHP allocation '150'") && Contains("use one of declared, 125, 200, energy"));
    klima::test::TempDir dir;
    const auto db = run_cli("inventory --db " + dir.file("k.db") + " --year 2017 --allocation 200");
    CHECK(db.exit_code == 2);
    CHECK_THAT(db.err, Contains("--allocation applies to --data, not to --db"));
}

TEST_CASE("cli --allocation: the store's refusal of another allocation names the flag; the engine does not",
          "[cli][allocation][store][errors]") {
    klima::test::TempDir dir;
    const std::string db = " --data-dir " + klima::test::fixture_data_dir() + " --db " + dir.file("k.db");
    // version 1: the data directory's set (declared); version 2: a factor file, also declared
    REQUIRE(run_cli("db import " + klima::test::fixture_data_dir() + " --comment factors" + db).exit_code == 0);
    REQUIRE(run_cli("db import " + klima::test::fixture("store/factors_revised.csv") + " --comment revised" + db)
                .exit_code == 0);
    // a file's set cannot be read again for another allocation: bad data for this store, exit 1
    const auto r =
        run_cli("db import " + klima::test::fixture("activity.csv") + " --comment a --allocation energy" + db);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Contains(dir.file("k.db") + ": field '--allocation': the store's factor set (version 2, "));
    CHECK_THAT(r.err, Contains("was read for CHP allocation declared, not energy (fix: import that factor file again "
                               "for CHP allocation energy, or ask for no allocation to keep declared)"));
}
