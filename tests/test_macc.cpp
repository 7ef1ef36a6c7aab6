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

namespace {

// Issue 21 / issue 27 defect 1: an `add` that makes room for a fixed `switch` on the same row.
// From 2030 (step): gas lorries add 2000 MWh naturgas on transport/lastbiler (1,000,000 DKK), and
// electric lorries switch 2000 MWh of that naturgas to el (500,000 DKK). Ops apply in id order,
// so the add (lastbiler_gas) comes before the switch (lastbiler_gas_el): `scenario run` accepts it.
std::string add_then_switch() {
    const std::string row = R"({"sector": "transport", "subsector": "lastbiler", "carrier": "naturgas"})";
    auto m = [](const std::string& id, const std::string& cost, const std::string& effect) {
        return R"({"id": ")" + id + R"(", "name": ")" + id + R"(", "owner": "x", "start_year": 2030,
                 "phase_in": "step", "cost_dkk": )" +
               cost + R"(, "source": "test", "effects": [)" + effect + "]}";
    };
    return R"({"name": "add then switch", "municipality": "testby", "base_year": 2017, "from_year": 2017,
              "activity": ")" +
           test::fixture("scenario/activity.csv") + R"(", "drivers": ")" + test::fixture("scenario/drivers.csv") +
           R"(", "targets": ")" + test::fixture("targets/testby.json") + R"(", "measures": [)" +
           m("lastbiler_gas", "1000000",
             R"({"op": "add", "row": )" + row + R"(, "amount": {"value": 2000, "unit": "MWh"}})") +
           ", " +
           m("lastbiler_gas_el", "500000",
             R"({"op": "switch", "from": )" + row +
                 R"(, "to": {"carrier": "el"}, "amount": {"value": 2000, "unit": "MWh"}})") +
           "]}";
}

}  // namespace

TEST_CASE("a plan whose add makes room for a switch gets its MACC: the check run takes what is there") {
    test::TempDir dir;
    api::AbatementRequest r;
    r.scenario.scenario_file = dir.write("plan.json", add_then_switch());
    r.scenario.data_dir = test::fixture("scenario/data");
    const auto o = api::abatement_cost(r);
    // 2030, naturgas 200 kg/MWh, el 50 kg/MWh. Shapley on the lorries' rows, v = tonnes avoided:
    // v(add) = −2000·0.2 = −400; v(switch) = 0 (no naturgas to take without the add);
    // v(both) = −2000·0.05 = −100 (the naturgas is moved to el). add: ½(−400) + ½(−100 − 0) = −250;
    // switch: ½(0) + ½(−100 + 400) = +150.
    REQUIRE(o.measures.size() == 2);
    const auto& sw = o.measures[0].id == "lastbiler_gas_el" ? o.measures[0] : o.measures[1];
    const auto& add = o.measures[0].id == "lastbiler_gas_el" ? o.measures[1] : o.measures[0];
    CHECK(t(sw.in_year) == Approx(150.0));
    CHECK(t(add.in_year) == Approx(-250.0));
    // The plan: BAU 17200.25 (test_solve.cpp) + 100 t of electric lorries = 17300.25.
    CHECK(t(o.scenario) == Approx(17300.25));
    // Required 8041.85 t > the 150 t within reach: infeasible, the switch at 1, the add (no positive effect) at 0.
    CHECK_FALSE(o.portfolio.feasible);
    CHECK(sw.level.value() == Approx(1.0));
    CHECK(add.level.value() == Approx(0.0).margin(1e-12));
    // The check run without the add: the switch finds no naturgas and moves nothing, so the
    // check is the BAU, 17200.25 t; the gap 17200.25 − 9158.4 = 8041.85 t.
    CHECK(t(o.portfolio.checked) == Approx(17200.25));
    CHECK(t(o.portfolio.remaining_gap) == Approx(8041.85));
}

TEST_CASE("klima scenario macc and the default report accept the plan whose add makes room for a switch") {
    test::TempDir dir;
    const auto file = dir.write("plan.json", add_then_switch());
    const std::string data = " --data-dir " + test::fixture("scenario/data");
    CHECK(test::run_cli("scenario run " + file + data).exit_code == 0);
    const auto macc = test::run_cli("scenario macc " + file + data + " --format json");
    REQUIRE(macc.exit_code == 0);
    CHECK(nlohmann::json::parse(macc.out)["macc"].size() == 2);
    // The report of 2017 with its analysis (a MACC for 2030): exit 0, the MACC beside the rest.
    const auto report = test::run_cli("report --scenario " + file + data + " --year 2017 --format json");
    INFO(report.err);
    REQUIRE(report.exit_code == 0);
    const auto j = nlohmann::json::parse(report.out);
    REQUIRE(j.contains("abatement"));
    CHECK(j["abatement"]["macc"].size() == 2);
    CHECK(j["abatement"]["portfolio"]["checked_t"].get<double>() == Approx(17200.25));  // the BAU, as above
}
