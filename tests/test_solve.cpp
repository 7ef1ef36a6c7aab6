// The no-attribution run and the inverse solver (api/solve.hpp) on the
// scenario fixture (tests/fixtures/scenario/, factors in scenario_support.hpp),
// launched from 2017 so that the arithmetic starts from the 2017 rows.
//
// 2017 territorial: el 10000 MWh × 100 = 1000, fjernvarme 5000 × 80 = 400,
// naturgas 20000 × 200 = 4000, gasolie 4000 × 250 = 1000, benzin 30000 × 250
// = 7500, car el 100 × 100 = 10, lastbiler 10000 × 250 = 2500, busser 2000 × 250
// = 500, bane 500 × 100 = 50: 16960 t (construction is reported apart).
// Target (tests/fixtures/targets/testby.json): −46 % against 2017 in 2030:
// 0.54 × 16960 = 9158.4 t.
// BAU 2030 (population and households × 1.13, vehicle-km constant, el 50 kg/MWh):
// energi 565 + 452 + 4520 + 1130 = 6667; transport 7500 + 5 + 2500 + 500 + 28.25
// = 10533.25; total 17200.25 t.
#include "scenario_support.hpp"
#include "support.hpp"

#include "klima/api/solve.hpp"
#include "klima/io/data_files.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>

using namespace klima;
using Catch::Detail::Approx;

namespace {

// Measure a: energi rows −σa; measure b: cars −σb; both linear 2021–2025.
std::string two_reductions(double share_a, double share_b) {
    auto m = [](const std::string& id, const std::string& rows, double share) {
        return R"({"id": ")" + id + R"(", "name": ")" + id + R"(", "owner": "x", "start_year": 2021,
                 "full_effect_year": 2025, "cost_dkk": 1000000, "source": "test",
                 "effects": [{"op": "reduce", "rows": )" +
               rows + R"(, "share": )" + std::to_string(share) + "}]}";
    };
    return R"({"name": "solve test", "municipality": "testby", "base_year": 2017, "from_year": 2017,
              "activity": ")" +
           test::fixture("scenario/activity.csv") + R"(", "drivers": ")" + test::fixture("scenario/drivers.csv") +
           R"(", "targets": ")" + test::fixture("targets/testby.json") + R"(", "measures": [)" +
           m("a", R"({"sector": "energi"})", share_a) + ", " +
           m("b", R"({"sector": "transport", "subsector": "personbiler"})", share_b) + "]}";
}

api::SolveRequest request(const test::TempDir& dir, const std::string& text, int year,
                          std::optional<std::string> measure = std::nullopt) {
    api::SolveRequest r;
    r.scenario.scenario_file = dir.write("plan.json", text);
    r.scenario.data_dir = test::fixture("scenario/data");
    r.year = year;
    r.measure = std::move(measure);
    return r;
}

double t(units::Mass m) { return units::in_tonnes(m); }

}  // namespace

TEST_CASE("a run without attribution gives the same trajectories and no measure effects") {
    auto spec = io::parse_scenario(test::scenario_json(test::measure("ev", "ev_charging",
                                                                     R"({"chargers": 100, "ev_share_per_charger": 0.002,
                                                                          "ev_kwh_per_km": 0.2, "fossil_kwh_per_km": 0.6})")),
                                   test::fixture("scenario/inline.json"));
    const auto activity = io::load_activity(spec.activity_file, &test::scenario_ref());
    const auto drivers = io::load_drivers(spec.drivers_file);
    const auto full = run_scenario(spec, activity, drivers, test::scenario_ref());
    const auto fast = run_scenario(spec, activity, drivers, test::scenario_ref(), RunOptions{false});
    CHECK((full.scenario.kg() - fast.scenario.kg()).cwiseAbs().maxCoeff() == 0.0);
    CHECK((full.bau.kg() - fast.bau.kg()).cwiseAbs().maxCoeff() == 0.0);
    // The attributed run gives the measure an effect in 2030; the fast run none and no cost per tonne.
    CHECK(test::total_effect_t(full.measures[0], 2030) > 0.0);
    CHECK(fast.measures[0].effect.total(2030) == units::kilograms(0.0));
    CHECK_FALSE(fast.measures[0].cost_per_tonne);
}

TEST_CASE("solve: all measures scaled together to meet the 2030 target") {
    test::TempDir dir;
    const auto o = api::solve_scenario(request(dir, two_reductions(0.4, 0.4), 2030));
    CHECK(o.launch_year == 2017);
    CHECK(t(o.target) == Approx(9158.4));
    CHECK(t(o.bau) == Approx(17200.25));
    // As planned: 17200.25 − 0.4 × 6667 − 0.4 × 7505 (cars: benzin 7500 + el 5) = 11531.45.
    CHECK(t(o.at_plan) == Approx(11531.45));
    CHECK(t(o.without) == Approx(17200.25));
    // Largest share 0.4: ×2.5 takes it to 100 %.
    CHECK(o.max_scale.value() == Approx(2.5));
    CHECK(o.limited_by == api::ScaleLimit::share);
    // 17200.25 − 0.4 s (6667 + 7505) = 9158.4  →  s = 8041.85 / 5668.8 = 1.418616…
    REQUIRE(o.met);
    CHECK(o.scale.value() == Approx(8041.85 / 5668.8).epsilon(1e-9));
    CHECK(t(o.at_scale) == Approx(9158.4).epsilon(1e-9));
}

TEST_CASE("solve: one measure scaled, the others as planned") {
    test::TempDir dir;
    // a: 17200.25 − 3002 (b as planned) − s · 2666.8 = 9158.4  →  s = 5039.85 / 2666.8 = 1.88985…
    const auto a = api::solve_scenario(request(dir, two_reductions(0.4, 0.4), 2030, "a"));
    REQUIRE(a.met);
    CHECK(a.scale.value() == Approx(5039.85 / 2666.8).epsilon(1e-9));
    // b: 17200.25 − 2666.8 − s · 3002 = 9158.4  →  s = 5375.05 / 3002 = 1.79049…
    const auto b = api::solve_scenario(request(dir, two_reductions(0.4, 0.4), 2030, "b"));
    REQUIRE(b.met);
    CHECK(b.scale.value() == Approx(5375.05 / 3002.0).epsilon(1e-9));
}

TEST_CASE("solve: a plan that more than meets the target needs less than its full size") {
    test::TempDir dir;
    // 2025: path 16960 − (8/13)(16960 − 9158.4) = 12159.015…; BAU el 10000 × 1.08 × 100 = 1080, fjernvarme
    // 5000 × 1.08 × 80 = 432, naturgas 4320, gasolie 1080 (energi 6912), cars 7500 + 10, lastbiler 2500,
    // busser 500, bane 500 × 1.08 × 100 = 54: 17476. Both at full effect in 2025:
    // 17476 − 0.4 s (6912 + 7510) = 12159.015…  →  s = 5316.985 / 5768.8 = 0.92168.
    const auto o = api::solve_scenario(request(dir, two_reductions(0.4, 0.4), 2025));
    const double path = 16960.0 - 8.0 / 13.0 * (16960.0 - 9158.4);
    CHECK(t(o.target) == Approx(path));
    REQUIRE(o.met);
    CHECK(o.scale.value() == Approx((17476.0 - path) / 5768.8).epsilon(1e-9));
    CHECK(o.scale.value() < 1.0);
}

TEST_CASE("solve: when even the largest scale is not enough it says so and gives the remaining gap") {
    test::TempDir dir;
    // a alone up to ×2.5 (energi to zero), b as planned at 0.1 of cars (750.5 t):
    // 17200.25 − 750.5 − 6667 = 9782.75 t, 624.35 t above 9158.4.
    const auto o = api::solve_scenario(request(dir, two_reductions(0.4, 0.1), 2030, "a"));
    CHECK_FALSE(o.met);
    CHECK(o.scale.value() == Approx(2.5));
    CHECK(t(o.at_scale) == Approx(9782.75));
    CHECK(t(o.remaining_gap) == Approx(624.35));
    // What limits it: a's reduction of the energi rows, 40 % at ×1, reaches 100 % at ×2.5 (issue 25).
    CHECK_THAT(o.limited_by_what,
               Catch::Contains("measure 'a'") && Catch::Contains("reduce of energi") && Catch::Contains("40 %"));
}

TEST_CASE("solve: a fixed amount can grow only until it overdraws its row") {
    test::TempDir dir;
    // Buses hold 2000 MWh of gas oil every year (vehicle-km constant); the measure takes 1000 MWh a year from
    // 2021 (step): ×2 takes all of it, beyond that the row is overdrawn. At ×2: 17200.25 − 2000 × 0.25 = 16700.25 t.
    auto text = two_reductions(0.4, 0.4);
    const std::string bus = R"({"id": "bus", "name": "bus", "owner": "x", "start_year": 2021, "phase_in": "step",
        "cost_dkk": 0, "source": "test", "effects": [{"op": "reduce", "rows": {"subsector": "busser"},
        "amount": {"value": 1000, "unit": "MWh"}}]})";
    text = text.substr(0, text.find("\"measures\": [")) + "\"measures\": [" + bus + "]}";
    const auto o = api::solve_scenario(request(dir, text, 2030));
    CHECK_FALSE(o.met);
    CHECK(o.limited_by == api::ScaleLimit::overdraw);
    // What limits it: the overdraw just above, naming the measure and the row (issue 25).
    CHECK_THAT(o.limited_by_what, Catch::Contains("measure 'bus'") && Catch::Contains("transport/busser gasolie"));
    // Bisection to 1e-4 of the scale, from below: 2 − 2e-4 ≤ max ≤ 2.
    CHECK(o.max_scale.value() <= 2.0);
    CHECK(o.max_scale.value() >= 2.0 - 2e-4);
    CHECK(t(o.at_scale) == Approx(17200.25 - 250.0 * o.max_scale.value()));
    CHECK(t(o.remaining_gap) == Approx(17200.25 - 250.0 * o.max_scale.value() - 9158.4));
}

TEST_CASE("solve: the largest scale is searched also when the plan already meets the path") {
    test::TempDir dir;
    // a and b (0.4 each) and the bus measure (1000 MWh of the buses' 2000 MWh gas oil, step from 2021);
    // a weaker target, −30 % against 2017: 0.7 × 16960 = 11872 t in 2030.
    // At scale 1: 17200.25 − 0.4 (6667 + 7505) − 250 = 11281.45 t, under the path: met at
    // 17200.25 − s (5668.8 + 250) = 11872  →  s = 5328.25 / 5918.8 = 0.900225…
    // The largest scale: the shares allow 1 / 0.4 = 2.5, but the buses' row is overdrawn beyond ×2
    // (2 × 1000 = 2000 MWh): limited by overdraw, found by bisection to 1e-4 from below.
    auto text = two_reductions(0.4, 0.4);
    const std::string bus = R"(, {"id": "bus", "name": "bus", "owner": "x", "start_year": 2021, "phase_in": "step",
        "cost_dkk": 0, "source": "test", "effects": [{"op": "reduce", "rows": {"subsector": "busser"},
        "amount": {"value": 1000, "unit": "MWh"}}]}]})";
    text = text.substr(0, text.rfind("]}")) + bus;
    std::ifstream in(test::fixture("targets/testby.json"));
    std::string targets{std::istreambuf_iterator<char>(in), {}};
    targets.replace(targets.find("\"reduction_pct\": 46"), 19, "\"reduction_pct\": 30");
    auto r = request(dir, text, 2030);
    r.targets_file = dir.write("targets30.json", targets);
    const auto o = api::solve_scenario(r);
    CHECK(t(o.target) == Approx(11872.0));
    CHECK(t(o.at_plan) == Approx(11281.45));
    REQUIRE(o.met);
    CHECK(o.scale.value() == Approx(5328.25 / 5918.8).epsilon(1e-9));
    CHECK(o.limited_by == api::ScaleLimit::overdraw);
    CHECK(o.max_scale.value() <= 2.0);
    CHECK(o.max_scale.value() >= 2.0 - 2e-4);
}

TEST_CASE("solve refuses an unknown measure and a year that is history, as usage errors") {
    test::TempDir dir;
    try {
        api::solve_scenario(request(dir, two_reductions(0.4, 0.4), 2030, "c"));
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::usage);
        CHECK(std::string(e.what()).find("'c'") != std::string::npos);
        CHECK(e.fix().find("a, b") != std::string::npos);
    }
    try {
        api::solve_scenario(request(dir, two_reductions(0.4, 0.4), 2017));
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::usage);
    }
}

TEST_CASE("klima scenario solve prints json and maps a wrong --measure to exit 2") {
    test::TempDir dir;
    const auto file = dir.write("plan.json", two_reductions(0.4, 0.4));
    const std::string common = file + " --data-dir " + test::fixture("scenario/data");
    const auto ok = test::run_cli("scenario solve " + common + " --year 2030 --format json");
    REQUIRE(ok.exit_code == 0);
    const auto j = nlohmann::json::parse(ok.out);
    CHECK(j["met"] == true);
    CHECK(j["scale"].get<double>() == Approx(8041.85 / 5668.8).epsilon(1e-9));
    CHECK(j["target_t"].get<double>() == Approx(9158.4));
    CHECK(j["limited_by"] == "share");
    const auto bad = test::run_cli("scenario solve " + common + " --measure nope");
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("--measure") != std::string::npos);
}
