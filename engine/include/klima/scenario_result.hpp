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
    std::string type;   // measure type, e.g. "electric_buses"
    std::string name;   // human name (Danish in the bundled scenarios)
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
};

}  // namespace klima
