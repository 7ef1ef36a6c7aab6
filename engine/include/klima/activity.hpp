// Activity data: what a municipality consumed, drove, landfilled, kept or
// built in a year, with the source of each figure.
#pragma once

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
    std::string source;
    Location origin;  // file and line it came from, for error messages and tracing
};

using ActivitySet = std::vector<ActivityRecord>;

std::vector<int> years_in(const ActivitySet& records);  // sorted, unique

}  // namespace klima
