// The options every command that runs a scenario shares (--data-dir,
// --allocation, --from-year, --db), turned into the engine's typed request.
#pragma once

#include "args.hpp"

#include "klima/api/scenario.hpp"

#include <string>

namespace klima::cli {

// --from-year must be a year of the horizon (a UsageError otherwise); whether
// the activity holds an inventory for it is the engine's to say.
api::ScenarioRequest scenario_request(const Args& args, const std::string& scenario_file);

}  // namespace klima::cli
