// Everything an inventory is computed against, bundled: taxonomy, carriers,
// emission factors and GWP sets. Validates activity data against itself.
#pragma once

#include "klima/activity.hpp"
#include "klima/factors.hpp"
#include "klima/fuel_properties.hpp"
#include "klima/taxonomy.hpp"

#include <optional>

namespace klima {

struct ReferenceData {
    Taxonomy taxonomy;
    CarrierTable carriers;
    FactorLibrary factors;
    GwpTable gwp;
    FuelProperties fuel_properties;  // heating values and densities of fuels
    // The CHP allocation set the electricity and district-heat factors were loaded for.
    ChpAllocation allocation = ChpAllocation::declared;

    // Throws klima::Error at the record's origin for an unknown sector,
    // subsector or carrier, a quantity kind the subsector does not accept, or
    // a negative quantity. A volume or mass of a fuel counts as energy in a
    // subsector that takes energy when the fuel's properties convert it that
    // year or its factors there are per that kind; otherwise the error names
    // the units the carrier can take.
    void validate(const ActivityRecord& r) const;

    // The amount `f` multiplies for record `r` (which has an amount): the
    // record's own, or — for a volume or mass of fuel and a factor per
    // energy — its energy, with the conversion stored in `conversion` (computed
    // once, reused when already set). Throws klima::Error (field "unit" or
    // "quantity", no file) when the fuel cannot be converted.
    units::Amount amount_for(const ActivityRecord& r, const EmissionFactor& f,
                             std::optional<FuelConversion>& conversion) const;
};

}  // namespace klima
