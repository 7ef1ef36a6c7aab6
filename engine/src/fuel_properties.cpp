#include "klima/fuel_properties.hpp"
#include "klima/horizon.hpp"

#include <fmt/format.h>
#include <cmath>
#include <limits>

namespace klima {
namespace {

// Ten significant digits, as printf's "%.10g": 42.84 → "42.84", 1e-12 → "1e-12".
std::string number(double v) { return fmt::format("{:.10g}", v); }

bool is_mass_unit(std::string_view u) { return u == "t" || u == "kg"; }

// The quantity as written: 1000 l, 2.5 t, 1200 Nm3.
std::string given_text(const units::Amount& a, const std::string& unit) {
    if (const auto* v = std::get_if<units::Volume>(&a)) {
        if (unit == "l") return number(units::in_litres(*v)) + " l";
        return number(units::in_m3(*v)) + " " + (unit.empty() ? "m3" : unit);
    }
    const auto m = std::get<units::Mass>(a);
    if (unit == "kg") return number(units::in_kg(m)) + " kg";
    return number(units::in_tonnes(m)) + " t";
}

std::string property_text(const FuelProperty* p) { return number(p->written) + " " + p->unit; }

// The fix for a gas given in m3 whose heating value is known per Nm3 only.
std::string normal_volume_hint() {
    return "a cubic metre at the meter's temperature and pressure is not a normal cubic metre (0 °C, 1.01325 "
           "bar); if the figure is already in normal cubic metres, as Danish gas bills give it, write Nm3, "
           "otherwise correct it to Nm3 or give the energy in kWh";
}

}  // namespace

std::string_view to_string(FuelBasis b) {
    switch (b) {
        case FuelBasis::heating_value_per_mass: return "heating value per mass";
        case FuelBasis::heating_value_per_volume: return "heating value per volume";
        case FuelBasis::heating_value_per_normal_volume: return "heating value per normal volume";
        case FuelBasis::density: return "density";
    }
    return "?";
}

std::string FuelConversion::formula() const {
    std::string out = given_text(given, unit);
    if (density) out += " × " + property_text(density);
    if (heating_value) out += " × " + property_text(heating_value);
    return out + " = " + number(units::in_gj(energy)) + " GJ";
}

void FuelProperties::add(FuelProperty p) {
    if (p.year_from > p.year_to)
        throw Error(p.origin,
                    "year_from " + std::to_string(p.year_from) + " is after year_to " + std::to_string(p.year_to),
                    "swap the two years");
    auto& rows = by_carrier_[p.carrier];
    for (const auto& r : rows)
        if (r.basis == p.basis && r.year_from <= p.year_to && p.year_from <= r.year_to)
            throw Error(
                p.origin,
                std::string(to_string(p.basis)) + " of " + p.carrier + " overlaps the years of " + to_string(r.origin),
                "make year ranges of the same carrier and property disjoint");
    rows.push_back(std::move(p));
    ++count_;
}

std::vector<const FuelProperty*> FuelProperties::all() const {
    std::vector<const FuelProperty*> out;
    for (const auto& [carrier, rows] : by_carrier_)
        for (const auto& r : rows) out.push_back(&r);
    return out;
}

const FuelProperty* FuelProperties::find(std::string_view carrier, FuelBasis basis, int year) const {
    const auto it = by_carrier_.find(std::string(carrier));
    if (it == by_carrier_.end()) return nullptr;
    for (const auto& r : it->second)
        if (r.basis == basis && r.year_from <= year && year <= r.year_to) return &r;
    return nullptr;
}

bool FuelProperties::can_convert(std::string_view carrier, std::string_view unit, int year) const {
    const auto has = [&](FuelBasis b) { return find(carrier, b, year) != nullptr; };
    if (is_mass_unit(unit)) return has(FuelBasis::heating_value_per_mass);
    if (unit == "Nm3") return has(FuelBasis::heating_value_per_normal_volume);
    if (unit == "l" || unit == "m3")
        return has(FuelBasis::heating_value_per_volume) ||
               (has(FuelBasis::density) && has(FuelBasis::heating_value_per_mass));
    return false;
}

std::pair<int, int> FuelProperties::same_rows(std::string_view carrier, int year) const {
    std::pair<int, int> span{std::numeric_limits<int>::min(), std::numeric_limits<int>::max()};
    const auto it = by_carrier_.find(std::string(carrier));
    if (it == by_carrier_.end()) return span;
    for (const auto& r : it->second) keep_same_cover(span, r.year_from, r.year_to, year);
    return span;
}

std::string FuelProperties::accepted_units(std::string_view carrier, int year) const {
    std::string out = "MWh, GJ, TJ, kWh";
    for (const char* u : {"l", "m3", "Nm3", "t", "kg"})
        if (can_convert(carrier, u, year)) out.append(", ").append(u);
    return out;
}

Error FuelProperties::unit_error(std::string_view carrier, std::string_view unit, int year) const {
    const std::string y = std::to_string(year);
    std::string fix = "give the quantity in one of those units, or add the fuel's heating value (and density) for " +
                      y + " to fuel_properties.csv";
    if (unit == "m3" && find(carrier, FuelBasis::heating_value_per_normal_volume, year)) fix = normal_volume_hint();
    return Error({"", 0, "unit"},
                 "carrier '" + std::string(carrier) + "' cannot be given in " + std::string(unit) + " for " + y +
                     ": it takes " + accepted_units(carrier, year),
                 fix);
}

FuelConversion FuelProperties::to_energy(std::string_view carrier, const units::Amount& amount, std::string_view unit,
                                         int year) const {
    FuelConversion c{amount, std::string(unit), {}, nullptr, nullptr};
    const bool volume = std::holds_alternative<units::Volume>(amount);
    const bool mass = std::holds_alternative<units::Mass>(amount);
    std::string shown(unit);
    if (shown.empty()) shown = volume ? "m3" : "t";
    if ((volume || mass) && (unit.empty() || can_convert(carrier, unit, year))) {
        if (mass) {
            if (const auto* h = find(carrier, FuelBasis::heating_value_per_mass, year)) {
                c.heating_value = h;
                c.energy = std::get<units::Mass>(amount) * std::get<units::EnergyPerMass>(h->value);
            }
        } else {
            const auto v = std::get<units::Volume>(amount);
            const bool normal = unit == "Nm3";
            const auto* per_volume =
                find(carrier, normal ? FuelBasis::heating_value_per_normal_volume : FuelBasis::heating_value_per_volume,
                     year);
            if (!per_volume && unit.empty())
                per_volume = find(carrier, FuelBasis::heating_value_per_normal_volume, year);
            if (per_volume) {
                c.heating_value = per_volume;
                c.energy = v * std::get<units::EnergyPerVolume>(per_volume->value);
            } else if (!normal) {
                const auto* rho = find(carrier, FuelBasis::density, year);
                const auto* h = find(carrier, FuelBasis::heating_value_per_mass, year);
                if (rho && h) {
                    c.density = rho;
                    c.heating_value = h;
                    c.energy = units::Mass(v * std::get<units::MassPerVolume>(rho->value)) *
                               std::get<units::EnergyPerMass>(h->value);
                }
            }
        }
    }
    if (!c.heating_value) throw unit_error(carrier, shown, year);
    if (!std::isfinite(c.energy.value()))
        throw Error({"", 0, "quantity"}, "value is too large: it overflows when converted to energy",
                    "check the number and its unit");
    return c;
}

}  // namespace klima
