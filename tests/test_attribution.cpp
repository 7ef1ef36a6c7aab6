// Order-free attribution for any number of measures: properties over random
// plans of 60 measures (sum, order invariance, null player, symmetry), and
// exact closed forms where a row has more than 16 interacting measures.
#include "random_plan.hpp"
#include "scenario_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

using namespace klima;
using test::effects_measure;
using test::run;
using test::scenario_json;

namespace {

const MeasureResult& by_id(const ScenarioResult& r, const std::string& id) {
    const auto it = std::find_if(r.measures.begin(), r.measures.end(), [&](const auto& m) { return m.id == id; });
    REQUIRE(it != r.measures.end());
    return *it;
}

}  // namespace

TEST_CASE("attribution properties over random plans of 60 measures", "[scenario][shapley][property]") {
    for (unsigned seed : {1U, 2U, 3U}) {
        INFO("seed " << seed);
        auto plan = test::random_plan(seed);
        const auto r = run(scenario_json(test::joined(plan.measures)));
        REQUIRE(r.measures.size() == 60);

        // Sum: the shares add up to BAU − scenario in every row and year (1e-9 of the largest value).
        Eigen::MatrixXd sum = Eigen::MatrixXd::Zero(r.bau.kg().rows(), r.bau.kg().cols());
        for (const auto& m : r.measures) sum += m.effect.kg();
        const Eigen::MatrixXd gap = r.bau.kg() - r.scenario.kg();
        const double scale = r.bau.kg().cwiseAbs().maxCoeff();
        CHECK((sum - gap).cwiseAbs().maxCoeff() <= 1e-9 * scale);
        CHECK(gap.cwiseAbs().maxCoeff() > 1e3);

        // Null player: a measure that changes nothing gets nothing.
        CHECK(by_id(r, "null").effect.kg().cwiseAbs().maxCoeff() == 0.0);

        // Symmetry: two identical measures get identical shares.
        CHECK((by_id(r, "twin_a").effect.kg() - by_id(r, "twin_b").effect.kg()).cwiseAbs().maxCoeff() <= 1e-9 * scale);
        CHECK(by_id(r, "twin_a").effect.kg().cwiseAbs().maxCoeff() > 0.0);

        // Order: the same plan listed in another order gives the same shares.
        std::mt19937 shuffler(seed + 100);
        std::shuffle(plan.measures.begin(), plan.measures.end(), shuffler);
        const auto shuffled = run(scenario_json(test::joined(plan.measures)));
        for (const auto& m : r.measures) {
            INFO(m.id);
            CHECK((m.effect.kg() - by_id(shuffled, m.id).effect.kg()).cwiseAbs().maxCoeff() <= 1e-9 * scale);
        }
        CHECK((r.scenario.kg() - shuffled.scenario.kg()).cwiseAbs().maxCoeff() <= 1e-9 * scale);
    }
}

TEST_CASE("20 measures on one row: exact Shapley values in polynomial time, no fallback", "[scenario][shapley]") {
    // 20 share reductions of the gas row: every op affine, so exact Shapley values without 2^20 coalitions.
    std::vector<std::string> measures;
    for (int i = 0; i < 20; ++i)
        measures.push_back(effects_measure(
            std::string("r").append(std::to_string(10 + i)),
            R"({"op": "reduce", "rows": {"subsector": "individuel_opvarmning", "carrier": "naturgas"}, "share": 0.02})",
            std::string(R"("theme": ")").append(i < 10 ? "A" : "B").append(R"(", )")));
    const auto r = run(scenario_json(test::joined(measures)));
    CHECK(r.estimated.empty());
    // 2030: gas 22600 MWh × (1 − 0.98^20) × 200 kg. 0.98^20 = 0.6676080; 22600 × 0.3323920 × 0.2 = 1502.4118 t,
    // 20 symmetric players: each 1/20 of it = 75.12059 t.
    CHECK(units::in_tonnes(r.bau.total(2030) - r.scenario.total(2030)) == Approx(1502.4118).epsilon(1e-6));
    for (const auto& m : r.measures) CHECK(test::total_effect_t(m, 2030) == Approx(75.12059).epsilon(1e-6));
}

TEST_CASE("more than 16 measures on one row with two ops each: exact Shapley values from the chain closed form",
          "[scenario][shapley]") {
    // 20 measures of two effects each on the gas row (two ops of one measure: not the affine case).
    std::vector<std::string> measures;
    const std::string twice =
        R"({"op": "reduce", "rows": {"subsector": "individuel_opvarmning", "carrier": "naturgas"}, "share": 0.01},
           {"op": "reduce", "rows": {"subsector": "individuel_opvarmning", "carrier": "naturgas"}, "share": 0.01})";
    for (int i = 0; i < 20; ++i)
        measures.push_back(effects_measure(std::string("r").append(std::to_string(10 + i)), twice,
                                           std::string(R"("theme": ")").append(i < 10 ? "A" : "B").append(R"(", )")));
    const auto r = run(scenario_json(test::joined(measures)));
    CHECK(r.estimated.empty());
    // 2030: 22600 MWh × (1 − 0.99^40) × 200 kg; 0.99^40 = 0.6689718; 22600 × 0.3310282 × 0.2 = 1496.2475 t;
    // 20 symmetric players: each 74.81237 t.
    CHECK(units::in_tonnes(r.bau.total(2030) - r.scenario.total(2030)) == Approx(1496.2475).epsilon(1e-6));
    for (const auto& m : r.measures) CHECK(test::total_effect_t(m, 2030) == Approx(74.81237).epsilon(1e-6));
}
