// The last sessions' features tried as a careless or hostile user would (2026-12): each case
// below once gave a wrong count, a silent no-op, a misleading fix or a wrong JSON path.
#include "support.hpp"

#include "klima/api/impact.hpp"
#include "klima/error.hpp"
#include "klima/gap.hpp"
#include "klima/io/input_file.hpp"
#include "klima/io/status_export_file.hpp"
#include "klima/national/national_data.hpp"
#include "klima/status/status_counts.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>

using namespace klima;
using Catch::Contains;
using Catch::Detail::Approx;

namespace {

constexpr const char* kExportHeader = "record,municipality_code,municipality,year,action_id,status_en\n";

}  // namespace

TEST_CASE("status export: 259 and 0259 are one municipality, not two counted apart", "[status][national]") {
    test::TempDir dir;
    // klima status writes Køge's code as municipality.json has it ("259"); data/national and the
    // targets write "0259". Both exports of one municipality for one year are one export handed in twice.
    const auto a = dir.write("a.csv", std::string(kExportHeader) + "action,259,Køge,2024,x,in progress\n");
    const auto b = dir.write("b.csv", std::string(kExportHeader) + "action,0259,Køge,2024,x,in progress\n");
    try {
        status::count_by_status(io::load_status_exports({a, b}));
        FAIL("counted 259 and 0259 as two municipalities");
    } catch (const Error& e) {
        CHECK(e.where().file == b);
        CHECK_THAT(e.problem(), Contains("0259"));
    }
    // One export alone: the code is written as data/national/municipalities.csv writes it.
    const auto years = status::count_by_status(io::load_status_exports({a}));
    REQUIRE(years.size() == 1);
    REQUIRE(years[0].municipalities.size() == 1);
    CHECK(years[0].municipalities[0].code == "0259");
}

TEST_CASE("status export: a municipality code that is not a kommunekode is refused at its cell", "[status][national]") {
    test::TempDir dir;
    for (const char* code : {"abc", "12345", "-259", "25 9"}) {
        INFO(code);
        const auto f = dir.write("x.csv", std::string(kExportHeader) + "action," + code + ",Køge,2024,x,in progress\n");
        try {
            io::load_status_exports({f});
            FAIL("accepted");
        } catch (const Error& e) {
            CHECK(e.where().file == f);
            CHECK(e.where().line == 2);
            CHECK(e.where().field == "municipality_code");
            CHECK_THAT(e.fix(), Contains("0259"));
        }
    }
    const auto r = test::run_cli("national --status-export " + dir.file("x.csv"));
    CHECK(r.exit_code == 1);
}

namespace {

const std::string kRoot = std::string(KLIMA_TEST_DIR) + "/..";

// Flat drivers for every year 2018–2050 (illustrative test values).
std::string flat_drivers() {
    std::string out = "year,population,households,vehicle_km_million,source\n";
    for (int y = 2018; y <= 2050; ++y) out += std::to_string(y) + ",1800,900,10,test\n";
    return out;
}

// Roskilde's history from the regnskab's sector totals, with a trends file beside it.
std::string national_with_trends(const test::TempDir& dir, const std::string& trends) {
    dir.write("drivers.csv", flat_drivers());
    dir.write("trends.json", trends);
    return dir.write("scenario.json", R"({"name": "test", "municipality": "roskilde", "base_year": 2018,
        "history": {"national": "0265"}, "drivers": "drivers.csv", "trends": "trends.json", "measures": []})");
}

}  // namespace

TEST_CASE("trends on a national history: refused at the trend, not silently dropped from BAU", "[trends][national]") {
    // The trend switches petrol car-km to electricity: fuel rows, which the regnskab's sector totals do
    // not have. It once ran with BAU equal to the frozen BAU while the output said "BAU: with trends".
    test::TempDir dir;
    const auto scenario = national_with_trends(dir, R"({"trends": [{"id": "elbiler", "name": "EVs",
        "switch": {"from": {"sector": "transport", "subsector": "personbiler"}, "to": {"carrier": "el"},
                   "from_intensity": {"value": 0.6, "unit": "kWh/km"}, "to_intensity": {"value": 0.18, "unit": "kWh/km"}},
        "shares": {"2023": 0.1, "2030": 0.5}, "source": "test", "status": "illustrative"}]})");
    const auto r = test::run_cli("scenario run --data-dir '" + kRoot + "/data' '" + scenario + "'");
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Contains("trends.json") && Contains("/trends/0") && Contains("'elbiler'") &&
                          Contains("sector totals") && Contains("fix:"));
}

TEST_CASE("inventory --db --year: a year the store lacks names the years it holds", "[cli][store][inventory]") {
    // The store held 2017 and 2023, yet the fix said "the data holds no records".
    test::TempDir dir;
    const std::string db = " --data-dir " + test::fixture_data_dir() + " --db " + dir.file("klima.db");
    REQUIRE(test::run_cli("db import " + test::fixture("activity.csv") + " --comment both" + db).exit_code == 0);
    const auto r = test::run_cli("inventory --year 2020" + db);
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Contains("klima.db") && Contains("no activity records for 2020") && Contains("2017, 2023"));
    CHECK_THAT(r.err, !Contains("holds no records"));
}

TEST_CASE("inventory --year outside 1990–2050 is a wrong command line, exit 2", "[cli][inventory]") {
    for (const char* year : {"1989", "2051", "-5"}) {
        INFO(year);
        const auto r = test::run_cli("inventory --data " + test::fixture("activity.csv") + " --data-dir " +
                                     test::fixture_data_dir() + " --year " + year);
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, Contains("--year") && Contains("1990–2050"));
    }
}

TEST_CASE("impact: a growth activity in the wrong unit names its entry's JSON path", "[impact]") {
    // Of two entries, the second gives district heat in kg: the error said '/growth/activity/unit',
    // a path the file does not have, and not which entry.
    test::TempDir dir;
    api::ImpactRequest r;
    r.scenario.scenario_file = test::fixture("impact/plan.json");
    r.scenario.data_dir = test::fixture("scenario/data");
    r.scenario.from_year = 2017;
    r.proposal_file = dir.write("p.json", R"({"name": "g", "growth": {"id": "g", "name": "g", "residents": 100,
        "from_year": 2026, "full_year": 2028, "source": "test", "per_inhabitant": [], "activity": [
          {"row": {"sector": "energi", "subsector": "el", "carrier": "el"},
           "amount": {"value": 900, "unit": "MWh"}, "source": "test"},
          {"row": {"sector": "energi", "subsector": "fjernvarme", "carrier": "fjernvarme"},
           "amount": {"value": 900, "unit": "kg"}, "source": "test"}]}})");
    try {
        api::assess_impact(r);
        FAIL("accepted district heat in kg");
    } catch (const Error& e) {
        CHECK(e.where().file == r.proposal_file);
        CHECK(e.where().field == "/growth/activity/1/amount/unit");
        CHECK_THAT(e.problem(), Contains("energi/fjernvarme"));
    }
}

namespace {

YearGap year_of(int year, double scenario_t) {
    YearGap y;
    y.year = year;
    y.scenario = units::tonnes(scenario_t);
    return y;
}

}  // namespace

TEST_CASE("budget: a net sink's budget lasts 0 years when it is gone in its first year, never 15.1", "[gap][budget]") {
    // Læsø's total is negative (−8,013 t in 2018): −46 % of it by 2030 and 0 in 2050 is a path of negative
    // levels, so the budget is negative too. The scenario's running sum of −8,013 t is above the budget in
    // 2018, and the report said "exhausted in 2018" beside "lasts 15.1 years": (budget − 0) ÷ (−8,013 t).
    const TargetPath path({{2018, units::tonnes(-8013)}, {2030, units::tonnes(-4327)}, {2050, units::tonnes(0)}}, 2050);
    const auto b = budget_use(path, 2050, {year_of(2018, -8013), year_of(2019, -9643)});
    REQUIRE(units::in_tonnes(b.budget) < 0);
    REQUIRE(b.exhausted_in == 2018);
    REQUIRE(b.years_lasting);
    CHECK(units::in_count(*b.years_lasting) == 0.0);
}

TEST_CASE("budget: a negative budget with emitting years lasts 0 years, never a negative number", "[gap][budget]") {
    // A path below zero from its start: the budget is −10 t, the scenario emits 5 t in 2020, so the
    // budget is gone before 2020 starts: (−10 − 0) ÷ 5 = −2 years was the answer.
    const TargetPath path({{2020, units::tonnes(-5)}, {2021, units::tonnes(-5)}}, 2021);
    const auto b = budget_use(path, 2021, {year_of(2020, 5), year_of(2021, 5)});
    REQUIRE(b.exhausted_in == 2020);
    REQUIRE(b.years_lasting);
    CHECK(units::in_count(*b.years_lasting) == 0.0);
}

TEST_CASE("budget: the share of the exhausting year is still the budget left over its emissions", "[gap][budget]") {
    // 10 t a year on the path over 2020–2021: budget 20 t. Scenario 15 t, 15 t: 2021 exhausts it with
    // 5 t of 15 t left, so it lasts 1 + 5/15 = 1.333 years.
    const TargetPath path({{2020, units::tonnes(10)}, {2021, units::tonnes(10)}}, 2021);
    const auto b = budget_use(path, 2021, {year_of(2020, 15), year_of(2021, 15)});
    REQUIRE(b.exhausted_in == 2021);
    CHECK(units::in_count(*b.years_lasting) == Approx(1.0 + 5.0 / 15.0));
}

namespace {

// Two years of one municipality; `per_capita` gives its per-inhabitant rows.
national::NationalData one_municipality(const std::string& per_capita) {
    static const std::string municipalities =
        "kommunekode,kommune,regionskode,region,center_lon,center_lat\n0101,A,1084,Region Hovedstaden,12.5,55.7\n";
    static const std::string emissions =
        "kommunekode,kommune,year,sector,t_co2e\n"
        "0101,A,2018,energi,60\n0101,A,2018,transport,30\n0101,A,2018,landbrug,5\n0101,A,2018,affald,3\n"
        "0101,A,2018,industri,2\n0101,A,2018,samlet,100\n"
        "0101,A,2019,energi,50\n0101,A,2019,transport,25\n0101,A,2019,landbrug,5\n0101,A,2019,affald,3\n"
        "0101,A,2019,industri,2\n0101,A,2019,samlet,85\n";
    return national::parse_national(
        {municipalities, emissions, "kommunekode,kommune,year,t_co2e_per_inhabitant,ve_el_selvforsyning\n" + per_capita,
         "municipalities.csv", "emissions.csv", "per-capita.csv"});
}

}  // namespace

TEST_CASE("national data: a per-inhabitant figure of the other sign than the total is refused", "[national]") {
    // 100 t at −10 t per inhabitant gave a population of −10 ("befolkning (afledt) −10").
    CHECK_NOTHROW(one_municipality("0101,A,2018,10,0.1\n0101,A,2019,8.5,0.2\n"));
    try {
        one_municipality("0101,A,2018,10,0.1\n0101,A,2019,-8.5,0.2\n");
        FAIL("accepted a negative population");
    } catch (const Error& e) {
        CHECK(e.where().file == "per-capita.csv");
        CHECK(e.where().line == 3);
        CHECK(e.where().field == "t_co2e_per_inhabitant");
        CHECK_THAT(e.problem(), Contains("0101") && Contains("2019") && Contains("85"));
    }
}

TEST_CASE("national data: a negative renewable electricity share is refused at its cell", "[national]") {
    // Self-sufficiency may be above 1 (more produced than used); below 0 it is a sign error.
    CHECK_NOTHROW(one_municipality("0101,A,2018,10,6.2\n0101,A,2019,8.5,0.2\n"));
    try {
        one_municipality("0101,A,2018,10,-0.1\n0101,A,2019,8.5,0.2\n");
        FAIL("accepted a negative share");
    } catch (const Error& e) {
        CHECK(e.where().file == "per-capita.csv");
        CHECK(e.where().line == 2);
        CHECK(e.where().field == "ve_el_selvforsyning");
    }
}

namespace {

// The synthetic answer with one value replaced: `from` is the JSON text of the value to change.
std::string answer_with(const std::string& from, const std::string& to) {
    auto text = io::read_file(test::fixture("national/answer-synthetic.json"));
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("national import-api: an answer the data files would refuse is refused before it is merged", "[national]") {
    // Merged, a per-inhabitant figure of the other sign or a negative VE share made every later
    // klima national fail on the data files; the import said "replaced".
    CHECK_NOTHROW(national::parse_api_answer(answer_with("\"værdi\": 5.36", "\"værdi\": 5.36"), "a.json"));
    CHECK_THROWS_WITH(national::parse_api_answer(answer_with("\"værdi\": 5.36", "\"værdi\": -5.36"), "a.json"),
                      Contains("a.json") && Contains("negative population"));
    CHECK_THROWS_WITH(national::parse_api_answer(answer_with("\"værdi\": 4.2", "\"værdi\": -4.2"), "b.json"),
                      Contains("b.json") && Contains("below 0"));
}

TEST_CASE("national --kommune with --format xlsx: refused, not a workbook of all 98 under the one name",
          "[cli][national]") {
    // The workbook holds every municipality; --kommune was ignored and "wrote k.xlsx" said nothing of it.
    test::TempDir dir;
    const auto r = test::run_cli("national --kommune 0259 --format xlsx --draws 10 --out " + dir.file("k.xlsx"));
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("--kommune") && Contains("xlsx"));
    CHECK_FALSE(std::filesystem::exists(dir.file("k.xlsx")));
}

TEST_CASE("targets: a percentage cut of a net sink's total is refused, not a path that allows more", "[targets]") {
    // Læsø (0825) removes 8,013 t net in 2018. "−46 % against 2018" made a 2030 path level of
    // −8,013 × 0.54 = −4,327 t, 3,686 t more than 2018, and solve said "met at scale ×0".
    test::TempDir dir;
    dir.write("drivers.csv", flat_drivers());
    dir.write("targets.json", R"({"municipality": "laesoe", "name": "test", "scope": "territorial_incl_lulucf",
        "reference_year": 2018,
        "interim_targets": [{"year": 2030, "reduction_pct": 46, "against_year": 2018, "source": "illustrative: test"}],
        "neutrality": {"year": 2050, "source": "illustrative: test"}})");
    const auto scenario = dir.write("scenario.json", R"({"name": "test", "municipality": "laesoe", "base_year": 2018,
        "history": {"national": "0825"}, "drivers": "drivers.csv", "targets": "targets.json", "measures": [
          {"id": "a", "name": "a", "start_year": 2024, "full_effect_year": 2030, "cost_dkk": 0, "source": "test",
           "effects": [{"op": "reduce", "rows": {"carrier": "regnskab_co2e"}, "share": 0.1}]}]})");
    for (const auto& command : std::vector<std::string>{
             "scenario solve '" + scenario + "'", "report --no-analysis --year 2023 --scenario '" + scenario + "'"}) {
        INFO(command);
        const auto r = test::run_cli(command + " --data-dir '" + kRoot + "/data'");
        CHECK(r.exit_code == 1);
        CHECK(r.out.empty());
        CHECK_THAT(r.err, Contains("targets.json") && Contains("/interim_targets/0/against_year") &&
                              Contains("net removal") && Contains("fix:"));
    }
}

TEST_CASE("db import --national: the data folder instead of data/national names the folder to give",
          "[cli][store][national]") {
    // "data/municipalities.csv: cannot open file … run from the repository root" did not say that
    // --national wants data/national.
    test::TempDir dir;
    const auto db = dir.file("n.db");
    const auto r = test::run_cli("db import '" + kRoot + "/data' --national 0265 --comment x --db " + db);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Contains("municipalities.csv") && Contains("data/national"));
    CHECK_FALSE(std::filesystem::exists(db));
    const auto file =
        test::run_cli("db import '" + kRoot + "/data/koege/activity.csv' --national 0265 --comment x --db " + db);
    CHECK(file.exit_code == 1);
    CHECK_THAT(file.err, Contains("not a folder") || Contains("not a national folder"));
    CHECK_FALSE(std::filesystem::exists(db));
}

TEST_CASE("db import --national '': an empty code is a wrong command line, not a data directory import",
          "[cli][store][national]") {
    test::TempDir dir;
    const auto db = dir.file("n.db");
    const auto r = test::run_cli("db import '" + kRoot + "/data/national' --national '' --comment x --db " + db);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("--national"));
    CHECK_FALSE(std::filesystem::exists(db));
}

TEST_CASE("status: an uptake in the wrong unit says the plan's figure as written, not 70.000000", "[cli][status]") {
    test::TempDir dir;
    const auto status = dir.write("s.csv",
                                  "action;year;status;uptake;unit;spent_dkk;note;source;date\n"
                                  "elbusser;2024;igangsat;5;kg;;;test;2024-01-31\n");
    const auto r =
        test::run_cli("status --scenario '" + kRoot + "/scenarios/koege-plan.json' --year 2024 --status " + status);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Contains("s.csv:2") && Contains("(the plan: 70 buses)"));
    CHECK_THAT(r.err, !Contains("70.000000"));
}

TEST_CASE("stdout that cannot be written: exit 1 with the reason, not 0 with the output lost", "[cli][io]") {
    // klima scenario run > /dev/full (a full disk) exited 0: std::cout's failure was never looked at.
    if (!std::filesystem::exists("/dev/full")) {
        WARN("no /dev/full on this system");
        return;
    }
    test::TempDir dir;
    for (const auto& args : std::vector<std::string>{
             "scenario run '" + kRoot + "/scenarios/koege.json'", "national --draws 10 --kommune 0259",
             "status --scenario '" + kRoot + "/scenarios/koege-plan.json' --year 2024 --status '" + kRoot +
                 "/data/koege/status-2024.csv'"}) {
        INFO(args);
        const std::string err = dir.file("err");
        const int status = std::system((std::string(KLIMA_BIN) + " " + args + " >/dev/full 2>" + err).c_str());
        REQUIRE(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 1);
        CHECK_THAT(io::read_file(err), Contains("cannot write the output"));
    }
}

TEST_CASE("status --indicators: a measure link that does not fit is named at the measure column", "[cli][status]") {
    // An unknown measure or one planned in another unit was reported at field 'indicator'.
    test::TempDir dir;
    const std::string status = "status --scenario '" + kRoot + "/scenarios/koege-plan.json' --year 2024 --status '" +
                               kRoot + "/data/koege/status-2024.csv' --indicators ";
    for (const char* measure : {"nope", "skovrejsning"}) {  // skovrejsning is planned in ha, chargers are counted
        INFO(measure);
        const auto file = dir.write("i.csv", std::string("indicator,year,value,target,unit,measure,source\n"
                                                         "chargers,2024,1,2,chargers,") +
                                                 measure + ",test\n");
        const auto r = test::run_cli(status + file);
        CHECK(r.exit_code == 1);
        CHECK_THAT(r.err, Contains("i.csv:2: field 'measure'"));
    }
}

TEST_CASE("db compare: a year outside 1990–2050 is a wrong command line, exit 2", "[cli][store]") {
    // It was exit 1, "version 1 has no activity for 2099", after the store was opened.
    test::TempDir dir;
    const std::string db = " --data-dir " + test::fixture_data_dir() + " --db " + dir.file("klima.db");
    REQUIRE(test::run_cli("db import " + test::fixture("activity.csv") + " --comment both" + db).exit_code == 0);
    for (const char* years : {"2017 2099", "1989 2023"}) {
        INFO(years);
        const auto r = test::run_cli(std::string("db compare ") + years + db);
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, Contains("1990–2050"));
    }
    CHECK(test::run_cli("db compare 2017 2023" + db).exit_code == 0);
}
