// Abatement cost (api/abatement.hpp): the portfolio linear programme solved
// by hand, and discounted cost per tonne, MACC order and portfolio on the
// scenario fixture (tests/fixtures/scenario/, factors in scenario_support.hpp).
#include "support.hpp"

#include "analysis/portfolio.hpp"

#include "klima/api/abatement.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <nlohmann/json.hpp>

using namespace klima;
using Catch::Detail::Approx;

namespace {

double t(units::Mass m) { return units::in_tonnes(m); }

// Three measures: 100 t for 1000 DKK (10 DKK/t), 200 t for 4000 (20 DKK/t), 300 t for 9000 (30 DKK/t).
std::vector<analysis::PortfolioItem> three() {
    return {{units::dkk(1000), units::tonnes(100)},
            {units::dkk(4000), units::tonnes(200)},
            {units::dkk(9000), units::tonnes(300)}};
}

}  // namespace

TEST_CASE("the cheapest portfolio of three measures, solved by hand") {
    // One constraint, bounds 0..1: take the cheapest tonnes first. 350 t = 100 + 200 + 50 of the third's 300:
    // levels 1, 1, 1/6; cost 1000 + 4000 + 9000/6 = 6500 DKK.
    const auto p = analysis::cheapest_meeting(three(), units::tonnes(350));
    REQUIRE(p.feasible);
    CHECK(p.level[0].value() == Approx(1.0));
    CHECK(p.level[1].value() == Approx(1.0));
    CHECK(p.level[2].value() == Approx(1.0 / 6.0));
    CHECK(units::in_dkk(p.cost) == Approx(6500.0));
    CHECK(t(p.effect) == Approx(350.0));
}

TEST_CASE("the most tonnes within a budget, and a requirement beyond every measure") {
    // 3000 DKK: the first (1000 DKK, 100 t), then 2000 of the second's 4000: level 0.5, 100 t; 200 t in all.
    const auto b = analysis::most_within(three(), units::dkk(3000));
    CHECK(b.level[0].value() == Approx(1.0));
    CHECK(b.level[1].value() == Approx(0.5));
    CHECK(b.level[2].value() == Approx(0.0).margin(1e-12));
    CHECK(t(b.effect) == Approx(200.0));
    // 700 t > 100 + 200 + 300: infeasible, every measure at full uptake.
    const auto none = analysis::cheapest_meeting(three(), units::tonnes(700));
    CHECK_FALSE(none.feasible);
    CHECK(t(none.effect) == Approx(600.0));
}

namespace {

// Two step measures from 2030 on rows that stay constant (vehicle-km driver, factors 250 kg/MWh):
// trucks −10 % of 10000 MWh = 250 t a year for 1,000,000 DKK; buses −50 % of 2000 MWh = 250 t for 500,000 DKK.
std::string plan() {
    auto m = [](const std::string& id, const std::string& sub, const std::string& share, const std::string& cost) {
        return R"({"id": ")" + id + R"(", "name": ")" + id + R"(", "owner": "x", "start_year": 2030,
                 "phase_in": "step", "cost_dkk": )" +
               cost + R"(, "source": "test",
                 "effects": [{"op": "reduce", "rows": {"sector": "transport", "subsector": ")" +
               sub + R"("}, "share": )" + share + "}]}";
    };
    return R"({"name": "macc test", "municipality": "testby", "base_year": 2017, "from_year": 2017,
              "activity": ")" +
           test::fixture("scenario/activity.csv") + R"(", "drivers": ")" + test::fixture("scenario/drivers.csv") +
           R"(", "targets": ")" + test::fixture("targets/testby.json") + R"(", "measures": [)" +
           m("lastbil", "lastbiler", "0.1", "1000000") + ", " + m("bus", "busser", "0.5", "500000") + "]}";
}

api::AbatementRequest request(const test::TempDir& dir) {
    api::AbatementRequest r;
    r.scenario.scenario_file = dir.write("plan.json", plan());
    r.scenario.data_dir = test::fixture("scenario/data");
    return r;
}

}  // namespace

TEST_CASE("discounted cost per tonne, MACC order and an infeasible portfolio on the fixture") {
    test::TempDir dir;
    const auto o = api::abatement_cost(request(dir));
    REQUIRE(o.measures.size() == 2);
    // Buses: 500,000 DKK / 250 t / 21 years (2030–2050) = 95.24 DKK/t, trucks 190.48: buses first.
    CHECK(o.measures[0].id == "bus");
    const auto& truck = o.measures[1];
    CHECK(units::in_dkk_per_tonne(*truck.per_tonne) == Approx(1e6 / (21 * 250.0)));
    // Discounted to 2017 at 3.5 %: cost 1e6 · 1.035^−13 (spent in 2030, start = full effect);
    // tonnes 250 · Σ_{k=13..33} 1.035^−k; the ratio 4000 / Σ_{k=0..20} 1.035^−k = 4000 / 15.21240 = 262.943.
    CHECK(units::in_dkk(truck.cost_discounted) == Approx(1e6 * std::pow(1.035, -13)));
    CHECK(units::in_dkk_per_tonne(*truck.per_tonne_discounted) == Approx(262.94333));
    CHECK(t(truck.in_year) == Approx(250.0));
    // Needed: BAU 17200.25 − path 9158.4 = 8041.85 t (test_solve.cpp); both measures give 500 t: infeasible.
    CHECK(t(o.required) == Approx(8041.85));
    CHECK_FALSE(o.portfolio.feasible);
    CHECK(t(o.portfolio.checked) == Approx(17200.25 - 500.0));
    CHECK(t(o.portfolio.remaining_gap) == Approx(17200.25 - 500.0 - 9158.4));
}

TEST_CASE("a budget portfolio on the fixture, checked by a run") {
    test::TempDir dir;
    auto r = request(dir);
    // Budget = the trucks' discounted cost: buses (half of it) at 1, trucks at 0.5: 250 + 125 = 375 t in 2030.
    r.budget = units::dkk(1e6 * std::pow(1.035, -13));
    const auto o = api::abatement_cost(r);
    CHECK(o.measures[0].level.value() == Approx(1.0));
    CHECK(o.measures[1].level.value() == Approx(0.5));
    CHECK(t(o.portfolio.effect) == Approx(375.0));
    // The rows do not interact, so the run agrees with the linear sum: 17200.25 − 375.
    CHECK(t(o.portfolio.checked) == Approx(17200.25 - 375.0));
}

TEST_CASE("klima scenario macc: undiscounted with --discount 0, and a bad rate is exit 2") {
    test::TempDir dir;
    const auto file = dir.write("plan.json", plan());
    const std::string common = "scenario macc " + file + " --data-dir " + test::fixture("scenario/data");
    const auto ok = test::run_cli(common + " --discount 0 --format json");
    REQUIRE(ok.exit_code == 0);
    const auto j = nlohmann::json::parse(ok.out);
    CHECK(j["macc"][1]["dkk_per_t_discounted"].get<double>() == Approx(1e6 / (21 * 250.0)));
    CHECK(j["macc"][1]["dkk_per_t"].get<double>() == Approx(1e6 / (21 * 250.0)));
    CHECK(j["macc"][0]["to_t"].get<double>() == Approx(250.0));
    CHECK(j["macc"][1]["to_t"].get<double>() == Approx(500.0));
    const auto bad = test::run_cli(common + " --discount lots");
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("--discount") != std::string::npos);
}
