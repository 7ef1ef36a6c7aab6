// A scenario: the history of inventories from the base year, then the latest
// inventory projected to 2050 with BAU drivers, plus measures acting on the
// activity of each later year. Running it gives BAU and scenario
// trajectories and each measure's Shapley contribution.
#pragma once

#include "klima/activity.hpp"
#include "klima/drivers.hpp"
#include "klima/effects.hpp"
#include "klima/horizon.hpp"
#include "klima/measures.hpp"
#include "klima/reference_data.hpp"
#include "klima/scenario_result.hpp"
#include "klima/trends.hpp"
#include "klima/uncertain_input.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace klima {

// One measure: its effects (written out, or expanded from a preset) and how
// they phase in. Any number of measures; see docs/scenarios.md.
struct MeasureSpec {
    std::string id;
    std::string type;  // "effects", or the preset it was expanded from ("heat_pumps", …)
    std::string name, owner;
    std::string theme;  // e.g. "Transport"; empty when the plan gives none
    PhaseIn phase;      // start_year and full_effect_year always set
    units::Money cost;  // total over the horizon, DKK, undiscounted
    std::vector<Effect> effects;
    std::vector<Location> effect_at;  // per effect, its JSON path (errors name it)
    std::string source;               // where the parameters come from, or "illustrative: …"
    Location origin;                  // file and JSON path of the measure, for errors
    // "uncertainty": a distribution of the measure's size multiplier (Monte
    // Carlo only, docs/analysis.md); none when the measure gives none.
    std::optional<Distribution> uncertainty;
};

struct ScenarioSpec {
    std::string name;
    std::string municipality;   // e.g. "koege"
    std::string file;           // the scenario file itself
    std::string activity_file;  // resolved path (national: the regnskab's emissions file)
    // "history": {"national": CODE} instead of "activity": sector totals from data/national/
    // (national/national_history.hpp); source and vintage are set when they are loaded.
    ScenarioHistory history;
    std::string drivers_file;                 // resolved path
    std::optional<std::string> targets_file;  // resolved path to data/targets/<municipality>.json
    int base_year = 0;
    int end_year = kLastYear;
    // The inventory year the projection starts from; none: the latest year
    // with activity data (docs/method.md, "Projection from the latest inventory").
    std::optional<int> launch_year;
    std::string gwp_set = kDefaultGwpSet;
    DriverMapping driver_mapping = default_driver_mapping();
    std::vector<MeasureSpec> measures;
    // The trends file the scenario names ("trends"), resolved; none: a frozen BAU.
    std::optional<std::string> trends_file;
    // The trends BAU holds (read from trends_file by load_plan); empty: frozen.
    std::vector<Trend> trends;
    // The inputs of the scenario's "uncertainty" object ({"inputs": [...]}, the
    // uncertainty file's format), each naming its JSON path; empty when absent.
    std::vector<UncertainInput> uncertainty;
};

// Run a scenario on activity data (every year base..launch with records is an
// inventory) and drivers. `ref` must hold factors for every year base..end.
// Each measure's effect is its order-free share (docs/method.md,
// "Attribution"); the shares sum to BAU − scenario. Throws klima::Error for a
// launch year without activity, missing driver years, missing factors,
// effects on unknown rows, or measures that together remove more than a row
// holds.
ScenarioResult run_scenario(const ScenarioSpec& spec, const ActivitySet& activity, const Drivers& drivers,
                            const ReferenceData& ref);

// How much of a run to compute.
struct RunOptions {
    // false: BAU and scenario only, for callers that run a scenario many
    // times (solve, Monte Carlo). The trajectories are the same as with
    // attribution; each measure's `effect` stays zero, `planned` empty,
    // `cost_per_tonne` none, and the plan as adopted is not projected.
    bool attribution = true;
    // true: a fixed removal asking for more than its row holds takes what is
    // there, as in the attribution's sub-coalitions, instead of being an
    // error. For runs of a plan with some measures scaled down (the
    // portfolio's check run), where a measure that made room for another
    // may be left out; a whole scenario as written keeps it false.
    bool take_what_is_there = false;
};
// As above, with `options`; the four-argument form uses RunOptions{}.
ScenarioResult run_scenario(const ScenarioSpec& spec, const ActivitySet& activity, const Drivers& drivers,
                            const ReferenceData& ref, const RunOptions& options);

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
