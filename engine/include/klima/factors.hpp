// Emission factors, energy carriers and GWP sets: the reference data an
// inventory is computed with. Every value carries its source and whether it
// is an official figure or an illustrative one.
#pragma once

#include "klima/distribution.hpp"
#include "klima/error.hpp"
#include "klima/units.hpp"

#include <array>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace klima {

enum class Gas { CO2, CH4, N2O, CO2e };
inline constexpr std::array<Gas, 4> kAllGases{Gas::CO2, Gas::CH4, Gas::N2O, Gas::CO2e};
std::string_view to_string(Gas g);
std::optional<Gas> parse_gas(std::string_view s);

enum class CarrierKind { fuel, electricity, district_heat, non_energy };

// How the fuel of combined heat and power (CHP) is split between electricity
// and district heat, which decides the electricity and district-heat factors.
//   declared: electricity by the 125 % method, district heat by the 200 % method,
//             as Energinet's electricity declaration and the district-heating
//             declarations publish them (the default);
//   pct125, pct200: both carriers by the 125 % or the 200 % method;
//   energy: both by energy content.
// A factor row names the sets it belongs to (data/factors, column `allocation`).
enum class ChpAllocation { declared, pct125, pct200, energy };
inline constexpr std::array<ChpAllocation, 4> kAllChpAllocations{ChpAllocation::declared, ChpAllocation::pct125,
                                                                 ChpAllocation::pct200, ChpAllocation::energy};
std::string_view to_string(ChpAllocation a);  // "declared", "125", "200", "energy"
std::optional<ChpAllocation> parse_chp_allocation(std::string_view s);
// One line saying what the set means, e.g. "electricity 125 % method, district heat 200 % method".
std::string_view describe(ChpAllocation a);
std::string_view to_string(CarrierKind k);
std::optional<CarrierKind> parse_carrier_kind(std::string_view s);

struct Carrier {
    std::string code, name_da, name_en;
    CarrierKind kind = CarrierKind::fuel;
    std::string source;
};

class CarrierTable {
public:
    void add(Carrier c);
    const Carrier* find(std::string_view code) const;
    const Carrier& require(std::string_view code, const Location& where) const;
    const std::vector<Carrier>& all() const { return carriers_; }

private:
    std::vector<Carrier> carriers_;
};

// Where a factor's number comes from: taken from the cited publication
// (official), interpolated or carried forward from published figures, the
// source saying from what (derived), or set by us (illustrative).
enum class FactorStatus { official, derived, illustrative };
std::string_view to_string(FactorStatus s);  // "official", "derived", "illustrative"
std::optional<FactorStatus> parse_factor_status(std::string_view s);

struct EmissionFactor {
    std::string carrier;
    std::string subsector;  // empty: valid in every subsector
    Gas gas = Gas::CO2;
    units::FactorValue value;
    int year_from = 0, year_to = 0;  // inclusive
    bool illustrative = false;       // status "illustrative": set by us, the source says why
    bool derived = false;            // status "derived": interpolated or carried forward; the source says from what
    std::string source;
    Location origin;  // where the row was read
    // The "uncertainty" column: a distribution of the factor's multiplier,
    // for Monte Carlo (docs/analysis.md); none when the cell is empty or absent.
    std::optional<Distribution> uncertainty;
    // A local override (a municipality's own figure, e.g. its district-heating company's
    // declaration) laid over the reference set: FactorLibrary::lay_over, io::load_factor_overrides.
    bool override_layer = false;

    FactorStatus status() const {
        return illustrative ? FactorStatus::illustrative : derived ? FactorStatus::derived : FactorStatus::official;
    }
    void set_status(FactorStatus s) {
        illustrative = s == FactorStatus::illustrative;
        derived = s == FactorStatus::derived;
    }
};

class FactorLibrary {
public:
    // Throws when the row overlaps an existing one of the same layer (reference or
    // override) for the same carrier, subsector and gas in any year.
    void add(EmissionFactor f);

    // Adds every row of `overrides` as an override (override_layer set): where an override
    // covers a carrier, subsector and year, lookup takes it in place of the reference rows of
    // its gas, and an override given as CO2e in place of the reference rows of every gas. An
    // override without subsector covers the carrier in every subsector, whatever subsector rows
    // the reference has. Throws as add does when two overrides overlap.
    void lay_over(const FactorLibrary& overrides);

    // The factors that apply to one activity: per gas, a subsector-specific
    // row wins over a generic one, and an override (lay_over) over either. Empty when none
    // covers the year.
    std::vector<const EmissionFactor*> lookup(std::string_view carrier, std::string_view subsector, int year) const;
    // The years around `year` (first, last; inclusive, `year` among them) in which lookup(carrier,
    // subsector, ·) returns the same rows: no row lookup looks at begins or ends in between.
    // Unbounded sides are INT_MIN and INT_MAX.
    std::pair<int, int> same_rows(std::string_view carrier, std::string_view subsector, int year) const;
    std::size_t size() const { return count_; }
    std::vector<const EmissionFactor*> all() const;

private:
    // carrier -> rows; rows are few per carrier, a scan is cheaper than a tree.
    std::unordered_map<std::string, std::vector<EmissionFactor>> by_carrier_;
    std::size_t count_ = 0;
};

// The GWP set used when none is named: IPCC AR5, as in UNFCCC reporting under the
// Paris Agreement's Enhanced Transparency Framework (docs/method.md). The one place
// the default is written; a set of that name must be in data/gwp.csv.
inline constexpr const char* kDefaultGwpSet = "AR5";

// A set of 100-year global warming potentials (IPCC AR4, AR5 or AR6).
struct GwpSet {
    std::string name;
    std::array<double, 4> gwp100{};  // indexed by Gas; CO2 and CO2e are 1
    std::array<std::string, 4> source;
    units::Mass co2e(Gas g, units::Mass m) const { return m * units::ratio(gwp100[static_cast<int>(g)]); }
};

class GwpTable {
public:
    GwpSet& upsert(const std::string& name);
    const GwpSet& require(std::string_view name) const;  // throws listing known sets
    const std::vector<GwpSet>& all() const { return sets_; }

private:
    std::vector<GwpSet> sets_;
};

}  // namespace klima
