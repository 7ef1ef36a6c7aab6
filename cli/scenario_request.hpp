// The options every command that runs a scenario shares (--data-dir,
// --allocation, --from-year, --db), declared once and turned into the
// engine's typed request.
#pragma once

#include "klima/api/scenario.hpp"

#include <optional>
#include <string>

namespace CLI {
class App;
}  // namespace CLI

namespace klima::cli {

struct ScenarioRequestOptions {
    std::optional<std::string> data_dir, db, factors;
    std::optional<int> from_year;
    ChpAllocation allocation = ChpAllocation::declared;
};

// Declares --data-dir, --allocation, --factors, --from-year and --db on `command`.
void add_scenario_request_options(CLI::App& command, ScenarioRequestOptions& into);

// --from-year must be a year of the horizon (a UsageError otherwise); whether
// the activity holds an inventory for it is the engine's to say.
api::ScenarioRequest scenario_request(const ScenarioRequestOptions& o, const std::string& scenario_file);

}  // namespace klima::cli
