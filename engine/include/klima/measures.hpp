// Measures act on a year's activity data (never on emissions): each is a typed
// parameter struct and a pure function from the BAU activity of a year and
// the phase-in share of that year to a modified activity set. docs/method.md
// gives each formula.
#pragma once

#include "klima/activity.hpp"
#include "klima/units.hpp"

#include <string>
#include <variant>
#include <vector>

namespace klima {

using EnergyPerArea = decltype(units::Energy{} / units::Area{});
using EnergyPerCount = units::Energy;  // e.g. MWh of heat per household and year
using DistancePerCount = units::Distance;

// Heat moved from individual boilers (oil or gas) to district heating.
struct DistrictHeating {
    units::Count households;
    EnergyPerCount heat_per_household;  // useful heat per household and year
    std::string from_carrier;           // naturgas or gasolie
    units::Ratio boiler_efficiency;     // useful heat / fuel of the replaced boilers
};

// Individual heat pumps replacing oil or gas boilers.
struct HeatPumps {
    units::Count households;
    EnergyPerCount heat_per_household;
    std::string from_carrier;
    units::Ratio boiler_efficiency;
    units::Ratio cop;  // seasonal coefficient of performance
};

// Diesel buses replaced by electric buses.
struct ElectricBuses {
    units::Count buses;
    DistancePerCount km_per_bus;  // per bus and year
    units::EnergyPerDistance kwh_per_km;         // electric bus
    units::EnergyPerDistance diesel_kwh_per_km;  // the diesel bus it replaces
};

// Public charging points raising the electric share of car-km.
struct EvCharging {
    units::Count chargers;
    units::Ratio ev_share_per_charger;  // share of car-km moved to EVs per charger
    units::EnergyPerDistance ev_kwh_per_km;
    units::EnergyPerDistance fossil_kwh_per_km;  // average fuel use of the cars replaced
};

// Municipal cars and refuse trucks replaced by electric ones.
struct MunicipalFleet {
    std::string car_fuel;    // carrier of the replaced cars (benzin or gasolie)
    units::Count cars;
    DistancePerCount km_per_car;
    units::EnergyPerDistance car_fuel_kwh_per_km, car_el_kwh_per_km;
    std::string truck_fuel;  // carrier of the replaced refuse trucks
    units::Count refuse_trucks;
    DistancePerCount km_per_truck;
    units::EnergyPerDistance truck_fuel_kwh_per_km, truck_el_kwh_per_km;
};

// Car-km moved to rail and public transport.
struct ModalShift {
    units::Ratio car_km_share;                      // share of car-km moved
    units::EnergyPerDistance car_kwh_per_km;        // turns car energy into car-km
    units::EnergyPerDistance rail_kwh_per_car_km;   // extra rail electricity per car-km moved
};

// Energy renovation of public buildings.
struct BuildingRenovation {
    units::Area floor_area;
    std::string heat_carrier;  // fjernvarme, naturgas or gasolie
    EnergyPerArea heat_saving_per_m2;
    EnergyPerArea el_saving_per_m2;
};

// New buildings built with a lower embodied footprint: m² moved from the
// conventional class (nybyggeri_m2) to a class whose factor the measure gives.
struct ClimateConstruction {
    units::Area area_per_year;
    units::MassPerArea kg_co2e_per_m2;  // embodied CO2e of the climate-friendly class
};

// New forest planted: ha × uptake (t CO2 per ha and year, a removal).
struct Afforestation {
    units::Area area;
    units::MassPerArea uptake_per_year;  // positive: tonnes removed per ha and year
};

using MeasureParams = std::variant<DistrictHeating, HeatPumps, ElectricBuses, EvCharging, MunicipalFleet, ModalShift,
                                   BuildingRenovation, ClimateConstruction, Afforestation>;

std::string_view measure_type(const MeasureParams& p);  // "district_heating", …
std::vector<std::string_view> measure_types();          // all, for error messages

// The carrier a measure introduces with its own factor (construction and
// afforestation): "<base carrier>:<measure id>"; empty for other types.
std::string own_carrier(const MeasureParams& p, const std::string& measure_id);

// Stage in the canonical order measures are applied in (demand first, then
// fuel switches, then sinks); with the id it makes the result independent of
// the order a scenario lists them in.
int measure_stage(const MeasureParams& p);

// Linear phase-in: 0 before start, (y − start + 1)/(full − start + 1) up to
// full, 1 after.
units::Ratio phase_in(int start_year, int full_effect_year, int year);

// Apply one measure with phase-in share `phase` to the activity of one year.
// Throws klima::Error at `where` when the measure removes more of a carrier
// than the year's activity holds, or needs a value that is missing.
void apply_measure(const MeasureParams& p, const std::string& measure_id, units::Ratio phase, int year,
                   ActivitySet& activity, const Location& where);

}  // namespace klima
