#include "portfolio.hpp"

#include "klima/error.hpp"

#include <ClpSimplex.hpp>
#include <CoinFinite.hpp>

#include <algorithm>
#include <numeric>

namespace klima::analysis {
namespace {

// One constraint row over all items, bounds lo ≤ Σ a_i x_i ≤ hi; objective
// coefficients `obj`, minimised. Units: tonnes and million DKK keep the
// coefficients near 1 for Clp's tolerances.
std::vector<double> solve_lp(const std::vector<double>& obj, const std::vector<double>& row, double lo, double hi,
                             bool& optimal) {
    const int n = static_cast<int>(obj.size());
    ClpSimplex model;
    model.setLogLevel(0);
    model.resize(0, n);
    for (int i = 0; i < n; ++i) {
        model.setColumnBounds(i, 0.0, 1.0);
        model.setObjectiveCoefficient(i, obj[static_cast<std::size_t>(i)]);
    }
    std::vector<int> index(static_cast<std::size_t>(n));
    std::iota(index.begin(), index.end(), 0);
    model.addRow(n, index.data(), row.data(), lo, hi);
    model.setOptimizationDirection(1.0);  // minimise
    model.dual();
    optimal = model.isProvenOptimal();
    const double* x = model.primalColumnSolution();
    return std::vector<double>(x, x + n);
}

Portfolio portfolio_of(const std::vector<PortfolioItem>& items, const std::vector<double>& x, bool feasible) {
    Portfolio p;
    p.feasible = feasible;
    p.cost = units::dkk(0.0);
    p.effect = units::kilograms(0.0);
    for (std::size_t i = 0; i < items.size(); ++i) {
        const double level = std::clamp(x[i], 0.0, 1.0);  // Clp's primal tolerance may step a hair outside
        p.level.push_back(units::ratio(level));
        p.cost += items[i].cost * level;
        p.effect += items[i].effect * level;
    }
    return p;
}

}  // namespace

Portfolio cheapest_meeting(const std::vector<PortfolioItem>& items, units::Mass required) {
    std::vector<double> cost, effect;
    double reachable = 0.0;
    for (const auto& it : items) {
        cost.push_back(units::in_dkk(it.cost) / 1e6);
        effect.push_back(units::in_tonnes(it.effect));
        reachable += std::max(effect.back(), 0.0);
    }
    const double need = units::in_tonnes(required);
    if (need <= 0.0) {  // met without any measure: none is needed, but those that save money pay anyway
        std::vector<double> x;
        for (double c : cost) x.push_back(c < 0.0 ? 1.0 : 0.0);
        return portfolio_of(items, x, true);
    }
    if (reachable < need) {
        std::vector<double> x;
        for (double e : effect) x.push_back(e > 0.0 ? 1.0 : 0.0);
        return portfolio_of(items, x, false);
    }
    bool optimal = false;
    const auto x = solve_lp(cost, effect, need, COIN_DBL_MAX, optimal);
    if (!optimal)
        throw Error({"", 0, "portfolio"}, "the linear programme of the cheapest portfolio found no optimum",
                    "report this with the scenario file", ErrorKind::internal);
    return portfolio_of(items, x, true);
}

Portfolio most_within(const std::vector<PortfolioItem>& items, units::Money budget) {
    std::vector<double> cost, gain;
    for (const auto& it : items) {
        cost.push_back(units::in_dkk(it.cost) / 1e6);
        gain.push_back(-units::in_tonnes(it.effect));  // maximise the effect: minimise its negative
    }
    bool optimal = false;
    const auto x = solve_lp(gain, cost, -COIN_DBL_MAX, units::in_dkk(budget) / 1e6, optimal);
    if (!optimal)
        throw Error({"", 0, "budget"},
                    "no uptake levels fit a budget of " + std::to_string(units::in_dkk(budget)) + " DKK",
                    "give a budget of at least 0 DKK");
    return portfolio_of(items, x, true);
}

}  // namespace klima::analysis
