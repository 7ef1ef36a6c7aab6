// Measures defined in data. A measure is a list of effects; each effect
// selects activity rows (sector, subsector, carrier; "*" for any) and does
// one of a closed set of operations, scaled by the measure's phase-in share of
// the year. docs/scenarios.md shows every operation with an example;
// docs/method.md gives the formulas. Knows nothing of file formats.
#pragma once

#include "klima/units.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace klima {

inline constexpr std::string_view kAny = "*";

// Which activity rows an effect acts on: a code, or "*" for any.
struct RowSelector {
    std::string sector{kAny}, subsector{kAny}, carrier{kAny};
    bool matches(std::string_view sector, std::string_view subsector, std::string_view carrier) const;
    std::string describe() const;  // "energi/individuel_opvarmning naturgas", "*" where open
};

// A row an effect writes to: no wildcards.
struct RowKey {
    std::string sector, subsector, carrier;
    std::string describe() const;
};

// How far a measure (or one effect) reaches at full effect, in the physical
// unit it is planned in: 6000 households, 70 buses, 300 ha, 20,000 m².
struct Uptake {
    units::Amount quantity;              // e.g. Count 6000, Area 3e6 m²
    units::Amount one;                   // one unit as written: Count 1, Area 1e4 m² for "ha"
    std::string unit;                    // as written: "households", "ha"
    units::Ratio units_reached() const;  // quantity / one: 6000, 300
};

// The size of an effect at full effect. A share acts on the selected rows as
// they are when the effect applies; an amount is absolute (per unit of
// uptake when `uptake` is set). At phase p: share p·s(·u), amount p·a(·u).
struct EffectSize {
    enum class Basis { share, amount };
    Basis basis = Basis::share;
    units::Ratio share;                   // basis share
    std::optional<units::Amount> amount;  // basis amount
    std::optional<Uptake> uptake;         // multiplies share or amount by the units reached
    units::Ratio share_at(units::Ratio phase) const;
    units::Amount amount_at(units::Ratio phase) const;  // throws std::bad_optional_access for a share
};

// Reduce activity: less heat, fewer car-km, less electricity.
struct Reduce {
    RowSelector rows;
    EffectSize size;
};

// Move a service (useful heat, vehicle-km, …) from one carrier to another.
// Source → service: a row in km is its own service; otherwise energy ÷
// from_intensity gives km, energy × from_efficiency useful energy, else the
// amount itself. Service → target: km × to_intensity, useful energy ÷
// to_efficiency (a COP), else the service itself. An amount-sized switch is
// sized in service; a share-sized one takes that share of the source rows.
// A switch never moves a row onto itself (el → el is skipped).
// A shift is a switch on the demand side: a share of a service moved to
// another kind of activity (car-km to rail); it applies with the demand
// changes, before fuel switches act on what remains.
struct Switch {
    bool shift = false;
    RowSelector from;
    RowKey to;
    std::optional<units::Ratio> from_efficiency, to_efficiency;
    std::optional<units::EnergyPerDistance> from_intensity, to_intensity;
    EffectSize size;
};

// New activity on a row: more rail electricity, new biogas.
struct Add {
    RowKey row;
    EffectSize size;  // amount
};

// A factor changed from the effect's start on: the district-heating
// supplier's fuel mix, the biogas share of the gas grid. Acts on the CO2e
// intensity of the selected rows (all gases together): a reduction share, or
// a new value approached with the phase-in.
struct FactorChange {
    RowSelector rows;
    std::optional<units::Ratio> reduction;         // 0.3: 30 % lower at full effect
    std::optional<units::FactorValue> co2e_value;  // kg CO2e per unit at full effect
};

// A row with a factor of the measure's own: land use (ha × t CO2e/ha/yr,
// negative for a sink) and construction (m² × kg CO2e/m²). The amount may
// replace the same amount of an existing carrier of the same subsector
// (cultivated lowland rewetted, conventional m² built climate-friendly).
struct OwnRow {
    std::string op;                       // "land_use" or "construction"
    RowKey row;                           // carrier: the measure's own code, e.g. "skov_ny:skovrejsning"
    units::FactorValue co2e_per_unit;     // kg CO2e per m² (per ha: stored per m²)
    std::optional<std::string> replaces;  // carrier code in the same subsector
    EffectSize size;                      // amount, an area
};

using Effect = std::variant<Reduce, Switch, Add, FactorChange, OwnRow>;

std::string_view effect_op(
    const Effect& e);  // "reduce", "shift", "switch", "add", "factor", "land_use", "construction"

// Canonical stage an effect is applied in, so that no result depends on the
// order a file lists measures in: 1 demand (reduce, shift), 2 fixed-size
// switches and additions, 3 shares switched (of what remains), 4 rows with
// own factors. Factor changes act on intensities, after all activity. Within
// a stage: measure id, effect index.
int effect_stage(const Effect& e);

// How a measure's effect grows over the years.
struct PhaseIn {
    enum class Shape { linear, s_curve, step, table };
    Shape shape = Shape::linear;
    int start_year = 0;
    int full_effect_year = 0;
    double midpoint = 0.0;                            // s_curve: the year of half effect (may be fractional)
    double steepness = 1.0;                           // s_curve: logistic rate per year
    std::vector<std::pair<int, units::Ratio>> table;  // table: year → share, years increasing

    // The share of full effect in `year`, in [0, 1]:
    //  linear: 0 before start, (y − start + 1)/(full − start + 1), 1 from full;
    //  step:   0 before start, 1 from start;
    //  s_curve: logistic L(y) = 1/(1 + e^(−k(y − mid))) rescaled so that the
    //           year before start is 0 and full is 1: (L(y) − L(start−1))/(L(full) − L(start−1));
    //  table:  0 before the first year, linear between listed years, the last share after.
    units::Ratio share(int year) const;
};
std::string_view to_string(PhaseIn::Shape s);

// Linear phase-in (the default shape), kept as a free function.
units::Ratio phase_in(int start_year, int full_effect_year, int year);

}  // namespace klima
