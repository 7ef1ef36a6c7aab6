// The gap between a scenario and the target path, per year and per sector,
// and how long the cumulative budget lasts under the scenario.
#pragma once

#include "klima/scenario_result.hpp"
#include "klima/sector_totals.hpp"
#include "klima/targets.hpp"

#include <optional>
#include <string>
#include <vector>

namespace klima {

struct YearGap {
    int year = 0;
    units::Mass bau, scenario, target;
    units::Mass gap;  // scenario − target; positive = above the path (shortfall)
};

struct SectorGap {
    std::string sector;
    units::Mass reference;       // the sector in the reference year
    std::vector<YearGap> years;  // same years as GapAnalysis::years
};

struct BudgetUse {
    int from = 0, to = 0;                       // budget years: from (scenario start) .. neutrality year
    units::Mass budget;                         // Σ target path over from..to
    units::Mass scenario_cumulative;            // Σ scenario over from..last scenario year
    std::optional<int> exhausted_in;            // first year the scenario's running sum exceeds the budget
    std::optional<units::Count> years_lasting;  // in years, fractional; none when not exhausted
};

struct GapAnalysis {
    TargetScope scope = TargetScope::incl_lulucf;
    std::vector<YearGap> years;  // scenario years that the path covers
    // Sectors other than LULUCF, each with the equal-percentage share of the
    // target path (see docs/method.md); empty when the reference year has no
    // sector breakdown.
    std::vector<SectorGap> sectors;
    BudgetUse budget;

    const YearGap& at(int year) const;  // throws klima::Error for a year not covered
    const SectorGap* sector(const std::string& s) const;
};

// `reference` is the reference year's sector breakdown when known.
GapAnalysis analyse_gap(const ScenarioResult& result, const TargetSet& targets, const TargetPath& path,
                        const Taxonomy& taxonomy, const std::optional<SectorTotals>& reference);

// The scenario-year budget computation on its own (also used by tests).
BudgetUse budget_use(const TargetPath& path, int neutrality_year, const std::vector<YearGap>& years);

}  // namespace klima
