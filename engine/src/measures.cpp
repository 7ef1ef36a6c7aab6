#include "klima/measures.hpp"

#include "klima/taxonomy_codes.hpp"

namespace klima {

namespace {

template <class>
inline constexpr bool always_false = false;

Uptake counted(units::Count n, std::string unit) { return {n, units::count(1.0), std::move(unit)}; }
Uptake square_metres(units::Area a) { return {a, units::square_metres(1.0), "m2"}; }

EffectSize per(units::Amount amount_per_unit, Uptake u) {
    EffectSize s;
    s.basis = EffectSize::Basis::amount;
    s.amount = amount_per_unit;
    s.uptake = std::move(u);
    return s;
}

EffectSize absolute(units::Amount a) {
    EffectSize s;
    s.basis = EffectSize::Basis::amount;
    s.amount = a;
    return s;
}

EffectSize share(units::Ratio r, std::optional<Uptake> u = std::nullopt) {
    EffectSize s;
    s.share = r;
    s.uptake = std::move(u);
    return s;
}

RowSelector rows(std::string sector, std::string subsector, std::string carrier) {
    return {std::move(sector), std::move(subsector), std::move(carrier)};
}

// Vehicle-km of one kind of vehicle moved from a fuel to electricity.
Switch vehicles_to_el(const std::string& subsector, const std::string& fuel, units::Count n, std::string unit,
                      units::Distance km_each, units::EnergyPerDistance fuel_per_km,
                      units::EnergyPerDistance el_per_km) {
    Switch s;
    s.from = rows(codes::kTransport, subsector, fuel);
    s.to = {codes::kTransport, subsector, codes::kElectricity};
    s.from_intensity = fuel_per_km;
    s.to_intensity = el_per_km;
    s.size = per(km_each, counted(n, std::move(unit)));
    return s;
}

}  // namespace

std::string_view measure_type(const MeasureParams& p) {
    return std::visit(
        [](const auto& m) -> std::string_view {
            using T = std::decay_t<decltype(m)>;
            if constexpr (std::is_same_v<T, DistrictHeating>) return "district_heating";
            else if constexpr (std::is_same_v<T, HeatPumps>) return "heat_pumps";
            else if constexpr (std::is_same_v<T, ElectricBuses>) return "electric_buses";
            else if constexpr (std::is_same_v<T, EvCharging>) return "ev_charging";
            else if constexpr (std::is_same_v<T, MunicipalFleet>) return "municipal_fleet";
            else if constexpr (std::is_same_v<T, ModalShift>) return "modal_shift";
            else if constexpr (std::is_same_v<T, BuildingRenovation>) return "building_renovation";
            else if constexpr (std::is_same_v<T, ClimateConstruction>) return "climate_construction";
            else if constexpr (std::is_same_v<T, Afforestation>) return "afforestation";
            else static_assert(always_false<T>);
        },
        p);
}

std::vector<std::string_view> measure_types() {
    return {"district_heating", "heat_pumps",          "electric_buses",       "ev_charging",  "municipal_fleet",
            "modal_shift",      "building_renovation", "climate_construction", "afforestation"};
}

std::vector<Effect> expand_preset(const MeasureParams& params, const std::string& id) {
    using units::Amount;
    return std::visit(
        [&](const auto& m) -> std::vector<Effect> {
            using T = std::decay_t<decltype(m)>;
            if constexpr (std::is_same_v<T, DistrictHeating> || std::is_same_v<T, HeatPumps>) {
                // H = p·N·q useful heat: boiler fuel −H/η; district heat +H, or electricity +H/COP.
                Switch s;
                s.from = rows(codes::kEnergy, codes::kIndividualHeating, m.from_carrier);
                s.from_efficiency = m.boiler_efficiency;
                s.size = per(m.heat_per_household, counted(m.households, "households"));
                if constexpr (std::is_same_v<T, DistrictHeating>) {
                    s.to = {codes::kEnergy, codes::kDistrictHeatSub, codes::kDistrictHeat};
                } else {
                    s.to = {codes::kEnergy, codes::kElectricitySub, codes::kElectricity};
                    s.to_efficiency = m.cop;
                }
                return {s};
            } else if constexpr (std::is_same_v<T, ElectricBuses>) {
                return {vehicles_to_el(codes::kBuses, codes::kGasOil, m.buses, "buses", m.km_per_bus,
                                       m.diesel_kwh_per_km, m.kwh_per_km)};
            } else if constexpr (std::is_same_v<T, EvCharging>) {
                // σ = p·n·s of the car-km on every fuel but el, at the EV's kWh/km.
                Switch s;
                s.from = rows(codes::kTransport, codes::kCars, std::string(kAny));
                s.to = {codes::kTransport, codes::kCars, codes::kElectricity};
                s.from_intensity = m.fossil_kwh_per_km;
                s.to_intensity = m.ev_kwh_per_km;
                s.size = share(m.ev_share_per_charger, counted(m.chargers, "chargers"));
                return {s};
            } else if constexpr (std::is_same_v<T, MunicipalFleet>) {
                return {vehicles_to_el(codes::kCars, m.car_fuel, m.cars, "cars", m.km_per_car, m.car_fuel_kwh_per_km,
                                       m.car_el_kwh_per_km),
                        vehicles_to_el(codes::kLorries, m.truck_fuel, m.refuse_trucks, "refuse_trucks", m.km_per_truck,
                                       m.truck_fuel_kwh_per_km, m.truck_el_kwh_per_km)};
            } else if constexpr (std::is_same_v<T, ModalShift>) {
                // σ = p·share of all car-km (every carrier) to rail electricity.
                Switch s;
                s.shift = true;
                s.from = rows(codes::kTransport, codes::kCars, std::string(kAny));
                s.to = {codes::kTransport, codes::kRail, codes::kElectricity};
                s.from_intensity = m.car_kwh_per_km;
                s.to_intensity = m.rail_kwh_per_car_km;
                s.size = share(m.car_km_share);
                return {s};
            } else if constexpr (std::is_same_v<T, BuildingRenovation>) {
                const std::string heat_sub =
                    m.heat_carrier == codes::kDistrictHeat ? codes::kDistrictHeatSub : codes::kIndividualHeating;
                const auto one = units::square_metres(1.0);
                return {Reduce{rows(codes::kEnergy, heat_sub, m.heat_carrier),
                               per(Amount(units::Energy(m.heat_saving_per_m2 * one)), square_metres(m.floor_area))},
                        Reduce{rows(codes::kEnergy, codes::kElectricitySub, codes::kElectricity),
                               per(Amount(units::Energy(m.el_saving_per_m2 * one)), square_metres(m.floor_area))}};
            } else if constexpr (std::is_same_v<T, ClimateConstruction>) {
                return {OwnRow{"construction",
                               {codes::kConstruction, codes::kNewBuild, std::string(codes::kNewBuildArea) + ":" + id},
                               m.kg_co2e_per_m2,
                               codes::kNewBuildArea,
                               absolute(m.area_per_year)}};
            } else if constexpr (std::is_same_v<T, Afforestation>) {
                return {OwnRow{"land_use",
                               {codes::kLulucf, codes::kForest, std::string(codes::kNewForest) + ":" + id},
                               units::MassPerArea(-m.uptake_per_year),
                               std::nullopt,
                               absolute(m.area)}};
            } else {
                static_assert(always_false<T>);
            }
        },
        params);
}

}  // namespace klima
