// Reading the household electricity per resident (data/impact/household_electricity.csv,
// docs/impact.md "Growth"): what `klima impact` gives a new resident for energi/el
// instead of the municipal average, which includes industry and trade.
#pragma once

#include "klima/error.hpp"
#include "klima/units.hpp"

#include <optional>
#include <string>

namespace klima::io {

struct HouseholdElectricity {
    units::Energy per_resident;  // a year
    int year = 0;                // the year the figure is for
    std::string status;          // official, derived or illustrative
    std::string source;
    Location origin;  // file and line
};

// The file's one row; none when `path` does not exist. Throws klima::Error
// naming the file, line and column for a bad row, a value outside (0, 20]
// MWh, or more than one row.
std::optional<HouseholdElectricity> load_household_electricity(const std::string& path);

}  // namespace klima::io
