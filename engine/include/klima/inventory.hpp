// The inventory computation: activity × emission factor × GWP, per line, per
// gas, summed by subsector, sector and gas. Knows nothing of file formats.
#pragma once

#include "klima/activity.hpp"
#include "klima/reference_data.hpp"

#include <array>
#include <map>
#include <optional>
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
    int missing_cells() const { return territorial.missing + reported_apart.missing; }
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
