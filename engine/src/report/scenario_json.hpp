// A scenario run as JSON: what `klima scenario run --format json` prints and the workbench answers
// to a recompute. Written straight from the run into one string, its bytes those of the run built
// as one nlohmann::json value and dumped with dump(2) (keys in byte order), then "chp_allocation"
// last and a newline. Private to engine/src/report; render_scenario is the way in.
#pragma once

#include "klima/reference_data.hpp"
#include "klima/scenario.hpp"
#include "klima/targets.hpp"

#include <string>

namespace klima::report {

// Every total in `scope` (scope_total.hpp). `run.spec.measures` are the specs of `run.result.measures`,
// one for one (std::out_of_range when the spec has fewer). Keeps nothing: safe to call concurrently.
std::string render_scenario_json(const ScenarioRun& run, const ReferenceData& ref, TargetScope scope);

}  // namespace klima::report
