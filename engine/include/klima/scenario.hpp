// A scenario: base-year inventory projected to 2050 with BAU drivers, plus
// measures acting on the activity of each year. Running it gives BAU and
// scenario trajectories and each measure's Shapley contribution.
#pragma once

#include "klima/activity.hpp"
#include "klima/drivers.hpp"
#include "klima/measures.hpp"
#include "klima/reference_data.hpp"
#include "klima/scenario_result.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace klima {

struct MeasureSpec {
    std::string id, type, name, owner;
    int start_year = 0;
    int full_effect_year = 0;
    units::Money cost;  // total over the horizon, DKK, undiscounted
    MeasureParams params;
    std::string source;  // where the parameters come from, or "illustrative: …"
    Location origin;     // file and JSON path of the measure, for errors
};

struct ScenarioSpec {
    std::string name;
    std::string municipality;  // e.g. "koege"
    std::string file;          // the scenario file itself
    std::string activity_file; // resolved path
    std::string drivers_file;  // resolved path
    std::optional<std::string> targets_file;  // resolved path to data/targets/<municipality>.json
    int base_year = 0;
    int end_year = 2050;
    std::string gwp_set = "AR5";
    DriverMapping driver_mapping = default_driver_mapping();
    std::vector<MeasureSpec> measures;
};

inline constexpr std::size_t kMaxShapleyMeasures = 12;

// Run a scenario on activity data and drivers. `ref` must hold factors for
// every year base..end.
// Throws klima::Error for > kMaxShapleyMeasures measures, missing driver
// years, missing factors, or a measure removing more than there is.
ScenarioResult run_scenario(const ScenarioSpec& spec, const ActivitySet& activity, const Drivers& drivers,
                            const ReferenceData& ref);

struct ScenarioRun {
    ScenarioSpec spec;
    ActivitySet activity;
    ScenarioResult result;
    Drivers drivers;
    // The national factor paths the run used, kg CO2e per MWh delivered, per
    // year base..end (a year is absent when no factor covers it).
    std::map<int, units::MassPerEnergy> electricity_factor, district_heat_factor;
};

}  // namespace klima
