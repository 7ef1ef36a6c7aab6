// What a scenario run produces, and what reports read: BAU and scenario
// trajectories and each measure's contribution, cost and metadata.
// Contributions sum exactly to bau − scenario (order-free attribution).
#pragma once

#include "klima/trajectory.hpp"
#include "klima/units.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace klima {

struct MeasureResult {
    std::string id;     // unique within the scenario, e.g. "elbusser"
    std::string type;   // "effects", or the preset it came from, e.g. "electric_buses"
    std::string name;   // human name (Danish in the bundled scenarios)
    std::string theme;  // empty when the plan gives none
    std::string owner;  // responsible unit; empty when the plan does not say (DK2020 check flags it)
    int start_year = 0;
    int full_effect_year = 0;  // phase-in complete
    Trajectory effect;         // avoided emissions per row and year (positive = reduction)
    units::Money cost;         // total cost over the horizon, DKK
    std::optional<units::MoneyPerMass> cost_per_tonne;  // none when nothing is avoided
    std::map<int, units::Mass> realised;  // realised effect reported per year (may be empty)
};

struct ScenarioResult {
    std::string name;
    std::string municipality;  // e.g. "koege"
    int base_year = 0;
    std::string gwp_set;
    Trajectory bau;       // base_year..2050, t CO2e per row
    Trajectory scenario;  // same shape
    std::vector<MeasureResult> measures;
    // Base-year activity values that were missing: they are left out of BAU
    // and scenario alike (never projected as zero), so both are understated.
    int base_year_missing = 0;
    // Where attribution fell back to the Owen value over themes (a row with
    // more than 16 interacting measures in a year); empty otherwise.
    struct OwenUse {
        std::string row;  // "sector/subsector"
        int year = 0;
        std::size_t measures = 0;  // interacting measures on that row and year
    };
    std::vector<OwenUse> owen;
};

// Measures summed by theme, themes in the order they first appear; measures
// without a theme form one group with an empty name.
struct ThemeResult {
    std::string theme;
    std::vector<std::size_t> measures;  // indices into ScenarioResult::measures
    Trajectory effect;                  // sum of the measures' effects
    units::Money cost;
};
std::vector<ThemeResult> themes_of(const ScenarioResult& r);
// Whether any measure names a theme (then tables and charts group by theme).
bool names_themes(const std::vector<ThemeResult>& themes);

}  // namespace klima
