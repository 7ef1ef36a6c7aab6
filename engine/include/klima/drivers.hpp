// BAU drivers: population, households and vehicle-km per year, and which
// driver scales which subsector. A BAU year's activity is the base year's
// activity times the driver's index (value in year / value in base year).
#pragma once

#include "klima/activity.hpp"
#include "klima/distribution.hpp"
#include "klima/units.hpp"

#include <map>
#include <string>
#include <vector>

namespace klima {

enum class Driver { population, households, vehicle_km, constant };
std::string_view to_string(Driver d);
Driver parse_driver(std::string_view s, const Location& where);  // throws listing the drivers

// The distribution of a driver's growth multiplier (the drivers file's
// `<driver>_uncertainty` column, on one row), for Monte Carlo (docs/analysis.md).
struct DriverUncertainty {
    Driver driver = Driver::population;
    Distribution growth;
    Location origin;  // the cell it was read from
};

struct DriverYear {
    int year = 0;
    units::Count population;
    units::Count households;
    units::Distance vehicle_km;  // road vehicle-km driven in the municipality
    std::string source;
    Location origin;
};

class Drivers {
public:
    // Years must be consecutive and strictly increasing; throws at the row.
    void add(DriverYear y);
    bool covers(int first, int last) const;
    const DriverYear& at(int year) const;  // throws when the year is missing
    const std::vector<DriverYear>& years() const { return years_; }

    // value(year) / value(base); 1 for Driver::constant.
    units::Ratio index(Driver d, int base, int year) const;

    // At most one per driver: throws at the second, naming the first.
    void add_uncertainty(DriverUncertainty u);
    const std::vector<DriverUncertainty>& uncertainty() const { return uncertainty_; }

private:
    std::vector<DriverYear> years_;
    std::vector<DriverUncertainty> uncertainty_;
};

// Subsector key ("transport/personbiler") → driver. Subsectors not listed are
// held constant at their base-year activity.
using DriverMapping = std::map<std::string, Driver>;
DriverMapping default_driver_mapping();

}  // namespace klima
