// Everything an inventory is computed against, bundled: taxonomy, carriers,
// emission factors and GWP sets. Validates activity data against itself.
#pragma once

#include "klima/activity.hpp"
#include "klima/factors.hpp"
#include "klima/fuel_properties.hpp"
#include "klima/taxonomy.hpp"

namespace klima {

struct ReferenceData {
    Taxonomy taxonomy;
    CarrierTable carriers;
    FactorLibrary factors;
    GwpTable gwp;
    FuelProperties fuel_properties;  // heating values and densities of fuels

    // Throws klima::Error at the record's origin for an unknown sector,
    // subsector or carrier, a quantity kind the subsector does not accept, or
    // a negative quantity. A volume or mass of a fuel counts as energy in a
    // subsector that takes energy when the fuel's properties convert it that
    // year or its factors there are per that kind; otherwise the error names
    // the units the carrier can take.
    void validate(const ActivityRecord& r) const;
};

}  // namespace klima
