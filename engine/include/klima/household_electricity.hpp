// The household electricity per resident (data/impact/household_electricity.csv,
// docs/impact.md "Growth"): what `klima impact` gives a new resident for energi/el
// instead of the municipal average, which includes industry and trade. Read by
// io/household_electricity.hpp. Types only.
#pragma once

#include "klima/error.hpp"
#include "klima/units.hpp"

#include <string>

namespace klima {

struct HouseholdElectricity {
    units::Energy per_resident;  // a year
    int year = 0;                // the year the figure is for
    std::string status;          // official, derived or illustrative
    std::string source;
    Location origin;  // file and line
};

}  // namespace klima
