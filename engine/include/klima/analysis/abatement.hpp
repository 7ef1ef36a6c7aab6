// Abatement cost as a function of a plan's inputs and its computed run: each
// measure's cost per tonne, undiscounted and discounted, the marginal
// abatement cost curve (MACC) and the cheapest portfolio of uptake levels that
// meets the target path in a year, or avoids the most within a budget (a
// linear programme solved with COIN-OR Clp). Formulas in docs/method.md
// ("Solve, abatement cost"), keys in docs/analysis.md. Depends on the core
// only; loads nothing, renders nothing (report/ does).
#pragma once

#include "klima/analysis/target_path.hpp"
#include "klima/plan_inputs.hpp"
#include "klima/progress.hpp"
#include "klima/scenario_result.hpp"
#include "klima/targets.hpp"

#include <optional>
#include <string>
#include <vector>

namespace klima::analysis {

// The Danish Finance Ministry's social discount rate for years 0–35 of an
// appraisal: 3.5 % real a year (Finansministeriet, "Dokumentationsnotat – den
// samfundsøkonomiske diskonteringsrente", 7 January 2021; 2.5 % for years
// 36–70, which a plan from 2016 on does not reach by 2050).
inline constexpr double kSocialDiscountRate = 0.035;

struct AbatementSettings {
    int year = kMilestoneYear;  // the target year of the MACC width and the portfolio
    units::Ratio discount_rate = units::ratio(kSocialDiscountRate);  // a year; 0: undiscounted
    std::optional<units::Money> budget;                              // none: the cheapest portfolio meeting the path
};

struct MeasureCost {
    std::string id, name, theme;
    int start_year = 0, full_effect_year = 0;
    units::Money cost;               // as given: total, undiscounted
    units::Money cost_discounted;    // spread evenly over start..full_effect, discounted to the base year
    units::Mass avoided;             // planned effect, all years, all rows (as the scenario's cost per tonne)
    units::Mass avoided_discounted;  // the same, each year discounted to the base year
    std::optional<units::MoneyPerMass> per_tonne;             // cost / avoided; none when avoided ≤ 0
    std::optional<units::MoneyPerMass> per_tonne_discounted;  // cost_discounted / avoided_discounted
    units::Mass in_year;  // avoided in the target year, in the targets' scope (run from the launch year)
    units::Ratio level;   // the measure's uptake level in the portfolio, 0..1
};

struct PortfolioOutcome {
    std::optional<units::Money> budget;  // set: the most avoided within it; none: the cheapest meeting the path
    bool feasible = false;               // meeting form: whether the linear programme has a solution
    units::Money cost;                   // Σ cost_discounted × level
    units::Mass effect;                  // Σ in_year × level (linear)
    // The scenario run with those levels, in the target year. A fixed removal that finds less
    // than it asks for (a measure that made room for it left out) takes what is there.
    units::Mass checked;
    units::Mass remaining_gap;  // checked − target
};

struct AbatementOutcome {
    std::string scenario_name;
    int year = 0, base_year = 0, launch_year = 0;
    units::Ratio discount_rate;
    TargetScope scope = TargetScope::incl_lulucf;
    units::Mass bau, target, scenario;  // in `year`, in the scope
    units::Mass required;               // bau − target: what the measures must avoid in `year`
    // MACC order: by discounted cost per tonne, then by id; measures
    // without one (nothing avoided) last, by id.
    std::vector<MeasureCost> measures;
    PortfolioOutcome portfolio;
};

// Throws a usage error about the request's `discount_rate` (Subject::request) unless 0 ≤ rate < 1.
void check_discount_rate(units::Ratio discount_rate);
// Throws a usage error about the request's `budget` unless it is finite and ≥ 0.
void check_budget(const std::optional<units::Money>& budget);

// `run`: the plan `in` run with attribution (RunOptions{}) from its launch year;
// `targets`: its target path. Runs the scenario once more, at the portfolio's
// levels. Throws klima::Error: usage for a year that is not projected, a
// negative budget or rate.
AbatementOutcome abatement_cost(const PlanInputs& in, const ScenarioResult& run, const PlanTargets& targets,
                                const AbatementSettings& settings);

}  // namespace klima::analysis
