// Activity data: what a municipality consumed, drove, landfilled, kept or
// built in a year, with the source of each figure.
#pragma once

#include "klima/distribution.hpp"
#include "klima/error.hpp"
#include "klima/units.hpp"

#include <optional>
#include <string>
#include <vector>

namespace klima {

struct ActivityRecord {
    int year = 0;
    std::string sector, subsector, carrier;
    // Missing (not reported) is distinct from a confirmed zero: std::nullopt
    // is never added to a total, and totals count how many were missing.
    std::optional<units::Amount> amount;
    // The unit as written ("l", "Nm3"): tells a normal cubic metre of gas
    // from a cubic metre. Empty when not known (a record read from the store).
    std::string unit;
    std::string source;
    Location origin;  // file and line it came from, for error messages and tracing
    // The "uncertainty" column: a distribution of the row's multiplier, for
    // Monte Carlo (docs/analysis.md); none when the cell is empty or absent.
    // Not kept by the inventory store.
    std::optional<Distribution> uncertainty;

    // The origin with `field` named: the column for a CSV row ("unit"), the
    // JSON path extended for a JSON record ("/records/3/unit").
    Location at(std::string_view field) const;
};

using ActivitySet = std::vector<ActivityRecord>;

std::vector<int> years_in(const ActivitySet& records);  // sorted, unique

// Throws klima::Error naming both rows when two records have the same year,
// sector, subsector, carrier and source: an exact repeat (a file pasted twice)
// or a conflict (1000 MWh and 1000 GJ). Records that differ in source are
// separate contributions and stay separate lines.
void check_no_duplicates(const ActivitySet& records);

}  // namespace klima
