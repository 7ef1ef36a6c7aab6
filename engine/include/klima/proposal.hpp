// A political decision for `klima impact` (docs/impact.md): measures in the
// scenario's own measure format, and optionally growth (a housing area:
// residents and floor area built) that adds activity. Read by
// io/proposal_file.hpp, assessed by analysis/impact.hpp. Types only; knows
// nothing of JSON or of how growth becomes activity.
#pragma once

#include "klima/effects.hpp"
#include "klima/error.hpp"
#include "klima/scenario.hpp"

#include <optional>
#include <string>
#include <vector>

namespace klima {

// Activity the proposal gives itself for its residents at full effect,
// replacing the per-inhabitant estimate of that row's subsector.
struct GrowthActivity {
    RowKey row;
    units::Amount amount;  // per year, all residents
    std::string source;
    Location at;  // JSON path of the entry
};

// A new housing area (or any growth in residents): residents moving in
// linearly from_year..full_year, floor area built evenly over the same years.
struct GrowthSpec {
    std::string id, name;
    units::Count residents;
    int from_year = 0, full_year = 0;
    std::optional<units::Area> floor_area;       // total built
    std::optional<units::MassPerArea> embodied;  // kg CO2e per m²; none: the inventory's new-build factor
    std::vector<std::string> per_inhabitant;     // subsectors "sector/subsector" estimated per inhabitant
    std::vector<Location> per_inhabitant_at;
    std::vector<GrowthActivity> activity;  // own figures
    units::Money cost;
    std::string source;
    Location origin;  // "/growth"
};

struct Proposal {
    std::string file;
    std::string name;
    std::string description;
    std::vector<MeasureSpec> measures;  // read exactly as a scenario's measures
    std::optional<GrowthSpec> growth;
};

}  // namespace klima
