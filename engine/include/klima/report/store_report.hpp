// The inventory store's versions for people: the list of versions, what changed between two
// versions (split into activity and factor effect), and what a recalculation restated. Plain
// text tables in t CO2e; knows nothing of how the store was chosen or of the command line.
#pragma once

#include "klima/store/store.hpp"
#include "klima/store/version_diff.hpp"
#include "klima/store/year_compare.hpp"

#include <string>
#include <vector>

namespace klima::report {

// One line per version, oldest first, and which is current; `store_path` names the store.
std::string render_versions(const std::vector<store::Version>& versions, const std::string& store_path);

// The sector-year totals that changed from version `v1` to `v2` under GWP set `gwp`; unchanged
// ones are counted, not shown.
std::string render_version_diff(const std::vector<store::SectorChange>& changes, int v1, int v2,
                                const std::string& gwp);

// The same, headed by the CHP allocation of both versions and, for each version between them,
// the years its import touched.
std::string render_version_diff(const store::VersionComparison& comparison, const std::string& gwp);

// Year Y1 against Y2 of one version, by sector and subsector, with activity and factor effect.
std::string render_year_comparison(const store::YearComparison& comparison, const std::string& gwp);

// One line: "CHP allocation: declared — electricity 125 % method, …".
std::string allocation_line(ChpAllocation allocation);

// Every restated total of a recalculation under GWP set `gwp`, before and after.
std::string render_recalculation(const store::Recalculation& recalculation, const std::string& gwp);

}  // namespace klima::report
