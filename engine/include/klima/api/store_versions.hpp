// Comparing and restating the versions of an inventory store: the uses behind klima db diff,
// klima db compare and klima db recalc, shared with the web server. Each opens the store itself,
// in the mode its use needs; rendering is klima/report/store_report.hpp. Knows nothing of flags.
#pragma once

#include "klima/reference_data.hpp"
#include "klima/store/version_diff.hpp"
#include "klima/store/year_compare.hpp"

#include <optional>
#include <string>
#include <vector>

namespace klima::api {

// The change of every sector-year total from version `v1` to `v2` of the store at `store_path`,
// split into activity and factor effect under `gwp_set`; both versions are read from one
// snapshot, so an import running meanwhile is not half seen. The store is opened read-only
// and must exist. Throws klima::Error (kind store) for a missing store or version.
store::VersionComparison compare_store_versions(const std::string& store_path, int v1, int v2,
                                                const ReferenceData& base, const std::string& gwp_set);
// The same, the changes only.
std::vector<store::SectorChange> compare_versions(const std::string& store_path, int v1, int v2,
                                                  const ReferenceData& base, const std::string& gwp_set);

// Year `y1` against year `y2` of `version` (nullopt: the current one) of the store at
// `store_path`, by sector and subsector, split into activity and factor effect
// (store::compare_years); read-only, from one snapshot. Throws klima::Error (kind store) for a
// missing store, version or year, naming the years the version holds.
store::YearComparison compare_store_years(const std::string& store_path, int y1, int y2, std::optional<int> version,
                                          const ReferenceData& base, const std::string& gwp_set);

// Recomputes every year of the current version of the store at `store_path` (which must exist)
// with its factor set under `gwp_set`, stores the results and compares them with the last
// earlier computed version (store::recalculate).
store::Recalculation recalculate_store(const std::string& store_path, const ReferenceData& base,
                                       const std::string& gwp_set);
// The same after api::ensure_factor_set(db, data_dir, allocation): with an allocation other than
// the current factor set's, the factor set of `data_dir` read for it is recorded first.
store::Recalculation recalculate_store(const std::string& store_path, const ReferenceData& base,
                                       const std::string& gwp_set, const std::string& data_dir,
                                       std::optional<ChpAllocation> allocation);

}  // namespace klima::api
