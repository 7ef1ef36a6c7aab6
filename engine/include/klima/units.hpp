// Typed quantities for klima. Every quantity that crosses an engine API is one
// of these Boost.Units types; raw doubles appear only at the edges (parsing a
// number with its unit string, printing a number in a chosen unit).
//
// The unit system is SI (metre, kilogram, second) plus one base unit of our
// own: the Danish krone, so that costs and cost per tonne are typed too.
#pragma once

#include <boost/units/base_dimension.hpp>
#include <boost/units/base_unit.hpp>
#include <boost/units/make_system.hpp>
#include <boost/units/physical_dimensions/area.hpp>
#include <boost/units/physical_dimensions/energy.hpp>
#include <boost/units/physical_dimensions/length.hpp>
#include <boost/units/physical_dimensions/mass.hpp>
#include <boost/units/physical_dimensions/volume.hpp>
#include <boost/units/quantity.hpp>
#include <boost/units/systems/si/base.hpp>
#include <boost/units/unit.hpp>

#include <string>
#include <string_view>
#include <variant>

namespace klima::units {

namespace bu = boost::units;

struct currency_base_dimension : bu::base_dimension<currency_base_dimension, 901> {};
using currency_dimension = currency_base_dimension::dimension_type;

struct dkk_base_unit : bu::base_unit<dkk_base_unit, currency_dimension, 901> {
    static const char* name() { return "Danish krone"; }
    static const char* symbol() { return "DKK"; }
};

using system =
    bu::make_system<bu::si::meter_base_unit, bu::si::kilogram_base_unit, bu::si::second_base_unit, dkk_base_unit>::type;

template <class Dimension>
using Q = bu::quantity<bu::unit<Dimension, system>, double>;

using Energy = Q<bu::energy_dimension>;    // stored in joule
using Mass = Q<bu::mass_dimension>;        // stored in kilogram
using Distance = Q<bu::length_dimension>;  // stored in metre
using Area = Q<bu::area_dimension>;        // stored in square metre
using Volume = Q<bu::volume_dimension>;    // stored in cubic metre
using Money = Q<currency_dimension>;       // stored in DKK
using Count = Q<bu::dimensionless_type>;   // heads, persons, households, vehicles
using Ratio = Count;                       // shares, efficiencies, COP

using MassPerEnergy = decltype(Mass{} / Energy{});
using MassPerDistance = decltype(Mass{} / Distance{});
using MassPerArea = decltype(Mass{} / Area{});
using MassPerMass = decltype(Mass{} / Mass{});          // dimensionless
using MassPerCount = decltype(Mass{} / Count{});        // = Mass
using MassPerVolume = decltype(Mass{} / Volume{});      // a density, or a factor per m³ of fuel
using EnergyPerMass = decltype(Energy{} / Mass{});      // a lower heating value per mass
using EnergyPerVolume = decltype(Energy{} / Volume{});  // a lower heating value per volume
using EnergyPerDistance = decltype(Energy{} / Distance{});
using MoneyPerMass = decltype(Money{} / Mass{});

// ---- construction from numbers in named units (the only way in) ----
inline constexpr double kJoulePerMWh = 3.6e9;
inline constexpr double kJoulePerGJ = 1e9;

inline Energy joules(double v) { return Energy::from_value(v); }
inline Energy gigajoules(double v) { return joules(v * kJoulePerGJ); }
inline Energy megawatt_hours(double v) { return joules(v * kJoulePerMWh); }
inline Energy kilowatt_hours(double v) { return joules(v * 3.6e6); }
inline Energy terajoules(double v) { return joules(v * 1e12); }
inline Mass kilograms(double v) { return Mass::from_value(v); }
inline Mass tonnes(double v) { return kilograms(v * 1000.0); }
inline Distance kilometres(double v) { return Distance::from_value(v * 1000.0); }
inline Area square_metres(double v) { return Area::from_value(v); }
inline Area hectares(double v) { return square_metres(v * 1e4); }
inline Volume cubic_metres(double v) { return Volume::from_value(v); }
inline Volume litres(double v) { return cubic_metres(v * 1e-3); }
inline Money dkk(double v) { return Money::from_value(v); }
inline Count count(double v) { return Count::from_value(v); }
inline Ratio ratio(double v) { return Ratio::from_value(v); }

inline MassPerEnergy kg_per_gj(double v) { return kilograms(v) / gigajoules(1.0); }
inline MassPerEnergy kg_per_mwh(double v) { return kilograms(v) / megawatt_hours(1.0); }
inline MassPerDistance kg_per_km(double v) { return kilograms(v) / kilometres(1.0); }
inline MassPerArea kg_per_m2(double v) { return kilograms(v) / square_metres(1.0); }
inline MassPerArea t_per_ha(double v) { return tonnes(v) / hectares(1.0); }
inline EnergyPerDistance kwh_per_km(double v) { return kilowatt_hours(v) / kilometres(1.0); }
inline EnergyPerMass gj_per_tonne(double v) { return gigajoules(v) / tonnes(1.0); }
inline EnergyPerVolume gj_per_m3(double v) { return gigajoules(v) / cubic_metres(1.0); }
inline MassPerVolume kg_per_litre(double v) { return kilograms(v) / litres(1.0); }

// ---- reading numbers out in named units (only for printing and storage) ----
inline double in_tonnes(Mass m) { return m.value() / 1000.0; }
inline double in_kg(Mass m) { return m.value(); }
inline double in_mwh(Energy e) { return e.value() / kJoulePerMWh; }
inline double in_gj(Energy e) { return e.value() / kJoulePerGJ; }
inline double in_km(Distance d) { return d.value() / 1000.0; }
inline double in_m2(Area a) { return a.value(); }
inline double in_ha(Area a) { return a.value() / 1e4; }
inline double in_m3(Volume v) { return v.value(); }
inline double in_litres(Volume v) { return v.value() * 1e3; }
inline double in_dkk(Money m) { return m.value(); }
inline double in_count(Count c) { return c.value(); }
inline double in_kg_per_gj(MassPerEnergy f) { return f.value() * kJoulePerGJ; }
inline double in_kg_per_mwh(MassPerEnergy f) { return f.value() * kJoulePerMWh; }
inline double in_dkk_per_tonne(MoneyPerMass c) { return c.value() * 1000.0; }

// An activity amount: what was consumed, driven, landfilled, kept or built.
// A fuel may be given by volume or mass; it becomes energy with its heating
// value (fuel_properties.hpp) unless its factor is per volume or mass.
using Amount = std::variant<Energy, Distance, Mass, Area, Count, Volume>;
// An emission factor: mass of one gas per unit of activity.
using FactorValue = std::variant<MassPerEnergy, MassPerDistance, MassPerMass, MassPerArea, MassPerCount, MassPerVolume>;

enum class AmountKind { energy, distance, mass, area, count, volume };  // in the order of Amount

AmountKind kind_of(const Amount& a);
// An amount of kind `k` with SI value `si` (J, m, kg, m², count, m³), and back.
Amount amount_of(AmountKind k, double si);
double si_value(const Amount& a);
double si_value(const FactorValue& f);         // kg per SI unit of its activity
AmountKind factor_kind(const FactorValue& f);  // the activity kind the factor applies to
std::string_view to_string(AmountKind k);

// Parse "MWh", "GJ", "km", "t", "ha", "head", "l", "m3", "Nm3" ... Throws
// klima::Error (without location; callers add it) listing the accepted units;
// a value that is not finite, or overflows in conversion, is an error at the
// field "quantity". Nm3 (a cubic metre of gas at 0 °C and 1.01325 bar) is a
// Volume; only a heating value tells it from m3 (fuel_properties.hpp).
Amount make_amount(double value, std::string_view unit);
// The symbol above for a unit as officers also write it: "m³" and "M3" → "m3",
// "Nm³" → "Nm3", "m²" → "m2", "L", "liter", "litre" → "l", "ton", "tonnes" → "t",
// "kwh" → "kWh", "MWH" → "MWh", "gj" → "GJ"; any other text as it is. Readers
// keep the symbol, so that every later step sees one spelling.
std::string_view canonical_unit(std::string_view written);
FactorValue make_factor(double value, std::string_view unit);

// The canonical unit an amount is printed in (MWh, km, t, ha, count, m3) and its value there.
std::string_view display_unit(AmountKind k);
double display_value(const Amount& a);
// A factor in the display unit per display unit (kg/MWh, kg/km, kg/t, kg/ha, kg/count).
std::string display_factor_unit(AmountKind k);
double display_factor_value(const FactorValue& f);

// Amount × factor; throws klima::Error when the kinds do not match (e.g. MWh × kg/km).
Mass emission(const Amount& a, const FactorValue& f);

// Scale an amount by a dimensionless ratio (used by measures on activity data).
Amount scale(const Amount& a, Ratio r);
Amount add(const Amount& a, const Amount& b);  // throws on kind mismatch

}  // namespace klima::units
