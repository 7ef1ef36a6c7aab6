// Internal to the facades: a scenario request loaded (reference data, spec,
// activity, drivers) and then run, as two steps, so that the report facade
// can choose the launch year from the activity before running.
#pragma once

#include "klima/api/scenario.hpp"

namespace klima::api::detail {

// Everything read, nothing run: outcome.run.result is empty.
ScenarioOutcome load(const ScenarioRequest& request);

// Runs the loaded scenario and records the electricity and district-heat
// factor paths it used.
void run(ScenarioOutcome& loaded);

}  // namespace klima::api::detail
