#include "klima/drivers.hpp"

#include "klima/error.hpp"

namespace klima {

std::string_view to_string(Driver d) {
    switch (d) {
        case Driver::population: return "population";
        case Driver::households: return "households";
        case Driver::vehicle_km: return "vehicle_km";
        case Driver::constant: return "constant";
    }
    return "constant";
}

Driver parse_driver(std::string_view s, const Location& where) {
    for (Driver d : {Driver::population, Driver::households, Driver::vehicle_km, Driver::constant})
        if (to_string(d) == s) return d;
    throw Error(where, "unknown driver '" + std::string(s) + "'", "use population, households, vehicle_km or constant");
}

void Drivers::add(DriverYear y) {
    if (!years_.empty() && y.year != years_.back().year + 1)
        throw Error(y.origin,
                    "driver year " + std::to_string(y.year) + " does not follow " + std::to_string(years_.back().year),
                    "list every year once, in increasing order, without gaps");
    for (double v : {units::in_count(y.population), units::in_count(y.households), units::in_km(y.vehicle_km)})
        if (!(v > 0))
            throw Error(y.origin, "driver values must be positive", "give population, households and vehicle-km > 0");
    years_.push_back(std::move(y));
}

bool Drivers::covers(int first, int last) const {
    return !years_.empty() && years_.front().year <= first && years_.back().year >= last;
}

const DriverYear& Drivers::at(int year) const {
    if (years_.empty() || year < years_.front().year || year > years_.back().year)
        throw Error({}, "no driver values for " + std::to_string(year),
                    "add a row for every year from the base year to 2050 to the drivers file");
    return years_[static_cast<std::size_t>(year - years_.front().year)];
}

units::Ratio Drivers::index(Driver d, int base, int year) const {
    const auto& b = at(base);
    const auto& y = at(year);
    switch (d) {
        case Driver::population: return y.population / b.population;
        case Driver::households: return y.households / b.households;
        case Driver::vehicle_km: return y.vehicle_km / b.vehicle_km;
        case Driver::constant: break;
    }
    return units::ratio(1.0);
}

DriverMapping default_driver_mapping() {
    return {
        {"energi/el", Driver::population},
        {"energi/fjernvarme", Driver::households},
        {"energi/individuel_opvarmning", Driver::households},
        {"transport/personbiler", Driver::vehicle_km},
        {"transport/varebiler", Driver::vehicle_km},
        {"transport/lastbiler", Driver::vehicle_km},
        {"transport/busser", Driver::vehicle_km},
        {"transport/bane", Driver::population},
        {"affald/deponi", Driver::population},
        {"affald/biologisk", Driver::population},
        {"affald/spildevand", Driver::population},
        {"byggeri/nybyggeri", Driver::population},
        {"byggeri/renovering", Driver::households},
        // A national history's sector totals (docs/national.md): energy and waste grow with the
        // population, road transport with vehicle-km; landbrug and industriprocesser held constant.
        {"energi/energi_regnskab", Driver::population},
        {"transport/transport_regnskab", Driver::vehicle_km},
        {"affald/affald_regnskab", Driver::population},
    };
}

void Drivers::add_uncertainty(DriverUncertainty u) {
    for (const auto& had : uncertainty_)
        if (had.driver == u.driver)
            throw Error(u.origin,
                        "the uncertainty of " + std::string(to_string(u.driver)) + " is given twice (first at " +
                            to_string(had.origin) + ")",
                        "give a driver's growth distribution on one row only");
    uncertainty_.push_back(std::move(u));
}

}  // namespace klima
