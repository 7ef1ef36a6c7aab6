// Internal to the impact analysis: a proposal's growth (residents, floor area
// built) turned into measures of the scenario's own kind — `add` effects on
// the rows its residents use, estimated per inhabitant from the latest
// inventory that holds each row, and a construction effect for the floor
// area (docs/impact.md, docs/method.md "Climate impact of a decision").
#pragma once

#include "klima/analysis/impact.hpp"

#include <vector>

namespace klima::analysis {

struct ExpandedGrowth {
    std::vector<MeasureSpec> measures;  // residents; construction when a floor area is given
    std::vector<GrowthRow> rows;        // what the residents add at full effect, and where it comes from
};

// `launch_year`: the inventory year the projections start from; the growth
// must start after it. `household`: the household electricity per resident
// that energi/el in per_inhabitant takes (none: the inventory's average). Throws klima::Error naming the proposal file
// and the JSON path under /growth.
ExpandedGrowth expand_growth(const GrowthSpec& growth, int launch_year, const ActivitySet& activity,
                             const Drivers& drivers, const Taxonomy& taxonomy,
                             const std::optional<HouseholdElectricity>& household = std::nullopt);

}  // namespace klima::analysis
