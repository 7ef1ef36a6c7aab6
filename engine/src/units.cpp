#include "klima/units.hpp"

#include "klima/error.hpp"

#include <array>
#include <cmath>
#include <type_traits>

namespace klima::units {
namespace {

struct AmountUnit {
    std::string_view symbol;
    AmountKind kind;
    double to_base;  // multiply a value in this unit to get J, m, kg, m², count
};

constexpr std::array<AmountUnit, 15> kAmountUnits{{
    {"MWh", AmountKind::energy, kJoulePerMWh},
    {"GJ", AmountKind::energy, kJoulePerGJ},
    {"TJ", AmountKind::energy, 1e12},
    {"kWh", AmountKind::energy, 3.6e6},
    {"km", AmountKind::distance, 1000.0},
    {"t", AmountKind::mass, 1000.0},
    {"kg", AmountKind::mass, 1.0},
    {"ha", AmountKind::area, 1e4},
    {"m2", AmountKind::area, 1.0},
    {"head", AmountKind::count, 1.0},
    {"person", AmountKind::count, 1.0},
    {"count", AmountKind::count, 1.0},
    {"l", AmountKind::volume, 1e-3},
    {"m3", AmountKind::volume, 1.0},
    {"Nm3", AmountKind::volume, 1.0},
}};

struct FactorUnit {
    std::string_view symbol;
    AmountKind kind;  // the activity kind it applies to
    double to_base;   // multiply a value in this unit to get kg per base unit
};

constexpr std::array<FactorUnit, 19> kFactorUnits{{
    {"kg/GJ", AmountKind::energy, 1.0 / kJoulePerGJ},
    {"g/GJ", AmountKind::energy, 1e-3 / kJoulePerGJ},
    {"t/TJ", AmountKind::energy, 1000.0 / 1e12},
    {"kg/MWh", AmountKind::energy, 1.0 / kJoulePerMWh},
    {"t/MWh", AmountKind::energy, 1000.0 / kJoulePerMWh},
    {"g/kWh", AmountKind::energy, 1e-3 / 3.6e6},
    {"g/km", AmountKind::distance, 1e-3 / 1000.0},
    {"kg/km", AmountKind::distance, 1.0 / 1000.0},
    {"kg/t", AmountKind::mass, 1.0 / 1000.0},
    {"t/t", AmountKind::mass, 1.0},
    {"kg/kg", AmountKind::mass, 1.0},
    {"kg/head", AmountKind::count, 1.0},
    {"kg/person", AmountKind::count, 1.0},
    {"t/ha", AmountKind::area, 1000.0 / 1e4},
    {"kg/ha", AmountKind::area, 1.0 / 1e4},
    {"kg/m2", AmountKind::area, 1.0},
    {"kg/l", AmountKind::volume, 1000.0},
    {"kg/m3", AmountKind::volume, 1.0},
    {"kg/Nm3", AmountKind::volume, 1.0},
}};

template <class Table>
std::string accepted(const Table& table) {
    std::string out;
    for (const auto& u : table) {
        if (!out.empty()) out += ", ";
        out += u.symbol;
    }
    return out;
}

}  // namespace

std::string_view to_string(AmountKind k) {
    switch (k) {
        case AmountKind::energy: return "energy";
        case AmountKind::distance: return "distance";
        case AmountKind::mass: return "mass";
        case AmountKind::area: return "area";
        case AmountKind::count: return "count";
        case AmountKind::volume: return "volume";
    }
    return "?";
}

Amount amount_of(AmountKind k, double si) {
    switch (k) {
        case AmountKind::energy: return Energy::from_value(si);
        case AmountKind::distance: return Distance::from_value(si);
        case AmountKind::mass: return Mass::from_value(si);
        case AmountKind::area: return Area::from_value(si);
        case AmountKind::count: return Count::from_value(si);
        case AmountKind::volume: return Volume::from_value(si);
    }
    return Count::from_value(si);
}

double si_value(const Amount& a) {
    return std::visit([](auto q) { return q.value(); }, a);
}

double si_value(const FactorValue& f) {
    return std::visit([](auto q) { return q.value(); }, f);
}

AmountKind kind_of(const Amount& a) { return static_cast<AmountKind>(a.index()); }
AmountKind factor_kind(const FactorValue& f) { return static_cast<AmountKind>(f.index()); }

std::string_view canonical_unit(std::string_view written) {
    static constexpr std::pair<std::string_view, std::string_view> kAliases[] = {
        {"m\u00b3", "m3"}, {"Nm\u00b3", "Nm3"}, {"m\u00b2", "m2"}, {"L", "l"},      {"liter", "l"}, {"litre", "l"},
        {"ton", "t"},      {"tons", "t"},       {"tonne", "t"},    {"tonnes", "t"}, {"kwh", "kWh"}, {"KWh", "kWh"},
        {"KWH", "kWh"},    {"mwh", "MWh"},      {"MWH", "MWh"},    {"Mwh", "MWh"},  {"gj", "GJ"},   {"Gj", "GJ"},
        {"tj", "TJ"},      {"Tj", "TJ"},        {"stk", "count"},  {"nm3", "Nm3"},  {"NM3", "Nm3"}, {"M3", "m3"},
    };
    for (const auto& [alias, symbol] : kAliases)
        if (alias == written) return symbol;
    return written;
}

Amount make_amount(double value, std::string_view unit) {
    const Location at_quantity{"", 0, "quantity"};
    if (!std::isfinite(value)) throw Error(at_quantity, "value is not a finite number", "write a plain decimal number");
    for (const auto& u : kAmountUnits) {
        if (u.symbol != unit) continue;
        const double v = value * u.to_base;
        if (!std::isfinite(v))
            throw Error(at_quantity, "value is too large: it overflows when converted from " + std::string(unit),
                        "check the number; no municipal activity comes near 1e300");
        switch (u.kind) {
            case AmountKind::energy: return Energy::from_value(v);
            case AmountKind::distance: return Distance::from_value(v);
            case AmountKind::mass: return Mass::from_value(v);
            case AmountKind::area: return Area::from_value(v);
            case AmountKind::count: return Count::from_value(v);
            case AmountKind::volume: return Volume::from_value(v);
        }
    }
    throw Error({}, "unknown unit '" + std::string(unit) + "'", "use one of " + accepted(kAmountUnits));
}

FactorValue make_factor(double value, std::string_view unit) {
    if (!std::isfinite(value)) throw Error({}, "value is not a finite number", "write a plain decimal number");
    for (const auto& u : kFactorUnits) {
        if (u.symbol != unit) continue;
        const double v = value * u.to_base;
        switch (u.kind) {
            case AmountKind::energy: return MassPerEnergy::from_value(v);
            case AmountKind::distance: return MassPerDistance::from_value(v);
            case AmountKind::mass: return MassPerMass::from_value(v);
            case AmountKind::area: return MassPerArea::from_value(v);
            case AmountKind::count: return MassPerCount::from_value(v);
            case AmountKind::volume: return MassPerVolume::from_value(v);
        }
    }
    throw Error({}, "unknown emission-factor unit '" + std::string(unit) + "'", "use one of " + accepted(kFactorUnits));
}

std::string_view display_unit(AmountKind k) {
    switch (k) {
        case AmountKind::energy: return "MWh";
        case AmountKind::distance: return "km";
        case AmountKind::mass: return "t";
        case AmountKind::area: return "ha";
        case AmountKind::count: return "count";
        case AmountKind::volume: return "m3";
    }
    return "?";
}

double display_value(const Amount& a) {
    return std::visit(
        [](auto q) -> double {
            using T = decltype(q);
            if constexpr (std::is_same_v<T, Energy>) return in_mwh(q);
            else if constexpr (std::is_same_v<T, Distance>) return in_km(q);
            else if constexpr (std::is_same_v<T, Mass>) return in_tonnes(q);
            else if constexpr (std::is_same_v<T, Area>) return in_ha(q);
            else if constexpr (std::is_same_v<T, Volume>) return in_m3(q);
            else return in_count(q);
        },
        a);
}

std::string display_factor_unit(AmountKind k) { return "kg/" + std::string(display_unit(k)); }

double display_factor_value(const FactorValue& f) {
    // kg of gas per display unit of activity: emission of one display unit.
    const Amount one = make_amount(1.0, display_unit(factor_kind(f)));
    return in_kg(emission(one, f));
}

Mass emission(const Amount& a, const FactorValue& f) {
    return std::visit(
        [&](auto q, auto ef) -> Mass {
            using Product = decltype(q * ef);
            if constexpr (std::is_same_v<Product, Mass>) {
                return q * ef;
            } else {
                throw Error({},
                            "activity is " + std::string(to_string(kind_of(a))) + " but the factor is per " +
                                std::string(to_string(factor_kind(f))),
                            "give the activity in a unit that matches the factor, or use a factor per " +
                                std::string(display_unit(kind_of(a))));
            }
        },
        a, f);
}

Amount scale(const Amount& a, Ratio r) {
    return std::visit([&](auto q) -> Amount { return decltype(q)(q * r); }, a);
}

Amount add(const Amount& a, const Amount& b) {
    if (a.index() != b.index())
        throw Error({},
                    "cannot add " + std::string(to_string(kind_of(b))) + " to " + std::string(to_string(kind_of(a))));
    return std::visit(
        [&](auto q) -> Amount {
            using T = decltype(q);
            return T(q + std::get<T>(b));
        },
        a);
}

}  // namespace klima::units
