// Internal to the input sources: a store's activity as a plan reads it, for
// each year the records of the newest activity version holding that year.
#pragma once

#include "klima/activity.hpp"
#include "klima/store/repository.hpp"

#include <string>

namespace klima::inputs {

// Reads on `db` (the caller holds its read snapshot, so that this and its
// other reads see one snapshot). Throws klima::Error (kind store) naming
// `store_path` for a store without activity.
ActivitySet newest_activity_by_year(const store::Repository& db, const std::string& store_path);

}  // namespace klima::inputs
