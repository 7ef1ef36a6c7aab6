// The engine's facade for running a scenario: what the CLI and the web server
// both call. It reads the reference data, the scenario file, its activity
// (from the file the scenario names, or from the inventory store) and
// drivers, and runs the scenario. Knows nothing of command-line flags or HTTP.
#pragma once

#include "klima/factors.hpp"
#include "klima/reference_data.hpp"
#include "klima/scenario.hpp"
#include "klima/scope_total.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace klima {
class ReferenceCache;  // klima/plan_inputs.hpp
class InputFileCache;  // klima/input_file_cache.hpp
namespace store {
class ReadPool;  // klima/store/read_pool.hpp
}
}  // namespace klima

namespace klima::api {

struct ScenarioRequest {
    std::string scenario_file;  // a scenario JSON file; paths inside it are relative to it
    // The scenario's JSON text, when it does not come from a file (the web
    // server's edited scenario): scenario_file then only names it in errors
    // and anchors the relative paths inside it, and is not read.
    std::optional<std::string> scenario_json;
    // `scenario_json` already parsed (io::parse_scenario with scenario_file), when the caller had to
    // parse it anyway (the web server's sandbox check): used as is instead of parsing it again.
    std::shared_ptr<const ScenarioSpec> scenario_spec;
    std::string data_dir;  // taxonomy, carriers, factors, GWP sets
    ChpAllocation allocation = ChpAllocation::declared;
    // The inventory year the projection starts from; none: the scenario
    // file's from_year, else the latest inventory year (docs/method.md).
    std::optional<int> from_year;
    // Activity from an inventory store instead of the scenario's activity
    // file: for each year, the records of the newest version holding it; the
    // store's current factor set replaces the data directory's factors.
    std::optional<std::string> store;
    // A CSV of local factor overrides laid over the reference factors (io/factor_overrides.hpp).
    std::optional<std::string> factor_overrides;
    // Where the data directory's reference data is kept between requests (the workbench's);
    // none: read from data_dir each time. The store's factors and the overrides are read each time.
    std::shared_ptr<ReferenceCache> reference_cache;
    // Told, in engine words, what the caller may not expect of the load (a national history read
    // from the data directory although a store was asked for); none: not told. Called on the
    // loading thread.
    std::function<void(const std::string&)> notice;
    // Where the parsed drivers, targets, trends and (read from files, without factor overrides)
    // activity are kept between requests, read again when a file changes on disk; none: read each time.
    std::shared_ptr<InputFileCache> input_files;
    // The store's activity and factors read through a connection of this pool (the workbench's,
    // opened once for `store`) instead of opening `store` for the request; none: opened each time.
    std::shared_ptr<store::ReadPool> store_pool;
};

struct ScenarioOutcome {
    // What the run used (allocation applied, store factors when asked): shared with the reference
    // cache that keeps it when the request names one, and never changed (const).
    std::shared_ptr<const ReferenceData> ref;
    ScenarioRun run;
    // The scope of the targets file the scenario names (read and checked for the
    // same municipality); kDefaultScope when it names none. Every total of the
    // run's outputs is taken in it (scope_total.hpp).
    TargetScope scope = kDefaultScope;
};

// Throws klima::Error (kind input, io or store) naming the file and JSON path or line at fault.
ScenarioOutcome run_scenario(const ScenarioRequest& request);

// Each year's records from the newest activity version of the store that
// holds that year, in year order. Throws klima::Error (kind store) for a store
// without activity.
ActivitySet newest_activity_by_year(const std::string& store_path);

}  // namespace klima::api
