// The engine's facade for "what it takes": loads the plan once, runs it and
// hands both to analysis::solve (klima/analysis/solve.hpp, where the outcome
// types and the method live). Knows nothing of command-line flags.
#pragma once

#include "klima/analysis/solve.hpp"
#include "klima/api/scenario.hpp"
#include "klima/progress.hpp"
#include "klima/report/inventory_report.hpp"
#include "klima/targets.hpp"

#include <optional>
#include <string>
#include <vector>

namespace klima::api {

using analysis::kMaxScale;
using analysis::ScaledMeasure;
using analysis::ScaleLimit;
using analysis::SolveOutcome;
using analysis::to_string;

struct SolveRequest {
    ScenarioRequest scenario;
    int year = kMilestoneYear;                // the year the target path must be met
    std::optional<std::string> measure;       // a measure id; none: all measures scaled together
    std::optional<std::string> targets_file;  // none: the one the scenario names
};

// Throws klima::Error: of kind usage for a measure id the scenario lacks or a
// year that is not projected (after the launch year, up to the end year,
// on the target path); else the loading errors of run_scenario and the
// targets file's.
SolveOutcome solve_scenario(const SolveRequest& request);

}  // namespace klima::api
