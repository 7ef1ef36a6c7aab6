// Lower heating values and densities of fuels, by year, each with its source
// and status: what turns litres, cubic metres and tonnes of a fuel into energy
// (docs/method.md, "Fuels in litres, cubic metres and tonnes"). Knows nothing
// of file formats.
#pragma once

#include "klima/error.hpp"
#include "klima/units.hpp"

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

namespace klima {

// What a property row states, and per what.
enum class FuelBasis {
    heating_value_per_mass,           // GJ/t
    heating_value_per_volume,         // GJ/m3, MJ/l
    heating_value_per_normal_volume,  // GJ/Nm3: gas at 0 °C and 1.01325 bar
    density,                          // kg/l
};
std::string_view to_string(FuelBasis b);

struct FuelProperty {
    std::string carrier;
    FuelBasis basis = FuelBasis::heating_value_per_mass;
    // EnergyPerMass, EnergyPerVolume (per m3 or per Nm3, as `basis` says) or MassPerVolume.
    std::variant<units::EnergyPerMass, units::EnergyPerVolume, units::MassPerVolume> value;
    double written = 0;  // the value and unit as written in the file, for output
    std::string unit;
    int year_from = 0, year_to = 0;  // inclusive
    std::string status;              // official, derived or illustrative
    std::string source;
    Location origin;
};

// How one volume or mass of fuel became energy.
struct FuelConversion {
    units::Amount given;  // the volume or mass as read
    std::string unit;     // the unit it was written in ("l", "Nm3", "t"); empty when unknown
    units::Energy energy;
    const FuelProperty* heating_value = nullptr;
    const FuelProperty* density = nullptr;  // set when a volume went through its mass
    // "1000 l × 0.85 kg/l × 42.84 GJ/t = 36.414 GJ", for output.
    std::string formula() const;
};

class FuelProperties {
public:
    // Throws when the row's years overlap another row of the same carrier and basis.
    void add(FuelProperty p);

    // The energy of `amount` (a Volume or Mass) of `carrier` in `year`, written
    // in `unit`. Mass: m × heating value per mass. l, m3: V × heating value per
    // volume, else V × density × heating value per mass. Nm3: V × heating value
    // per normal volume. An empty `unit` tries these in turn. Throws
    // klima::Error (without location) naming the units the carrier can take.
    // The conversion points into this object.
    FuelConversion to_energy(std::string_view carrier, const units::Amount& amount, std::string_view unit,
                             int year) const;
    bool can_convert(std::string_view carrier, std::string_view unit, int year) const;
    // The years around `year` (first, last; inclusive, `year` among them) in which every
    // property of `carrier` is the same row, so to_energy, can_convert and unit_error find the
    // same rows. Unbounded sides are INT_MIN and INT_MAX.
    std::pair<int, int> same_rows(std::string_view carrier, int year) const;
    // "MWh, GJ, TJ, kWh, l, m3, t, kg": every unit `carrier` can be given in in `year`.
    std::string accepted_units(std::string_view carrier, int year) const;
    // The error (field "unit", no file) for `carrier` given in `unit` when it
    // cannot be converted: the units it takes, and the fix. For m3 of a gas
    // known per Nm3 only, the fix says how the two differ and what to write.
    Error unit_error(std::string_view carrier, std::string_view unit, int year) const;

    std::size_t size() const { return count_; }
    std::vector<const FuelProperty*> all() const;  // in no particular order

private:
    const FuelProperty* find(std::string_view carrier, FuelBasis basis, int year) const;

    std::unordered_map<std::string, std::vector<FuelProperty>> by_carrier_;
    std::size_t count_ = 0;
};

}  // namespace klima
