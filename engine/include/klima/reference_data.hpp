// Everything an inventory is computed against, bundled: taxonomy, carriers,
// emission factors and GWP sets. Validates activity data against itself.
#pragma once

#include "klima/activity.hpp"
#include "klima/factors.hpp"
#include "klima/taxonomy.hpp"

namespace klima {

struct ReferenceData {
    Taxonomy taxonomy;
    CarrierTable carriers;
    FactorLibrary factors;
    GwpTable gwp;
    // The CHP allocation set the electricity and district-heat factors were loaded for.
    ChpAllocation allocation = ChpAllocation::declared;

    // Throws klima::Error at the record's origin for an unknown sector,
    // subsector or carrier, a quantity kind the subsector does not accept, or
    // a negative quantity.
    void validate(const ActivityRecord& r) const;
};

}  // namespace klima
