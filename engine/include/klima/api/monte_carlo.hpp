// The engine's facade for uncertainty: loads the plan once and hands it to
// analysis::monte_carlo (klima/analysis/monte_carlo.hpp, where the outcome
// types and the method live) on the request's executor, or on a pool of
// `threads`. Knows nothing of command-line flags.
#pragma once

#include "klima/analysis/monte_carlo.hpp"
#include "klima/api/scenario.hpp"
#include "klima/report/inventory_report.hpp"
#include "klima/targets.hpp"

#include <optional>
#include <string>
#include <vector>

namespace klima::api {

using analysis::check_draw_settings;
using analysis::DrawnInput;
using analysis::InputInfluence;
using analysis::kMaxDraws;
using analysis::kMaxThreads;
using analysis::MonteCarloOutcome;
using analysis::Spread;
using analysis::TargetChance;
using analysis::YearSpread;

struct MonteCarloRequest {
    ScenarioRequest scenario;
    // An uncertainty file; its inputs replace those of the data and the
    // scenario with the same target. None: only the data's and the scenario's.
    std::optional<std::string> uncertainty_file;
    int draws = analysis::kDefaultDraws;
    std::uint64_t seed = analysis::kDefaultSeed;
    int threads = 1;                          // ≥ 1; results do not depend on it
    std::optional<std::string> targets_file;  // none: the one the scenario names
    // A pool shared by several runs (a batch of municipalities, the workbench), on which the
    // draws run instead of `threads`; not owned, and it must outlive the call. None: a pool of
    // `threads` started for this call.
    Executor* executor = nullptr;
};

// Throws klima::Error: usage for draws or threads out of range (check_draw_settings); the uncertainty
// file's errors naming its JSON path; the loading errors of run_scenario;
// input when no distribution is given anywhere; a draw that overdraws a row
// names the draw.
MonteCarloOutcome monte_carlo(const MonteCarloRequest& request);

// Whether the scenario, its activity, factors or drivers carry a distribution,
// so that a Monte Carlo needs no uncertainty file. Loads the scenario's inputs; runs nothing.
bool has_uncertainty(const ScenarioRequest& request);

}  // namespace klima::api
