// Reading the household electricity per resident (data/impact/household_electricity.csv,
// docs/impact.md "Growth"): what `klima impact` gives a new resident for energi/el
// instead of the municipal average, which includes industry and trade.
#pragma once

#include "klima/household_electricity.hpp"

#include <optional>
#include <string>

namespace klima::io {

using klima::HouseholdElectricity;  // klima/household_electricity.hpp

// The file's one row; none when `path` does not exist. Throws klima::Error
// naming the file, line and column for a bad row, a value outside (0, 20]
// MWh, or more than one row.
std::optional<HouseholdElectricity> load_household_electricity(const std::string& path);

}  // namespace klima::io
