// Reading a proposal file for `klima impact` (docs/impact.md): a political
// decision as measures in the scenario's own measure format, and optionally
// growth (a housing area: residents and floor area built) that adds activity.
// Every error names the proposal file and the JSON path. Knows nothing of how
// growth becomes activity (api/impact.hpp does that from the inventory).
#pragma once

#include "klima/effects.hpp"
#include "klima/scenario.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace klima::io {

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

// The subsectors a growth estimates per inhabitant when it lists none:
// heating, electricity and car transport.
const std::vector<std::string>& default_per_inhabitant();

// `base_year`: the scenario's (a measure starts after it, as in a scenario).
// Throws klima::Error (kind input) naming `name` and the JSON path.
Proposal parse_proposal(std::string_view text, const std::string& name, int base_year);
Proposal load_proposal(const std::string& path, int base_year);

}  // namespace klima::io
