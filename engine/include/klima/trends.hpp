// Trends: what happens without the municipality's measures (the national
// electric share of car-km, heat pumps' share of individual heating), so that
// BAU holds them and measures are credited only beyond them. A trend moves a
// service from the other carriers of some rows to one carrier, reaching a
// share of that service by year (docs/method.md, "BAU with trends"). Knows
// nothing of file formats (io/trends_file.hpp reads them).
#pragma once

#include "klima/effects.hpp"
#include "klima/error.hpp"

#include <string>
#include <utility>
#include <vector>

namespace klima {

// One trend: a switch of the whole service (share 1) whose path is the share
// of the service on the target carrier per year, linear between the years
// listed, the last share after them. The BAU moves (s(y) − s(L)) / (1 − s(L))
// of the launch year's other carriers (driver-scaled) to the target in year
// y > L, the remaining-share rule of a measure with σ = 1.
struct Trend {
    std::string id;                                  // unique within the file, as a measure id
    std::string name;                                // what it is, in words
    Switch change;                                   // from, to and the conversions; size: share 1
    std::vector<std::pair<int, units::Ratio>> path;  // year → share of the service, years increasing
    std::string source;                              // where the figures come from
    std::string status;                              // "official", "derived: …" or "illustrative"
    Location origin;                                 // file and JSON path of the trend, for errors

    // The share of the service on the target carrier in `year`: the first
    // share before the first year, linear between listed years, the last after.
    units::Ratio share(int year) const;
};

}  // namespace klima
