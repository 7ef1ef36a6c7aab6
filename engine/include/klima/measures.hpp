// The nine measure presets: short-hand typed parameter structs for common
// measures, each expanding into effects (klima/effects.hpp), so that a
// preset and its expansion run through the same engine path.
#pragma once

#include "klima/effects.hpp"
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
    DistancePerCount km_per_bus;                 // per bus and year
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
    std::string car_fuel;  // carrier of the replaced cars (benzin or gasolie)
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
    units::Ratio car_km_share;                     // share of car-km moved
    units::EnergyPerDistance car_kwh_per_km;       // turns car energy into car-km
    units::EnergyPerDistance rail_kwh_per_car_km;  // extra rail electricity per car-km moved
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

// The preset as effects (docs/method.md gives each expansion): one engine path
// for presets and measures written as effects. `id` names the measure's own
// carriers (construction, forest): "<base carrier>:<id>".
std::vector<Effect> expand_preset(const MeasureParams& p, const std::string& id);

}  // namespace klima
