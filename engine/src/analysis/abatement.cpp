// abatement_cost: cost per tonne undiscounted and discounted, the MACC
// order and the cheapest portfolio (portfolio.cpp).
#include "klima/analysis/abatement.hpp"

#include "portfolio.hpp"
#include "scale.hpp"

#include <algorithm>
#include <cmath>

namespace klima::analysis {
namespace {

// (1 + r)^−(year − base): the weight of a year's krone or tonne at the base year.
double discount_factor(double rate, int year, int base) {
    return std::pow(1.0 + rate, -static_cast<double>(year - base));
}

MeasureCost cost_of(const MeasureSpec& spec, const MeasureResult& m, double rate, int base) {
    MeasureCost c;
    c.id = m.id;
    c.name = m.name;
    c.theme = m.theme;
    c.start_year = spec.phase.start_year;
    c.full_effect_year = std::max(spec.phase.full_effect_year, spec.phase.start_year);
    c.cost = m.cost;
    // The cost is spread evenly over the years start..full effect (klima's assumption, docs/method.md).
    const int years = c.full_effect_year - c.start_year + 1;
    c.cost_discounted = units::dkk(0.0);
    for (int y = c.start_year; y <= c.full_effect_year; ++y)
        c.cost_discounted += m.cost * (discount_factor(rate, y, base) / years);
    c.avoided = units::kilograms(0.0);
    c.avoided_discounted = units::kilograms(0.0);
    for (const auto& [y, t] : m.planned) {
        c.avoided += t;
        c.avoided_discounted += t * discount_factor(rate, y, base);
    }
    c.per_tonne = cost_per_tonne(c.cost, c.avoided);
    c.per_tonne_discounted = cost_per_tonne(c.cost_discounted, c.avoided_discounted);
    return c;
}

// MACC order: a cost per tonne first, cheapest first, then by id.
bool macc_before(const MeasureCost& a, const MeasureCost& b) {
    if (a.per_tonne_discounted.has_value() != b.per_tonne_discounted.has_value())
        return a.per_tonne_discounted.has_value();
    if (a.per_tonne_discounted && *a.per_tonne_discounted != *b.per_tonne_discounted)
        return *a.per_tonne_discounted < *b.per_tonne_discounted;
    return a.id < b.id;
}

}  // namespace

void check_discount_rate(units::Ratio discount_rate) {
    const double rate = discount_rate.value();
    if (!(rate >= 0.0 && rate < 1.0))
        throw Error({"", 0, "discount_rate"}, "a discount rate of " + std::to_string(100.0 * rate) + " % a year",
                    "give a rate from 0 (undiscounted) up to below 100 %, e.g. 3.5", ErrorKind::usage)
            .about(Subject::request);
}

void check_budget(const std::optional<units::Money>& budget) {
    if (budget && !(std::isfinite(units::in_dkk(*budget)) && units::in_dkk(*budget) >= 0.0))
        throw Error({"", 0, "budget"}, "a budget of " + std::to_string(units::in_dkk(*budget)) + " DKK",
                    "give a budget of at least 0 DKK", ErrorKind::usage)
            .about(Subject::request);
}

AbatementOutcome abatement_cost(const PlanInputs& in, const ScenarioResult& result, const PlanTargets& targets,
                                const AbatementSettings& request) {
    check_discount_rate(request.discount_rate);
    check_budget(request.budget);
    const double rate = request.discount_rate.value();
    const auto& spec = in.spec;
    const auto& taxonomy = in.ref->taxonomy;

    AbatementOutcome o;
    o.scenario_name = spec.name;
    o.year = request.year;
    o.base_year = spec.base_year;
    o.launch_year = result.launch_year;
    o.discount_rate = request.discount_rate;
    o.scope = targets.targets.scope;
    require_projected_year(o.year, o.launch_year, spec.end_year, targets.path);
    o.bau = scope_total(result.bau, o.year, o.scope, taxonomy);
    o.scenario = scope_total(result.scenario, o.year, o.scope, taxonomy);
    o.target = targets.path.at(o.year);
    o.required = o.bau - o.target;

    std::vector<PortfolioItem> items;
    for (std::size_t j = 0; j < spec.measures.size(); ++j) {
        auto c = cost_of(spec.measures[j], result.measures[j], rate, spec.base_year);
        c.in_year = scope_total(result.measures[j].effect, o.year, o.scope, taxonomy);
        items.push_back({c.cost_discounted, c.in_year});
        o.measures.push_back(std::move(c));
    }

    const auto p = request.budget ? most_within(items, *request.budget) : cheapest_meeting(items, o.required);
    for (std::size_t j = 0; j < o.measures.size(); ++j) o.measures[j].level = p.level[j];
    o.portfolio.budget = request.budget;
    o.portfolio.feasible = p.feasible;
    o.portfolio.cost = p.cost;
    o.portfolio.effect = p.effect;
    // The linear approximation checked by running the scenario at those levels. A measure left
    // out (level 0) may have made room for a fixed removal of another on the same row: the check
    // run then takes what is there, as the attribution's sub-coalitions do (docs/method.md).
    RunOptions check;
    check.attribution = false;
    check.take_what_is_there = true;
    const auto checked = klima::run_scenario(scaled(spec, p.level), *in.activity, *in.drivers, *in.ref, check);
    o.portfolio.checked = scope_total(checked.scenario, o.year, o.scope, taxonomy);
    o.portfolio.remaining_gap = o.portfolio.checked - o.target;

    std::stable_sort(o.measures.begin(), o.measures.end(), macc_before);
    return o;
}

}  // namespace klima::analysis
