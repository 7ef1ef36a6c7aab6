// Internal to the facades: a scenario request turned into a PlanRequest and
// an input source, its plan loaded once (klima/plan_inputs.hpp) and then run,
// as separate steps, so that the report facade can choose the launch year
// from the activity before running and hand one run to every analysis.
#pragma once

#include "klima/api/scenario.hpp"
#include "klima/plan_inputs.hpp"

#include <memory>

namespace klima::api::detail {

PlanRequest plan_request(const ScenarioRequest& request);

// The store's source when the request names a store, else the data files'; its reference data
// through the request's reference cache when it names one.
std::unique_ptr<InputSource> source_for(const ScenarioRequest& request);

// After a load: when the request names a store and the plan's history is national (read from the
// data directory's figures whatever the source), tells the request's notice so.
void tell_store_not_read(const ScenarioRequest& request, const PlanInputs& in);

// load_plan through source_for(request), then tell_store_not_read.
PlanInputs load(const ScenarioRequest& request);
// The same, with the targets: `targets_file`, else the one the scenario names.
PlanInputs load_with_targets(const ScenarioRequest& request, const std::optional<std::string>& targets_file);

// The uncertainty file `path` read for the loaded plan (its measure ids); none when no path.
std::optional<UncertaintyFile> uncertainty_file(const std::optional<std::string>& path, const PlanInputs& in);

// The plan run with `options` (attribution unless told otherwise).
ScenarioResult run(const PlanInputs& in, const RunOptions& options = {});

// The outcome the front ends see: the inputs moved into it, with the run and
// the electricity and district-heat factor paths it used.
ScenarioOutcome outcome(PlanInputs&& in, ScenarioResult&& result);

}  // namespace klima::api::detail
