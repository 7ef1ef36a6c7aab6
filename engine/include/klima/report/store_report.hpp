// The inventory store's versions for people: the list of versions, what changed between two
// versions (split into activity and factor effect), and what a recalculation restated. Plain
// text tables in t CO2e; knows nothing of how the store was chosen or of the command line.
#pragma once

#include "klima/store/store.hpp"
#include "klima/store/version_diff.hpp"

#include <string>
#include <vector>

namespace klima::report {

// One line per version, oldest first, and which is current; `store_path` names the store.
std::string render_versions(const std::vector<store::Version>& versions, const std::string& store_path);

// The sector-year totals that changed from version `v1` to `v2` under GWP set `gwp`; unchanged
// ones are counted, not shown.
std::string render_version_diff(const std::vector<store::SectorChange>& changes, int v1, int v2,
                                const std::string& gwp);

// Every restated total of a recalculation under GWP set `gwp`, before and after.
std::string render_recalculation(const store::Recalculation& recalculation, const std::string& gwp);

}  // namespace klima::report
