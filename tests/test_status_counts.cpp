// klima national --status-export: actions counted by status across the municipalities whose
// exports for the national monitoring it is given (issue 24, item 5). Counts by hand below.
#include "support.hpp"

#include "klima/io/status_export_file.hpp"
#include "klima/status/status_counts.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace klima;
using Catch::Contains;

namespace {

constexpr const char* kHeader =
    "record,municipality_code,municipality,year,action_id,theme,sector,status_da,status_en,start_year,"
    "full_effect_year,planned_effect_2030_t,planned_effect_year_t,uptake_unit,planned_uptake,realised_uptake,"
    "realised_effect_t,spent_dkk,indicator,value,target,unit,source\n";

std::string action(const std::string& code, const std::string& name, const std::string& id, const std::string& da,
                   const std::string& en, int year = 2024) {
    return "action," + code + "," + name + "," + std::to_string(year) + "," + id + ",,energi," + da + "," + en +
           ",2021,2025,1.0,0.5,%,50,,,,,,,,x\n";
}

// Køge: 3 actions (igangsat, igangsat, not reported); Ballerup: 2 (gennemført, forsinket) and an
// indicator row, which is not an action.
std::string koege() {
    return std::string(kHeader) + action("259", "Køge", "a", "igangsat", "in progress") +
           action("259", "Køge", "b", "igangsat", "in progress") + action("259", "Køge", "c", "", "");
}
std::string ballerup() {
    return std::string(kHeader) + action("151", "Ballerup", "x", "gennemført", "completed") +
           action("151", "Ballerup", "y", "forsinket", "delayed") +
           "indicator,151,Ballerup,2024,,,,,,,,,,,,,,,chargers,180,160,chargers,src\n";
}

}  // namespace

TEST_CASE("status counts: two municipalities' exports counted by status", "[status][national]") {
    test::TempDir dir;
    dir.write("koege.csv", koege());
    dir.write("ballerup.csv", ballerup());
    const auto years = status::count_by_status(io::load_status_exports({dir.path()}));
    REQUIRE(years.size() == 1);
    const auto& y = years[0];
    CHECK(y.year == 2024);
    REQUIRE(y.municipalities.size() == 2);
    CHECK(y.municipalities[0].code == "0151");  // by code, four digits as data/national writes it
    CHECK(y.municipalities[0].actions == 2);
    CHECK(y.municipalities[1].unreported == 1);
    // Sum: 3 + 2 = 5 actions; in progress 2 (Køge a, b), completed 1, delayed 1, not reported 1:
    // 2 + 1 + 1 + 1 = 5.
    CHECK(y.actions == 5);
    CHECK(y.counts[1] == 2);  // in progress (kActionStates order)
    CHECK(y.counts[2] == 1);  // completed
    CHECK(y.counts[3] == 1);  // delayed
    CHECK(y.counts[0] == 0);  // not started
    CHECK(y.unreported == 1);
}

TEST_CASE("status counts: bad exports are refused, naming the file and line", "[status][national]") {
    test::TempDir dir;
    SECTION("an unknown status word lists the words") {
        const auto f = dir.write("bad.csv", std::string(kHeader) + action("259", "Køge", "a", "?", "halfway"));
        try {
            io::load_status_exports({f});
            FAIL("no error");
        } catch (const Error& e) {
            CHECK(e.where().file == f);
            CHECK(e.where().line == 2);
            CHECK_THAT(e.problem(), Contains("unknown status 'halfway'"));
            CHECK_THAT(e.fix(), Contains("in progress"));
        }
    }
    SECTION("one municipality's export given twice") {
        const auto a = dir.write("a.csv", koege());
        const auto b = dir.write("b.csv", koege());
        CHECK_THROWS_WITH(status::count_by_status(io::load_status_exports({a, b})), Contains("counted twice"));
    }
    SECTION("an export with only indicator rows") {
        const auto f =
            dir.write("ind.csv", std::string(kHeader) + "indicator,151,Ballerup,2024,,,,,,,,,,,,,,,c,1,,u,s\n");
        CHECK_THROWS_WITH(io::load_status_exports({f}), Contains("no action rows"));
    }
}

TEST_CASE("cli national --status-export: from klima status's own export, and exit codes", "[cli][status][national]") {
    test::TempDir dir;
    const auto exported = dir.file("testby.csv");
    const auto r = test::run_cli("status --scenario " + test::fixture("scenario/two_measures.json") + " --data-dir " +
                                 test::fixture("scenario/data") + " --year 2024 --status " +
                                 test::fixture("status/status.csv") + " --format export-csv --out " + exported);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    dir.write("koege.csv", koege());
    const auto j =
        test::run_cli("national --status-export " + exported + " " + dir.file("koege.csv") + " --format json");
    INFO(j.err);
    REQUIRE(j.exit_code == 0);
    const auto doc = nlohmann::json::parse(j.out);
    REQUIRE(doc.size() == 1);
    // testby: ev in progress, tog delayed; Køge: 2 in progress, 1 not reported → 5 actions,
    // in progress 1 + 2 = 3, delayed 1, not reported 1.
    CHECK(doc[0]["actions"] == 5);
    CHECK(doc[0]["counts"]["in_progress"] == 3);
    CHECK(doc[0]["counts"]["delayed"] == 1);
    CHECK(doc[0]["counts"]["not_reported"] == 1);
    const auto md = test::run_cli("national --status-export " + exported + " " + dir.file("koege.csv"));
    CHECK_THAT(md.out, Contains("| 0259 | Køge | 3 | 0 | 2 | 0 | 0 | 0 | 0 | 1 |"));
    CHECK_THAT(md.out, Contains("|  | I alt | 5 | 0 | 3 | 0 | 1 | 0 | 0 | 1 |"));
    CHECK(test::run_cli("national --status-export " + exported + " --format html").exit_code == 2);
    const auto missing = test::run_cli("national --status-export " + dir.file("none.csv"));
    CHECK(missing.exit_code == 1);
    CHECK_THAT(missing.err, Contains("none.csv"));
}
