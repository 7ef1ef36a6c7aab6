// Uncertainty as data (issue 13, item 1): distributions in a CSV cell, in the
// activity, factor and drivers files and in the scenario JSON, gathered by the
// Monte Carlo facade with the precedence of docs/analysis.md.
//
// The scenario fixture (tests/fixtures/scenario/, launched from 2017) as in test_mc.cpp: in 2030 its
// natural gas emits 20000 MWh × 1.13 (population index) × 200 kg/MWh = 4520 t, and the one measure takes
// 0.4 of the cars, 0.4 × 7505 = 3002 t, so the scenario is 17200.25 − 3002 = 14198.25 t.
#include "support.hpp"

#include "analysis/uncertainty.hpp"
#include "io/readers.hpp"

#include "klima/api/monte_carlo.hpp"
#include "klima/distribution.hpp"
#include "klima/io/data_files.hpp"
#include "klima/io/scenario_file.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace klima;
using Catch::Detail::Approx;

namespace {

using Kind = Distribution::Kind;

Distribution parse(const std::string& text) { return parse_distribution(text, {"f.csv", 7, "uncertainty"}); }

Error parse_error(const std::string& text) {
    try {
        parse(text);
    } catch (const Error& e) {
        return e;
    }
    FAIL("no error for '" << text << "'");
    return Error({}, "");
}

std::string read(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// The fixture's activity with `cell` in a new uncertainty column on the 2017 natural-gas row.
std::string activity_with(const std::string& cell) {
    std::istringstream in(read(test::fixture("scenario/activity.csv")));
    std::string out, line;
    for (bool head = true; std::getline(in, line); head = false) {
        out.append(line).append(head ? ",uncertainty" : ",");
        if (line.rfind("2017,energi,individuel_opvarmning,naturgas,", 0) == 0) out.append(cell);
        out.append("\n");
    }
    return out;
}

// The fixture's data directory copied, with `cell` in a new uncertainty column on the natural-gas factor.
std::string data_with_gas_factor(const test::TempDir& dir, const std::string& cell) {
    namespace fs = std::filesystem;
    const fs::path to = fs::path(dir.path()) / "data";
    fs::copy(test::fixture("scenario/data"), to, fs::copy_options::recursive);
    const auto factors = (to / "factors" / "factors.csv").string();
    std::istringstream in(read(factors));
    std::string out, line;
    for (bool head = true; std::getline(in, line); head = false) {
        out.append(line).append(head ? ",uncertainty" : ",");
        if (line.rfind("naturgas,,CO2,", 0) == 0) out.append(cell);
        out.append("\n");
    }
    std::ofstream(factors) << out;
    return to.string();
}

const char* kTargets = R"({"municipality": "testby", "name": "mc test", "scope": "territorial_incl_lulucf",
  "reference_year": 2017, "interim_targets": [{"year": 2030, "reduction_pct": 18.948997642, "against_year": 2017,
  "source": "test"}], "neutrality": {"year": 2050, "source": "test"}})";

// The fixture scenario on `activity`, its measure "b" with `measure_extra` (e.g. `"uncertainty": …,`)
// and the scenario with `top_extra` (e.g. `"uncertainty": {…},`).
std::string scenario(const test::TempDir& dir, const std::string& activity, const std::string& measure_extra = "",
                     const std::string& top_extra = "") {
    std::string s = R"({"name": "mc data test", "municipality": "testby", "base_year": 2017, "from_year": 2017, )";
    s.append(top_extra).append(R"("activity": ")").append(activity);
    s.append(R"(", "drivers": ")").append(test::fixture("scenario/drivers.csv"));
    s.append(R"(", "targets": ")").append(dir.write("targets.json", kTargets));
    s.append(
        R"(", "measures": [{"id": "b", "name": "b", "owner": "x", "start_year": 2021, "full_effect_year": 2025, )");
    s.append(measure_extra);
    s.append(R"("cost_dkk": 0, "source": "test", "effects": [{"op": "reduce",
                "rows": {"sector": "transport", "subsector": "personbiler"}, "share": 0.4}]}]})");
    return s;
}

api::MonteCarloRequest request(const test::TempDir& dir, const std::string& scenario_json, int draws,
                               std::uint64_t seed = 3) {
    static int n = 0;  // each request its own file: a test compares several
    api::MonteCarloRequest r;
    r.scenario.scenario_file = dir.write("plan" + std::to_string(++n) + ".json", scenario_json);
    r.scenario.data_dir = test::fixture("scenario/data");
    r.draws = draws;
    r.seed = seed;
    r.threads = 2;
    return r;
}

double t(units::Mass m) { return units::in_tonnes(m); }

void check_identical(const api::MonteCarloOutcome& a, const api::MonteCarloOutcome& b) {
    REQUIRE(a.years.size() == b.years.size());
    for (std::size_t i = 0; i < a.years.size(); ++i) {
        CHECK(t(a.years[i].scenario.p5) == t(b.years[i].scenario.p5));
        CHECK(t(a.years[i].scenario.p50) == t(b.years[i].scenario.p50));
        CHECK(t(a.years[i].scenario.p95) == t(b.years[i].scenario.p95));
        CHECK(t(a.years[i].bau.mean) == t(b.years[i].bau.mean));
    }
    REQUIRE(a.targets.size() == b.targets.size());
    CHECK(a.targets[0].probability.value() == b.targets[0].probability.value());
}

const api::YearSpread& year(const api::MonteCarloOutcome& o, int y) {
    return o.years.at(static_cast<std::size_t>(y - o.launch_year));
}

}  // namespace

TEST_CASE("A distribution's text form: each kind, spaces and a decimal comma") {
    const auto pct = parse("pct 5");  // uniform on [1 − 5/100, 1 + 5/100]
    CHECK(pct.kind == Kind::uniform);
    CHECK(pct.a == Approx(0.95));
    CHECK(pct.b == Approx(1.05));
    const auto normal = parse("  normal\t0,05 ");
    CHECK(normal.kind == Kind::normal);
    CHECK(normal.a == 0.05);
    const auto lognormal = parse("lognormal 0.2");
    CHECK(lognormal.kind == Kind::lognormal);
    CHECK(lognormal.a == 0.2);
    const auto tri = parse("triangular 0.8 1 1.1");
    CHECK(tri.kind == Kind::triangular);
    CHECK((tri.a == 0.8 && tri.b == 1.0 && tri.c == 1.1));
    const auto uni = parse("uniform 0.9 1.1");
    CHECK(uni.kind == Kind::uniform);
    CHECK((uni.a == 0.9 && uni.b == 1.1));
    CHECK(parse(to_text(tri)) == tri);
    CHECK(to_text(pct) == "uniform 0.95 1.05");
}

TEST_CASE("A distribution's text form: errors keep the cell's file, line and column and name the word") {
    const auto unknown = parse_error("gauss 0.1");
    CHECK(unknown.where().file == "f.csv");
    CHECK(unknown.where().line == 7);
    CHECK(unknown.where().field == "uncertainty");
    CHECK(unknown.problem().find("'gauss' (word 1)") != std::string::npos);
    CHECK(unknown.fix().find("pct 5") != std::string::npos);
    CHECK(parse_error("normal").problem().find("takes 1 number, the cell gives 0") != std::string::npos);
    CHECK(parse_error("uniform 0.9").problem().find("takes 2 numbers, the cell gives 1") != std::string::npos);
    CHECK(parse_error("normal 0.1x").problem().find("word 2 '0.1x' is not a number") != std::string::npos);
    CHECK(parse_error("triangular 0.8 1 1e999").problem().find("word 4") != std::string::npos);  // overflows
    CHECK(parse_error("normal 0.6").problem().find("sd must be in [0, 0.5]") != std::string::npos);
    CHECK(parse_error("lognormal 3").problem().find("sigma") != std::string::npos);
    CHECK(parse_error("triangular 1 0.8 1.1").problem().find("low ≤ mode ≤ high") != std::string::npos);
    CHECK(parse_error("uniform 1.1 0.9").problem().find("low < high") != std::string::npos);
    CHECK(parse_error("pct 100").problem().find("[0, 100)") != std::string::npos);
    CHECK(parse_error("").problem() == "the distribution is empty");
}

TEST_CASE("A distribution in JSON: an object or the text form, the same value") {
    using nlohmann::json;
    const auto from_object = io::distribution_from_json(json::parse(R"({"triangular": {"low": 0.8, "mode": 1,
        "high": 1.1}})"),
                                                        "s.json", "/measures/0/uncertainty");
    CHECK(from_object == parse("triangular 0.8 1 1.1"));
    CHECK(io::distribution_from_json(json::parse(R"({"pct": 5})"), "s.json", "") == parse("pct 5"));
    CHECK(io::distribution_from_json(json("pct 5"), "s.json", "") == parse("pct 5"));
    try {
        io::distribution_from_json(json::parse(R"({"normal": {"sd": 0.1, "mean": 1}})"), "s.json", "/u");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.where().field == "/u/normal/mean");
    }
    try {
        io::distribution_from_json(json("normal 2"), "s.json", "/u");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.where().field == "/u");
        CHECK(e.problem().find("sd must be") != std::string::npos);
    }
}

TEST_CASE("An activity CSV with an uncertainty column: the cell read; a bad cell names line and column") {
    const auto records = io::parse_activity_csv(activity_with("normal 0.1"), "a.csv");
    int with = 0;
    for (const auto& r : records) with += r.uncertainty ? 1 : 0;
    CHECK(with == 1);
    CHECK(records[2].uncertainty == parse("normal 0.1"));  // line 4: 2017 natural gas
    CHECK(!records[0].uncertainty);
    try {
        io::parse_activity_csv(activity_with("normal zero"), "a.csv");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.where().file == "a.csv");
        CHECK(e.where().line == 4);
        CHECK(e.where().field == "uncertainty");
    }
    // An activity JSON record: "uncertainty" as text or object.
    const auto json_records = io::parse_activity_json(R"({"records": [{"year": 2017, "sector": "energi",
        "subsector": "el", "carrier": "el", "quantity": 1, "unit": "MWh", "source": "t", "uncertainty": "pct 5"}]})",
                                                      "a.json");
    CHECK(json_records[0].uncertainty == parse("pct 5"));
    // The file without the column: no record carries a distribution.
    for (const auto& r : io::load_activity(test::fixture("scenario/activity.csv"), nullptr)) CHECK(!r.uncertainty);
}

TEST_CASE("Monte Carlo: an activity row's distribution equals the same input in an uncertainty file") {
    test::TempDir dir;
    const auto in_data = request(dir, scenario(dir, dir.write("a.csv", activity_with("normal 0.1"))), 4000);
    auto in_file = request(dir, scenario(dir, test::fixture("scenario/activity.csv")), 4000);
    in_file.uncertainty_file = dir.write("u.json", R"({"inputs": [{"activity": {"sector": "energi",
        "subsector": "individuel_opvarmning", "carrier": "naturgas"}, "dist": {"normal": {"sd": 0.1}}}]})");
    const auto a = api::monte_carlo(in_data);
    const auto b = api::monte_carlo(in_file);
    check_identical(a, b);
    REQUIRE(a.inputs == 1);
    CHECK(a.drawn[0].input == b.drawn[0].input);
    CHECK(a.drawn[0].from == dir.file("a.csv") + ":4");
    CHECK(b.drawn[0].from == in_file.uncertainty_file.value() + "#/inputs/0");
    // sd of the 2030 scenario: 4520 t × 0.1 = 452 t (standard error 452/√7998 = 5.1 t).
    CHECK(t(year(a, 2030).scenario.sd) == Approx(452.0).margin(25.0));
}

TEST_CASE("Monte Carlo: a factor row's distribution equals the same input in an uncertainty file") {
    test::TempDir dir;
    auto in_data = request(dir, scenario(dir, test::fixture("scenario/activity.csv")), 500);
    in_data.scenario.data_dir = data_with_gas_factor(dir, "normal 0.1");
    auto in_file = request(dir, scenario(dir, test::fixture("scenario/activity.csv")), 500);
    in_file.uncertainty_file =
        dir.write("u.json", R"({"inputs": [{"factor": {"carrier": "naturgas"}, "dist": {"normal": {"sd": 0.1}}}]})");
    const auto a = api::monte_carlo(in_data);
    check_identical(a, api::monte_carlo(in_file));
    REQUIRE(a.inputs == 1);
    CHECK(a.drawn[0].from.find("factors.csv:2") != std::string::npos);
}

TEST_CASE("Monte Carlo: a measure's uncertainty in the scenario JSON") {
    test::TempDir dir;
    const auto o = api::monte_carlo(
        request(dir, scenario(dir, test::fixture("scenario/activity.csv"), R"("uncertainty": {"uniform": {"low": 0.5,
            "high": 1.5}}, )"),
                4000));
    REQUIRE(o.inputs == 1);
    CHECK(o.drawn[0].input == "measure b");
    CHECK(o.drawn[0].from == o.drawn[0].from.substr(0, o.drawn[0].from.find('#')) + "#/measures/0/uncertainty");
    // The measure takes 0.4 m of the cars' 7505 t, m uniform on [0.5, 1.5]: mean 14198.25 t,
    // sd 3002 × 1/√12 = 866.6 t (standard error 866.6/√7998 = 9.7 t).
    const auto& y = year(o, 2030);
    CHECK(t(y.scenario.mean) == Approx(14198.25).margin(50.0));
    CHECK(t(y.scenario.sd) == Approx(866.6).margin(40.0));
    CHECK(t(y.bau.sd) == 0.0);  // a measure does not touch BAU
}

TEST_CASE(
    "Monte Carlo precedence: the file replaces the scenario's, the scenario's block its measure's, both the "
    "data's, for the same target") {
    test::TempDir dir;
    const std::string activity = dir.write("a.csv", activity_with("normal 0.1"));
    // The data's normal 0.1 on the natural-gas row replaced by pct 0 (m = 1) for the same row: no spread left.
    auto r = request(dir, scenario(dir, activity), 200);
    r.uncertainty_file = dir.write("u.json", R"({"inputs": [{"activity": {"sector": "energi",
        "subsector": "individuel_opvarmning", "carrier": "naturgas"}, "dist": {"pct": 0}}]})");
    auto o = api::monte_carlo(r);
    REQUIRE(o.inputs == 1);
    CHECK(o.drawn[0].from == *r.uncertainty_file + "#/inputs/0");
    CHECK(t(year(o, 2030).scenario.sd) == 0.0);
    // A selector that is not the same target (all natural gas of the sector) adds an input instead.
    r.uncertainty_file = dir.write("u2.json", R"({"inputs": [{"activity": {"sector": "energi",
        "carrier": "naturgas"}, "dist": {"pct": 0}}]})");
    CHECK(api::monte_carlo(r).inputs == 2);
    // The scenario's block replaces the measure's own; the file replaces both.
    const std::string both = scenario(dir, test::fixture("scenario/activity.csv"), R"("uncertainty": "pct 50", )",
                                      R"("uncertainty": {"inputs": [{"measure": "b", "dist": {"pct": 0}}]}, )");
    o = api::monte_carlo(request(dir, both, 200));
    REQUIRE(o.inputs == 1);
    CHECK(o.drawn[0].from.find("#/uncertainty/inputs/0") != std::string::npos);
    CHECK(t(year(o, 2030).scenario.sd) == 0.0);
    auto with_file = request(dir, both, 200);
    with_file.uncertainty_file =
        dir.write("u3.json", R"({"inputs": [{"measure": "b", "dist": {"uniform": {"low": 0.5, "high": 1.5}}}]})");
    o = api::monte_carlo(with_file);
    REQUIRE(o.inputs == 1);
    CHECK(o.drawn[0].from == *with_file.uncertainty_file + "#/inputs/0");
    CHECK(t(year(o, 2030).scenario.sd) > 500.0);  // 866.6 t expected, as in the measure test
}

TEST_CASE("Monte Carlo: the activity distribution of the launch year, else the newest before it") {
    test::TempDir dir;
    // 2017 normal 0.1, and the 2023 el row (after the 2017 launch) pct 50: only the first is drawn.
    std::string text = activity_with("normal 0.1");
    text.replace(text.rfind("\n", text.size() - 2) + 1, std::string::npos,
                 "2023,energi,el,el,9000,MWh,scenario test fixture: a later inventory year the projection "
                 "ignores,pct 50\n");
    const auto o = api::monte_carlo(request(dir, scenario(dir, dir.write("a.csv", text)), 50));
    REQUIRE(o.inputs == 1);
    CHECK(o.drawn[0].input.find("naturgas") != std::string::npos);
    // Two records of one target and year with different distributions: refused, naming both rows.
    std::string two = activity_with("normal 0.1");
    two.append("2017,energi,individuel_opvarmning,naturgas,1,MWh,another source,pct 5\n");
    try {
        api::monte_carlo(request(dir, scenario(dir, dir.write("b.csv", two)), 10));
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.where().line == 13);
        CHECK(e.problem().find("b.csv:4") != std::string::npos);
    }
}

TEST_CASE("Monte Carlo: the drivers file's growth uncertainty, once per driver") {
    test::TempDir dir;
    std::istringstream in(read(test::fixture("scenario/drivers.csv")));
    std::string once, twice, line;
    for (int n = 0; std::getline(in, line); ++n) {
        once.append(line).append(n == 0 ? ",population_uncertainty" : n == 1 ? ",normal 0.2" : ",").append("\n");
        twice.append(line).append(n == 0 ? ",population_uncertainty" : n <= 2 ? ",normal 0.2" : ",").append("\n");
    }
    const auto drivers = io::load_drivers(dir.write("d.csv", once));
    REQUIRE(drivers.uncertainty().size() == 1);
    CHECK(drivers.uncertainty()[0].driver == Driver::population);
    CHECK(drivers.uncertainty()[0].origin.line == 2);
    try {
        io::load_drivers(dir.write("d2.csv", twice));
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.where().line == 3);
        CHECK(e.where().field == "population_uncertainty");
        CHECK(e.problem().find("given twice") != std::string::npos);
    }
}

TEST_CASE("Monte Carlo with no distribution anywhere: an input error saying where they can be given") {
    test::TempDir dir;
    const auto r = request(dir, scenario(dir, test::fixture("scenario/activity.csv")), 10);
    CHECK_FALSE(api::has_uncertainty(r.scenario));
    try {
        api::monte_carlo(r);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::input);
        CHECK(e.where().file == r.scenario.scenario_file);
        CHECK(e.fix().find("'uncertainty' column") != std::string::npos);
        CHECK(e.fix().find("uncertainty file") != std::string::npos);
    }
    const auto cli = test::run_cli("scenario mc " + r.scenario.scenario_file + " --data-dir " + r.scenario.data_dir);
    CHECK(cli.exit_code == 1);
    CHECK(cli.err.find("nothing is uncertain") != std::string::npos);
    const auto with =
        request(dir, scenario(dir, test::fixture("scenario/activity.csv"), R"("uncertainty": "pct 5", )"), 10);
    CHECK(api::has_uncertainty(with.scenario));
}

TEST_CASE("A scenario's uncertainty block: a bad input names the scenario file and its JSON path") {
    test::TempDir dir;
    const auto r = request(dir,
                           scenario(dir, test::fixture("scenario/activity.csv"), "",
                                    R"("uncertainty": {"inputs": [{"measure": "nope", "dist": "pct 5"}]}, )"),
                           10);
    try {
        api::monte_carlo(r);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.where().file == r.scenario.scenario_file);
        CHECK(e.where().field == "/uncertainty/inputs/0/measure");
    }
    try {
        io::parse_scenario(scenario(dir, test::fixture("scenario/activity.csv"), "", R"("uncertainty": [], )"),
                           "s.json");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.where().field == "/uncertainty");
    }
    // Read once by io, typed: the scenario carries its inputs, each with its JSON path.
    const auto spec = io::parse_scenario(
        scenario(dir, test::fixture("scenario/activity.csv"), "",
                 R"("uncertainty": {"inputs": [{"driver": "population", "dist": "pct 5"}, {"measure": "b",
                    "dist": "normal 0.1"}]}, )"),
        "s.json");
    REQUIRE(spec.uncertainty.size() == 2);
    CHECK(spec.uncertainty[0].on == UncertainInput::On::driver);
    CHECK(spec.uncertainty[1].measure == "b");
    CHECK(spec.uncertainty[1].dist == parse("normal 0.1"));
    CHECK(to_string(spec.uncertainty[1].origin) == "s.json#/uncertainty/inputs/1");
}

TEST_CASE("The bundled Køge scenario draws from its data and measures without an uncertainty file") {
    const std::string root = std::string(KLIMA_TEST_DIR) + "/..";
    const auto run = test::run_cli("scenario mc " + root + "/scenarios/koege.json --data-dir " + root +
                                   "/data --draws 200 --seed 1 --threads 2 --format json");
    REQUIRE(run.exit_code == 0);
    const auto j = nlohmann::json::parse(run.out);
    // 34 activity rows of 2023 (35 less the missing soe row) + 5 factors (el, fjernvarme, naturgas,
    // gasolie, benzin) + 3 drivers + 9 measures = 51.
    CHECK(j["inputs"] == 51);
    CHECK(j["drawn"].size() == 51);
    CHECK(j["launch_year"] == 2023);
}
