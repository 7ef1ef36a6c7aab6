// The engine's facade for abatement cost: each measure's cost per tonne,
// undiscounted and discounted, the marginal abatement cost curve (MACC) and
// the cheapest portfolio of uptake levels that meets the target path in a
// year, or avoids the most within a budget (a linear programme solved with
// COIN-OR Clp). Formulas in docs/method.md ("Solve, abatement cost"), keys in
// docs/analysis.md. Knows nothing of command-line flags.
#pragma once

#include "klima/api/scenario.hpp"
#include "klima/report/inventory_report.hpp"
#include "klima/targets.hpp"

#include <optional>
#include <string>
#include <vector>

namespace klima::api {

// The Danish Finance Ministry's social discount rate for years 0–35 of an
// appraisal: 3.5 % real a year (Finansministeriet, "Dokumentationsnotat – den
// samfundsøkonomiske diskonteringsrente", 7 January 2021; 2.5 % for years
// 36–70, which a plan from 2016 on does not reach by 2050).
inline constexpr double kSocialDiscountRate = 0.035;

struct AbatementRequest {
    ScenarioRequest scenario;
    int year = 2030;  // the target year of the MACC width and the portfolio
    units::Ratio discount_rate = units::ratio(kSocialDiscountRate);  // a year; 0: undiscounted
    std::optional<units::Money> budget;                              // none: the cheapest portfolio meeting the path
    std::optional<std::string> targets_file;                         // none: the one the scenario names
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
    bool feasible = false;               // meeting form: whether full uptake of all can meet the path
    units::Money cost;                   // Σ cost_discounted × level
    units::Mass effect;                  // Σ in_year × level (linear)
    units::Mass checked;                 // the scenario run with those levels, in the target year
    units::Mass remaining_gap;           // checked − target
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

// Throws klima::Error: of kind usage for a year that is not projected or a
// negative budget or rate; else the loading errors of run_scenario and the targets file's.
AbatementOutcome abatement_cost(const AbatementRequest& request);

// The MACC and the portfolio as a table (text), json or csv (docs/analysis.md).
std::string render_abatement(const AbatementOutcome& outcome, report::Format format);

}  // namespace klima::api
