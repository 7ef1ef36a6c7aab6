#include "klima/measures.hpp"

#include "klima/error.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace klima {

namespace {

using units::Amount;

template <class>
inline constexpr bool always_false = false;

std::string describe(const Amount& a) {
    std::ostringstream s;
    s << units::display_value(a) << " " << units::display_unit(units::kind_of(a));
    return s.str();
}

bool matches(const ActivityRecord& r, std::string_view sector, std::string_view subsector, std::string_view carrier) {
    return r.sector == sector && r.subsector == subsector && r.carrier == carrier;
}

// Removes `amount` of one carrier from a subsector, shared over its records in
// proportion to their size. Throws when the year holds less, or the value is
// missing (a missing value cannot be reduced).
template <class Q>
void remove(ActivitySet& activity, std::string_view sector, std::string_view subsector, std::string_view carrier,
            Q amount, int year, const Location& where) {
    if (amount.value() == 0.0) return;
    Q available{};
    bool any = false;
    auto key = [&] { return std::string(sector) + "/" + std::string(subsector) + " " + std::string(carrier); };
    for (const auto& r : activity) {
        if (!matches(r, sector, subsector, carrier)) continue;
        if (!r.amount)
            throw Error(where, "the " + std::to_string(year) + " value of " + key() + " is missing, so the measure cannot reduce it",
                        "fill in the base-year value in the activity data");
        if (!std::holds_alternative<Q>(*r.amount))
            throw Error(where, key() + " is given as " + std::string(units::to_string(units::kind_of(*r.amount))) +
                                   ", the measure reduces " + std::string(units::to_string(units::kind_of(Amount(amount)))),
                        "give that activity in a unit of the kind the measure works on");
        available += std::get<Q>(*r.amount);
        any = true;
    }
    if (!any || amount.value() > available.value() * (1.0 + 1e-9))
        throw Error(where,
                    "the measures remove " + describe(Amount(amount)) + " of " + key() + " in " + std::to_string(year) +
                        " but the year holds only " + (any ? describe(Amount(available)) : std::string("none")),
                    "lower the measure's size, or check the activity data and the other measures acting on it");
    const units::Ratio keep = units::ratio(1.0) - amount / available;
    for (auto& r : activity)
        if (matches(r, sector, subsector, carrier)) r.amount = units::scale(*r.amount, keep);
}

void add(ActivitySet& activity, std::string sector, std::string subsector, std::string carrier, Amount amount,
         int year, const std::string& measure_id) {
    if (units::display_value(amount) == 0.0) return;
    ActivityRecord r;
    r.year = year;
    r.sector = std::move(sector);
    r.subsector = std::move(subsector);
    r.carrier = std::move(carrier);
    r.amount = amount;
    r.source = "scenario measure " + measure_id;
    r.origin = {"", 0, "measure " + measure_id};
    activity.push_back(std::move(r));
}

// Car-km of one record: distance as given, energy through the cars' kWh/km.
units::Distance car_km(const Amount& a, units::EnergyPerDistance kwh_per_km, const Location& where) {
    if (const auto* e = std::get_if<units::Energy>(&a)) return *e / kwh_per_km;
    if (const auto* d = std::get_if<units::Distance>(&a)) return *d;
    throw Error(where, "car activity must be energy or distance", "give transport/personbiler in MWh, GJ or km");
}

void scale_where(ActivitySet& activity, std::string_view sector, std::string_view subsector, units::Ratio keep,
                 bool (*selected)(const ActivityRecord&)) {
    for (auto& r : activity)
        if (r.sector == sector && r.subsector == subsector && r.amount && selected(r))
            r.amount = units::scale(*r.amount, keep);
}

std::string_view heat_subsector(std::string_view carrier) {
    if (carrier == "fjernvarme") return "fjernvarme";
    return "individuel_opvarmning";
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
    return {"district_heating", "heat_pumps", "electric_buses", "ev_charging", "municipal_fleet",
            "modal_shift", "building_renovation", "climate_construction", "afforestation"};
}

std::string own_carrier(const MeasureParams& p, const std::string& measure_id) {
    if (std::holds_alternative<ClimateConstruction>(p)) return "nybyggeri_m2:" + measure_id;
    if (std::holds_alternative<Afforestation>(p)) return "skov_ny:" + measure_id;
    return {};
}

int measure_stage(const MeasureParams& p) {
    return std::visit(
        [](const auto& m) -> int {
            using T = std::decay_t<decltype(m)>;
            if constexpr (std::is_same_v<T, BuildingRenovation> || std::is_same_v<T, ModalShift> ||
                          std::is_same_v<T, ClimateConstruction>)
                return 1;  // demand: less heat, fewer car-km, less embodied carbon
            else if constexpr (std::is_same_v<T, EvCharging>)
                return 3;  // a share of the car-km left after the fixed-size switches
            else if constexpr (std::is_same_v<T, Afforestation>)
                return 4;  // sinks
            else
                return 2;  // fixed-size fuel switches
        },
        p);
}

units::Ratio phase_in(int start_year, int full_effect_year, int year) {
    if (year < start_year) return units::ratio(0.0);
    if (year >= full_effect_year) return units::ratio(1.0);
    return units::ratio(static_cast<double>(year - start_year + 1) / (full_effect_year - start_year + 1));
}

void apply_measure(const MeasureParams& params, const std::string& id, units::Ratio phase, int year,
                   ActivitySet& activity, const Location& where) {
    if (phase.value() <= 0.0) return;
    std::visit(
        [&](const auto& m) {
            using T = std::decay_t<decltype(m)>;
            if constexpr (std::is_same_v<T, DistrictHeating> || std::is_same_v<T, HeatPumps>) {
                const units::Energy heat = phase * m.households * m.heat_per_household;
                remove(activity, "energi", "individuel_opvarmning", m.from_carrier, units::Energy(heat / m.boiler_efficiency),
                       year, where);
                if constexpr (std::is_same_v<T, DistrictHeating>)
                    add(activity, "energi", "fjernvarme", "fjernvarme", heat, year, id);
                else
                    add(activity, "energi", "el", "el", units::Energy(heat / m.cop), year, id);
            } else if constexpr (std::is_same_v<T, ElectricBuses>) {
                const units::Distance km = phase * m.buses * m.km_per_bus;
                remove(activity, "transport", "busser", "gasolie", units::Energy(km * m.diesel_kwh_per_km), year, where);
                add(activity, "transport", "busser", "el", units::Energy(km * m.kwh_per_km), year, id);
            } else if constexpr (std::is_same_v<T, EvCharging>) {
                const units::Ratio share = phase * m.chargers * m.ev_share_per_charger;
                units::Distance moved{};
                for (const auto& r : activity)
                    if (r.sector == "transport" && r.subsector == "personbiler" && r.carrier != "el" && r.amount)
                        moved += share * car_km(*r.amount, m.fossil_kwh_per_km, where);
                scale_where(activity, "transport", "personbiler", units::ratio(1.0) - share,
                            [](const ActivityRecord& r) { return r.carrier != "el"; });
                add(activity, "transport", "personbiler", "el", units::Energy(moved * m.ev_kwh_per_km), year, id);
            } else if constexpr (std::is_same_v<T, MunicipalFleet>) {
                const units::Distance car_km_moved = phase * m.cars * m.km_per_car;
                const units::Distance truck_km_moved = phase * m.refuse_trucks * m.km_per_truck;
                remove(activity, "transport", "personbiler", m.car_fuel, units::Energy(car_km_moved * m.car_fuel_kwh_per_km),
                       year, where);
                remove(activity, "transport", "lastbiler", m.truck_fuel,
                       units::Energy(truck_km_moved * m.truck_fuel_kwh_per_km), year, where);
                add(activity, "transport", "personbiler", "el", units::Energy(car_km_moved * m.car_el_kwh_per_km), year, id);
                add(activity, "transport", "lastbiler", "el", units::Energy(truck_km_moved * m.truck_el_kwh_per_km), year,
                    id);
            } else if constexpr (std::is_same_v<T, ModalShift>) {
                const units::Ratio share = phase * m.car_km_share;
                units::Distance moved{};
                for (const auto& r : activity)
                    if (r.sector == "transport" && r.subsector == "personbiler" && r.amount)
                        moved += share * car_km(*r.amount, m.car_kwh_per_km, where);
                scale_where(activity, "transport", "personbiler", units::ratio(1.0) - share,
                            [](const ActivityRecord&) { return true; });
                add(activity, "transport", "bane", "el", units::Energy(moved * m.rail_kwh_per_car_km), year, id);
            } else if constexpr (std::is_same_v<T, BuildingRenovation>) {
                const units::Area area = phase * m.floor_area;
                remove(activity, "energi", heat_subsector(m.heat_carrier), m.heat_carrier,
                       units::Energy(area * m.heat_saving_per_m2), year, where);
                remove(activity, "energi", "el", "el", units::Energy(area * m.el_saving_per_m2), year, where);
            } else if constexpr (std::is_same_v<T, ClimateConstruction>) {
                const units::Area area = phase * m.area_per_year;
                remove(activity, "byggeri", "nybyggeri", "nybyggeri_m2", area, year, where);
                add(activity, "byggeri", "nybyggeri", own_carrier(params, id), area, year, id);
            } else if constexpr (std::is_same_v<T, Afforestation>) {
                add(activity, "lulucf", "skov", own_carrier(params, id), units::Area(phase * m.area), year, id);
            } else {
                static_assert(always_false<T>);
            }
        },
        params);
}

}  // namespace klima
