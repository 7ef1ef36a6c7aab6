// Comparing two inventory years of one version: how much of the change from year Y1 to year Y2
// per sector and subsector comes from the activity (what was burnt, driven, farmed) and how much
// from the emission factors of the two years (a cleaner grid, a new heat declaration). The same
// symmetric split as a version diff (version_diff.hpp), with the year in place of the version:
// E(A, F) is the inventory of activity A under the factors F, A_Y a year's records and F_Y the
// factors and fuel properties valid in year Y. Formula: docs/method.md, section "Store".
#pragma once

#include "klima/reference_data.hpp"
#include "klima/store/store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace klima::store {

struct YearChange {
    std::string key;  // a sector code, "sector/subsector", or "territorial"
    bool is_subsector = false;
    std::optional<units::Mass> before, after;  // in Y1 and Y2; nullopt: no line there, or every line missing
    int missing_before = 0, missing_after = 0;
    units::Mass change;  // after − before, a side without a value counting as 0
    // activity = ½[(E(A2,F1) − E(A1,F1)) + (E(A2,F2) − E(A1,F2))], factor = change − activity;
    // nullopt when a crossed combination cannot be computed (a carrier of one year has no
    // factor in the other).
    std::optional<units::Mass> activity_effect, factor_effect;
};

struct YearComparison {
    Version version;  // the version both years are read from
    int y1 = 0, y2 = 0;
    std::vector<int> read_from;  // the activity import each year is read from (y1's, y2's)
    ChpAllocation allocation = ChpAllocation::declared;
    std::vector<YearChange> changes;
};

// `y1_records` and `y2_records` hold the records of year `y1` and `y2` (others are ignored).
// Sectors in name order, each followed by its subsectors; the territorial total last.
// Throws klima::Error when a year has no records or cannot be computed with its own factors.
std::vector<YearChange> compare_years(const ActivitySet& y1_records, int y1, const ActivitySet& y2_records, int y2,
                                      const ReferenceData& ref, const std::string& gwp_set);

}  // namespace klima::store
