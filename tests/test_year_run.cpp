// White-box: one YearRun serves every year of a run and keeps its buffers
// (engine/src/scenario/year_run.hpp); what it gives a year must be bit for bit
// what a YearRun made for that year alone gives, whatever years came before.
// And the exact Shapley values of small games (kept on the stack) and larger
// ones (on the heap) from the hand arithmetic of two games.
#include "crowded_plan.hpp"
#include "random_plan.hpp"
#include "scenario/attribution.hpp"
#include "scenario/compile.hpp"
#include "scenario/year_run.hpp"
#include "scenario_support.hpp"

#include "klima/io/data_files.hpp"
#include "klima/io/scenario_file.hpp"

#include <catch2/catch.hpp>

#include <bit>
#include <map>
#include <string>
#include <vector>

using namespace klima;

namespace {

const std::string kFixture = std::string(KLIMA_TEST_DIR) + "/fixtures/scenario";

// Every share, bound and method of `year` from `run`, and the scenario's amounts.
struct YearOut {
    std::vector<double> scenario;
    std::vector<plan::YearRun::KeyShares> shares;
};

YearOut one_year(plan::YearRun& run, const plan::Plan& p, const ScenarioSpec& spec, int year) {
    const std::size_t n = spec.measures.size();
    std::vector<units::Ratio> now(n), done(n);
    for (std::size_t j = 0; j < n; ++j) {
        now[j] = spec.measures[j].phase.share(year);
        done[j] = spec.measures[j].phase.share(spec.base_year);
    }
    run.ops(year, now, done);
    std::vector<double> bau(p.keys.size()), intensity(p.keys.size());
    for (std::size_t k = 0; k < p.keys.size(); ++k) {
        bau[k] = p.keys[k].base * (1.0 + 0.01 * (year - spec.base_year));  // rows that change from year to year
        intensity[k] = 1e-6 * static_cast<double>(k + 1);
    }
    YearOut out;
    out.scenario = run.scenario(bau, false);
    run.attribute_all(bau, intensity, out.shares);
    return out;
}

// The years of `text`'s plan (launched from 2017) in an order where the number of ops a year
// grows and shrinks: one YearRun for all against a fresh one for each. Returns the key-years
// estimated (the games queued, then sampled).
std::size_t same_as_fresh(const std::string& text) {
    const auto spec = io::parse_scenario(text, kFixture + "/plan.json");
    ReferenceData ref = test::scenario_ref();
    plan::add_own_factors(spec, ref);
    const auto activity = io::load_activity(kFixture + "/activity.csv", &ref);
    std::map<std::string, std::size_t> rows;
    for (const auto& sub : ref.taxonomy.subsectors()) rows.emplace(sub.sector + "/" + sub.code, rows.size());
    const plan::Plan p = plan::compile(spec, activity, ref, rows, spec.base_year);

    plan::WorkBudget kept_budget, fresh_budget;
    plan::YearRun kept(p, spec, kept_budget);
    std::size_t compared = 0, estimated = 0;
    for (int year : {2030, 2017, 2050, 2021, 2024, 2022, 2040, 2023, 2026}) {
        INFO("year " << year);
        const YearOut a = one_year(kept, p, spec, year);
        plan::YearRun fresh(p, spec, fresh_budget);
        const YearOut b = one_year(fresh, p, spec, year);
        CHECK(a.scenario == b.scenario);
        REQUIRE(a.shares.size() == b.shares.size());
        for (std::size_t k = 0; k < a.shares.size(); ++k) {
            CHECK(a.shares[k].share == b.shares[k].share);  // every double, bit for bit
            CHECK(a.shares[k].method == b.shares[k].method);
            CHECK(a.shares[k].estimate.bound == b.shares[k].estimate.bound);
            CHECK(a.shares[k].estimate.measures == b.shares[k].estimate.measures);
            estimated += a.shares[k].method == plan::Method::estimated;
            for (double s : a.shares[k].share) compared += s != 0.0;
        }
        CHECK(kept_budget.left == fresh_budget.left);
    }
    CHECK(compared > 100);  // the plans act: these are shares, not zeros
    return estimated;
}

}  // namespace

TEST_CASE("a YearRun kept over the years gives each year what a fresh one gives: 60 random measures",
          "[scenario][shapley][year_run]") {
    same_as_fresh(test::scenario_json(test::joined(test::random_plan(2).measures)));
}

TEST_CASE("a YearRun kept over the years gives each year what a fresh one gives: crowded plans, some estimated",
          "[scenario][shapley][year_run]") {
    CHECK(same_as_fresh(test::crowded_scenario(40, 7, true)) > 0);
    same_as_fresh(test::crowded_scenario(24, 3, false));
}

namespace {

// v(S) = |S|² (players 0…m−1): symmetric, so each of the m players gets (v(∅) − v(all)) / m = −m.
plan::Game squares(std::size_t m) {
    plan::Game g;
    g.players = m;
    g.value = [](const std::vector<unsigned char>& in) {
        double s = 0.0;
        for (auto x : in) s += x;
        return s * s;
    };
    return g;
}

// v(S) = 100 when players 0 and 1 are both in S, else 0: they split −100, the others are null.
plan::Game both(std::size_t m) {
    plan::Game g;
    g.players = m;
    g.value = [](const std::vector<unsigned char>& in) { return in[0] && in[1] ? 100.0 : 0.0; };
    return g;
}

}  // namespace

TEST_CASE("exact Shapley values of games kept on the stack (up to 8 players) and on the heap",
          "[scenario][shapley][year_run]") {
    for (std::size_t m : {3U, 7U, 8U, 9U, 12U}) {
        INFO(m << " players");
        std::vector<double> phi;
        REQUIRE(plan::attribute(squares(m), phi) == plan::Method::shapley);
        REQUIRE(phi.size() == m);
        // v(∅) − v(all) = 0 − m², shared equally: −m each (m = 9: −81 / 9 = −9).
        for (double x : phi) CHECK(x == Approx(-static_cast<double>(m)).margin(1e-12));

        REQUIRE(plan::attribute(both(m), phi) == plan::Method::shapley);
        // Player 0 adds 100 only where 1 is in: half of the orders put 1 first, so 0 − 100 / 2 = −50.
        CHECK(phi[0] == Approx(-50.0).margin(1e-12));
        CHECK(phi[1] == Approx(-50.0).margin(1e-12));
        for (std::size_t j = 2; j < m; ++j) CHECK(phi[j] == 0.0);
    }
}

TEST_CASE("a run copies the reference data only for a measure that brings a carrier of its own", "[scenario][own]") {
    const std::string root = std::string(KLIMA_TEST_DIR) + "/..";
    const auto ref = io::load_reference_data(root + "/data");
    // national-roskilde.json's measures act by share on sector totals: nothing to add, no copy.
    CHECK_FALSE(plan::brings_own_factors(io::load_scenario(root + "/scenarios/national-roskilde.json"), ref));
    // koege.json builds with 300 kg CO2e/m2 (klimavenligt_byggeri): a row of the measure's own.
    const auto plan = io::load_scenario(root + "/scenarios/koege.json");
    CHECK(plan::brings_own_factors(plan, ref));
    // Once laid over a copy, the copy has every carrier the plan brings (named after its measure).
    auto with_own = ref;
    plan::add_own_factors(plan, with_own);
    CHECK(with_own.carriers.all().size() > ref.carriers.all().size());
    CHECK_FALSE(plan::brings_own_factors(plan, with_own));
}
