// The climate impact of a political decision (`klima impact`, docs/impact.md)
// as a function of the adopted plan's inputs and its computed run: the plan
// run again with the proposal's measures added and the proposal alone on BAU,
// and the difference told as a council case needs it — the effect per year
// and sector, in 2030 and cumulatively 2025–2050, on the 2030 gap and the
// budget year, the cost per tonne, and how the proposal interacts with the
// plan. The outcome types and the method; rendered by
// report/impact_report.hpp. Depends on the core only; loads nothing.
#pragma once

#include "klima/gap.hpp"
#include "klima/household_electricity.hpp"
#include "klima/plan_inputs.hpp"
#include "klima/proposal.hpp"
#include "klima/scenario_result.hpp"
#include "klima/targets.hpp"

#include <optional>
#include <string>
#include <vector>

namespace klima::analysis {

// One activity row a growth proposal adds at full effect: estimated per
// inhabitant from an inventory, or given by the proposal itself.
struct GrowthRow {
    std::string row;          // "energi/fjernvarme"
    std::string carrier;      // "fjernvarme"
    units::Amount at_full;    // per year, all residents
    bool estimated = true;    // false: the proposal's own figure
    int inventory_year = 0;   // estimated: the inventory it comes from
    units::Count population;  // estimated: that year's population (drivers file)
    std::string source;       // the inventory row's or the proposal's source
    // energi/el from the household electricity per resident (data/impact/
    // household_electricity.csv, year in inventory_year), not from the
    // inventory's municipal average, which includes industry and trade.
    bool household_default = false;
};

// Emissions avoided (positive) or added (negative) by the proposal, per year
// first_year..last_year; `territorial` is the total in the targets' scope
// (or incl. LULUCF without targets), `apart` the rows reported apart
// (construction, outside the territorial total).
struct ImpactSeries {
    std::vector<units::Mass> territorial, apart;
};

struct ImpactSector {
    std::string sector, name_da, name_en;
    bool territorial = true;
    std::vector<units::Mass> avoided;  // per year first_year..last_year
};

// The gap and budget of one run against the scenario's targets.
struct GapFigures {
    units::Mass gap_2030;             // scenario − target path in 2030 (positive: a shortfall)
    units::Mass budget;               // Σ target path (docs/method.md)
    std::optional<int> exhausted_in;  // none: not exhausted by 2050
    std::optional<units::Count> years_lasting;
};

struct ImpactResult {
    std::string scenario_name, municipality, proposal_name, proposal_description, proposal_file;
    int launch_year = 0;  // the inventory year the projections start from
    int first_year = 0, last_year = 0;
    std::vector<std::string> measure_ids, measure_names;  // the proposal's, growth included
    // The proposal's measures that repeat a plan measure (same id, same effect
    // alone on BAU): the same decision taken again adds nothing, and its share
    // is half the plan measure's effect (docs/impact.md).
    std::vector<std::string> repeated;
    // adopted scenario − scenario with the proposal, per year: positive = the
    // decision lowers emissions, negative = it raises them.
    ImpactSeries avoided;
    std::vector<ImpactSector> sectors;  // only sectors the proposal changes
    TargetScope scope = TargetScope::incl_lulucf;
    units::Mass avoided_2030, avoided_2025_2050;  // territorial, in scope
    units::Mass apart_2030, apart_2025_2050;      // reported apart (construction)
    // Interaction, all rows: the proposal alone on BAU, its order-free
    // (Shapley) share in plan + proposal, and the decision's own change
    // (adopted − with proposal), 2030 and 2025–2050.
    units::Mass standalone_2030, standalone_2025_2050;
    units::Mass share_2030, share_2025_2050;
    units::Mass change_2030, change_2025_2050;
    std::optional<GapFigures> adopted, with_proposal;   // none: the scenario names no targets
    units::Money cost;                                  // Σ the proposal's costs, DKK, undiscounted
    units::Mass avoided_all_years;                      // all rows, all years: the divisor of cost per tonne
    std::optional<units::MoneyPerMass> cost_per_tonne;  // none when nothing is avoided
    std::vector<GrowthRow> growth_rows;
    std::optional<GrowthSpec> growth;
    struct Source {
        enum class Kind { measure, growth, population, target, household } kind = Kind::measure;
        std::string what;  // the measure's or growth's name, or the year (population, target)
        std::string source;
    };
    std::vector<Source> sources;  // every measure's and input's source, as given
};

// The impact of `proposal` on the plan `in` (its targets, when loaded, give the
// gap and budget), `adopted` being the plan run with attribution. `household`:
// the household electricity per resident a growth's energi/el takes (none: the
// inventory's average). Runs the scenario again with the proposal and the
// proposal alone. Throws klima::Error (kind input) naming the scenario or
// proposal file and JSON path at fault: a proposal measure whose id the plan
// already uses, a start before the year after the launch year, growth on a row
// no inventory up to the launch year holds, a non-finite figure.
ImpactResult assess_impact(const PlanInputs& in, const ScenarioResult& adopted, const Proposal& proposal,
                           const std::optional<HouseholdElectricity>& household);

}  // namespace klima::analysis
