// The inventory computation: activity × emission factor × GWP, per line, per
// gas, summed by subsector, sector and gas. Knows nothing of file formats.
#pragma once

#include "klima/activity.hpp"
#include "klima/reference_data.hpp"

#include <array>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace klima {

struct GasEmission {
    Gas gas = Gas::CO2;
    units::Mass mass;              // mass of the gas itself
    units::Mass co2e;              // mass × GWP
    const EmissionFactor* factor;  // the row used (points into ReferenceData)
    double gwp = 1.0;              // GWP-100 applied
};

struct InventoryLine {
    ActivityRecord record;
    const Subsector* subsector = nullptr;
    std::vector<GasEmission> gases;  // empty when the amount is missing
    // Set when a volume or mass of fuel was turned into energy for a factor per
    // energy (points into ReferenceData::fuel_properties). When every factor of
    // the line is per energy, record.amount is that energy, and the volume or
    // mass as read is conversion->given.
    std::optional<FuelConversion> conversion;
    units::Mass co2e;
    bool missing() const { return !record.amount.has_value(); }
};

struct Total {
    units::Mass co2e;
    std::array<units::Mass, 4> gas_co2e{};  // indexed by Gas
    int missing = 0;                        // lines whose amount was missing (not included in co2e)
    int lines = 0;
    void add(const InventoryLine& l);
};

struct InventoryResult {
    int year = 0;
    std::string gwp_set;
    std::vector<InventoryLine> lines;
    std::map<std::string, Total> by_sector;     // "energi"
    std::map<std::string, Total> by_subsector;  // "energi/el"
    std::map<Gas, units::Mass> by_gas_mass;     // tonnes of each gas
    std::map<Gas, units::Mass> by_gas_co2e;
    Total territorial;  // all territorial sectors, LULUCF included
    Total territorial_excl_lulucf;
    Total reported_apart;  // e.g. byggeri (embodied construction)
    // Gas lines by the status of their factor (indexed by FactorStatus), and
    // the t CO2e of those in territorial subsectors: what the report says rests
    // on illustrative or derived factors, summed in line order.
    std::array<int, 3> factors_by_status{};
    std::array<units::Mass, 3> territorial_co2e_by_status{};
    // "sector/subsector" where a local factor override was applied, and how many gas lines used one.
    std::set<std::string> overridden_subsectors;
    int override_factors = 0;
    int missing_cells() const { return territorial.missing + reported_apart.missing; }
};

// Gives each line of an inventory, in order, to a visitor: from the lines held
// in InventoryResult::lines, or made again from a streamed source.
using InventoryLineVisitor = std::function<void(const InventoryLine&)>;
using InventoryLines = std::function<void(const InventoryLineVisitor&)>;
// The lines held in `inv` (which must outlive the returned function).
InventoryLines held_lines(const InventoryResult& inv);

// An inventory built one record at a time, for inputs too large to hold: the
// totals are those compute_inventory gives for the same records in the same
// order, bit for bit. Lines are kept only when asked. Not for concurrent use;
// `ref` must outlive it and the lines it returns.
class InventoryBuilder {
public:
    InventoryBuilder(int year, const ReferenceData& ref, const std::string& gwp_set, bool keep_lines);
    // Room for `lines` kept lines: a line has no noexcept move (Boost.Units
    // quantities), so a growing vector would copy every line as it doubles.
    void reserve(std::size_t lines) { out_.lines.reserve(lines); }
    // Computes the line of `record` (of the builder's year), taking its
    // strings, adds it to the totals and returns it; the reference is valid
    // until the next add. Throws klima::Error at the record's origin as
    // compute_inventory does.
    const InventoryLine& add(ActivityRecord&& record);
    // The totals (and lines, when kept). Throws klima::Error when no record
    // was added, or when the total of the lines added is not finite (at the
    // first line that makes it so).
    InventoryResult finish() &&;

private:
    const ReferenceData& ref_;
    const GwpSet& gwp_;
    bool keep_;
    InventoryResult out_;
    InventoryLine line_;  // the last line, when lines are not kept
    int added_ = 0;
    units::Mass running_;               // Σ |line t CO2e|: a total's overflow found at its line
    std::optional<Location> overflow_;  // the first line past which it is not finite
};

// Compute the inventory of `year`. Throws klima::Error at a record's origin
// when no factor covers it, when its unit fits neither the factor nor (for a
// volume or mass of fuel) the fuel's properties, when an emission or the total
// is not finite, and when `year` has no records at all.
InventoryResult compute_inventory(const ActivitySet& records, int year, const ReferenceData& ref,
                                  const std::string& gwp_set = kDefaultGwpSet);
// The same, each line taking its record out of `records` instead of copying
// it (less memory for a large file). On return `records` is empty; after an
// error its records may be emptied but for their years.
InventoryResult compute_inventory(ActivitySet&& records, int year, const ReferenceData& ref,
                                  const std::string& gwp_set = kDefaultGwpSet);

}  // namespace klima
