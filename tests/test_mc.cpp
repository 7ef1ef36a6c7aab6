// Monte Carlo (api/monte_carlo.hpp) on the scenario fixture
// (tests/fixtures/scenario/, factors in scenario_support.hpp), launched from 2017.
//
// Closed form: one measure takes 40 % of the cars (7505 t in 2030: benzin 7500 + el 5), so the 2030
// scenario is 17200.25 − 0.4 × 7505 = 14198.25 t (BAU in test_solve.cpp), of which natural gas is
// 20000 MWh × 1.13 × 200 kg = 4520 t. A normal multiplier N(1, 0.1) on the natural-gas factor makes
// the scenario 14198.25 + 4520 (m − 1): mean 14198.25 t, sd 452 t.
#include "support.hpp"

#include "klima/api/monte_carlo.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <nlohmann/json.hpp>

using namespace klima;
using Catch::Detail::Approx;

namespace {

std::string scenario(const std::string& targets) {
    return R"({"name": "mc test", "municipality": "testby", "base_year": 2017, "from_year": 2017,
              "activity": ")" +
           test::fixture("scenario/activity.csv") + R"(", "drivers": ")" + test::fixture("scenario/drivers.csv") +
           R"(", "targets": ")" + targets + R"(",
              "measures": [{"id": "b", "name": "b", "owner": "x", "start_year": 2021, "full_effect_year": 2025,
                            "cost_dkk": 0, "source": "test", "effects": [{"op": "reduce",
                            "rows": {"sector": "transport", "subsector": "personbiler"}, "share": 0.4}]}]})";
}

// Targets with 2030 one sd under the mean: 14198.25 − 452 = 13746.25 t = 16960 × (1 − ρ), ρ = 18.9490 %.
const char* kTargets = R"({"municipality": "testby", "name": "mc test", "scope": "territorial_incl_lulucf",
  "reference_year": 2017, "interim_targets": [{"year": 2030, "reduction_pct": 18.948997642, "against_year": 2017,
  "source": "test"}], "neutrality": {"year": 2050, "source": "test"}})";

const char* kNormalGas = R"({"inputs": [{"factor": {"carrier": "naturgas"}, "dist": {"normal": {"sd": 0.1}}}]})";

api::MonteCarloRequest request(const test::TempDir& dir, int draws, std::uint64_t seed, int threads) {
    api::MonteCarloRequest r;
    r.scenario.scenario_file = dir.write("plan.json", scenario(dir.write("targets.json", kTargets)));
    r.scenario.data_dir = test::fixture("scenario/data");
    r.uncertainty_file = dir.write("u.json", kNormalGas);
    r.draws = draws;
    r.seed = seed;
    r.threads = threads;
    return r;
}

double t(units::Mass m) { return units::in_tonnes(m); }

const api::YearSpread& year(const api::MonteCarloOutcome& o, int y) {
    return o.years.at(static_cast<std::size_t>(y - o.launch_year));
}

}  // namespace

TEST_CASE("Monte Carlo: a normal factor on one row gives the closed-form mean, sd and chance") {
    test::TempDir dir;
    const auto o = api::monte_carlo(request(dir, 4000, 7, 2));
    const auto& y = year(o, 2030);
    // Standard errors with 4000 draws: mean 452/√4000 = 7.1 t, sd 452/√7998 = 5.1 t; ±4–5 of them.
    CHECK(t(y.scenario.mean) == Approx(14198.25).margin(30.0));
    CHECK(t(y.scenario.sd) == Approx(452.0).margin(25.0));
    // p95 − p5 = 2 × 1.645 × 452 = 1487 t.
    CHECK(t(y.scenario.p95) - t(y.scenario.p5) == Approx(1487.1).margin(60.0));
    CHECK(t(y.bau.mean) == Approx(17200.25).margin(30.0));
    // P(S ≤ mean − 1 sd) = Φ(−1) = 0.1587; its standard error √(0.1587 × 0.8413 / 4000) = 0.0058.
    REQUIRE(o.targets.size() == 2);
    CHECK(o.targets[0].year == 2030);
    CHECK(o.targets[0].probability.value() == Approx(0.1587).margin(0.025));
    CHECK(o.targets[1].probability.value() == 0.0);  // 2050: net zero, never met here
    REQUIRE(o.influence.size() == 1);
    CHECK(o.influence[0].rank_correlation == Approx(1.0));  // the only input, monotone
}

TEST_CASE("Monte Carlo: the same seed gives identical results on 1 and 2 threads, another seed others") {
    test::TempDir dir;
    const auto one = api::monte_carlo(request(dir, 300, 42, 1));
    const auto two = api::monte_carlo(request(dir, 300, 42, 2));
    const auto other = api::monte_carlo(request(dir, 300, 43, 2));
    for (int y : {2025, 2030, 2050}) {
        CHECK(t(year(one, y).scenario.p5) == t(year(two, y).scenario.p5));
        CHECK(t(year(one, y).scenario.p50) == t(year(two, y).scenario.p50));
        CHECK(t(year(one, y).scenario.p95) == t(year(two, y).scenario.p95));
        CHECK(t(year(one, y).scenario.p50) != t(year(other, y).scenario.p50));
    }
    CHECK(one.targets[0].probability.value() == two.targets[0].probability.value());
}

TEST_CASE("Monte Carlo: an uncertainty file with an unknown measure names its JSON path") {
    test::TempDir dir;
    auto r = request(dir, 10, 1, 1);
    r.uncertainty_file = dir.write("bad.json", R"({"inputs": [{"measure": "nope", "dist": {"pct": 10}}]})");
    try {
        api::monte_carlo(r);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.where().field == "/inputs/0/measure");
        CHECK(e.kind() == ErrorKind::input);
    }
}

TEST_CASE("klima scenario mc prints p5, p50 and p95 as json; with no distribution anywhere it exits 1") {
    test::TempDir dir;
    const auto r = request(dir, 50, 1, 1);
    const std::string common = "scenario mc " + r.scenario.scenario_file + " --data-dir " + r.scenario.data_dir;
    const auto ok =
        test::run_cli(common + " --uncertainty " + *r.uncertainty_file + " --draws 50 --seed 5 --format json");
    REQUIRE(ok.exit_code == 0);
    const auto j = nlohmann::json::parse(ok.out);
    CHECK(j["draws"] == 50);
    CHECK(j["years"][0]["year"] == 2017);
    // 2017 is the launch inventory: every draw scales its natural gas too, so the spread is there as well,
    // p5 ≤ p50 ≤ p95.
    const auto& y2030 = j["years"][13]["scenario"];
    CHECK(y2030["p5"].get<double>() <= y2030["p50"].get<double>());
    CHECK(y2030["p50"].get<double>() <= y2030["p95"].get<double>());
    CHECK(j["targets"][0]["year"] == 2030);
    const auto missing = test::run_cli(common);
    CHECK(missing.exit_code == 1);  // the fixture's data and scenario carry none (test_mc_data.cpp)
    CHECK(missing.err.find("nothing is uncertain") != std::string::npos);
}

TEST_CASE("draws, threads, seed, discount and budget out of range are the flag's fault (exit 2), in every command") {
    test::TempDir dir;
    const auto r = request(dir, 50, 1, 1);
    const std::string scenario = r.scenario.scenario_file + " --data-dir " + r.scenario.data_dir;
    const std::string mc = "scenario mc " + scenario + " --uncertainty " + *r.uncertainty_file;
    const std::string report = "report --scenario " + scenario + " --year 2017";
    struct Case {
        std::string args, flag;
    };
    const Case cases[] = {
        {mc + " --draws 0", "--draws"},
        {mc + " --draws 100001", "--draws"},  // kMaxDraws = 100,000
        {mc + " --threads 65", "--threads"},
        {mc + " --seed=-1", "--seed"},
        {report + " --seed=-1", "--seed"},
        {report + " --draws 100001", "--draws"},
        {report + " --threads 0", "--threads"},
        {report + " --discount 100", "--discount"},
        {"scenario macc " + scenario + " --discount -1", "--discount"},
        {"scenario macc " + scenario + " --budget nan", "--budget"},
    };
    for (const auto& c : cases) {
        INFO(c.args);
        const auto out = test::run_cli(c.args);
        CHECK(out.exit_code == 2);
        CHECK(out.err.find(c.flag) != std::string::npos);
        CHECK(out.out.empty());
    }
}

TEST_CASE("Monte Carlo: a multiplier so large that a total could overflow is refused at its input") {
    // uniform 1e300…1.5e308 on the natural-gas factor: 1e300 × the fixture's gas emissions (kg) > 1.8e308, inf.
    // A multiplier above 10 is refused when the file is read (issue 20), naming the input, before any draw.
    test::TempDir dir;
    auto r = request(dir, 5, 1, 1);
    r.uncertainty_file = dir.write("huge.json", R"({"inputs": [{"factor": {"carrier": "naturgas"},
                                    "dist": {"uniform": {"low": 1e300, "high": 1.5e308}}}]})");
    try {
        api::monte_carlo(r);
        FAIL("an overflowing draw was accepted");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::input);
        CHECK(e.where().field == "/inputs/0/dist/uniform/high");
        CHECK(std::string(e.what()).find("at most 10") != std::string::npos);
    }
}
