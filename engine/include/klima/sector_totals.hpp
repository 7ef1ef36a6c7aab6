// One year's territorial emissions by sector, from an inventory or from a
// column of a trajectory: the common input of targets, gap and progress.
#pragma once

#include "klima/inventory.hpp"
#include "klima/targets.hpp"
#include "klima/taxonomy.hpp"
#include "klima/trajectory.hpp"

#include <map>
#include <string>

namespace klima {

struct SectorTotals {
    int year = 0;
    std::map<std::string, units::Mass> by_sector;  // territorial sectors only, "lulucf" included
    int missing = 0;                               // activity values missing in the inventory (0 for a trajectory)

    units::Mass incl_lulucf() const;
    units::Mass excl_lulucf() const;
    units::Mass total(TargetScope scope) const;
    bool has(const std::string& sector) const { return by_sector.count(sector) > 0; }
};

// Territorial sectors of an inventory (construction and other sectors
// reported apart are left out).
SectorTotals sector_totals(const InventoryResult& inv, const Taxonomy& taxonomy);
// Rows "sector/subsector" of a trajectory in `year`; throws klima::Error for a
// row the taxonomy does not know.
SectorTotals sector_totals(const Trajectory& t, int year, const Taxonomy& taxonomy);

}  // namespace klima
