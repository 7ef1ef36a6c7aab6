// The Monte Carlo as a function of a plan's inputs and its computed run:
// draws of the uncertain inputs (multipliers with distributions on activity
// rows, factors, driver growth and measure sizes, given in the data files,
// the scenario or an uncertainty file; docs/analysis.md), each draw run
// without attribution. Gives per year the 5th, 50th and 95th percentile of
// BAU and scenario and the probability of meeting each target. Draw i uses its
// own generator seeded from (seed, i), so results depend neither on the
// executor nor on the number of stripes. Depends on the core only; renders
// nothing (report/ does).
#pragma once

#include "klima/analysis/target_path.hpp"
#include "klima/draws.hpp"
#include "klima/executor.hpp"
#include "klima/plan_inputs.hpp"
#include "klima/scenario_result.hpp"
#include "klima/targets.hpp"
#include "klima/uncertain_input.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace klima::analysis {

// The default number of draws (docs/analysis.md), the seed, the most draws and threads (klima/draws.hpp).
using klima::kDefaultDraws;
using klima::kDefaultSeed;
using klima::kMaxDraws;
using klima::kMaxThreads;

struct MonteCarloSettings {
    // An uncertainty file as read (io/uncertainty_file.hpp); its inputs replace those of
    // the data and the scenario with the same target. None: only the data's and the scenario's.
    std::optional<UncertaintyFile> uncertainty_file;
    int draws = kDefaultDraws;
    std::uint64_t seed = kDefaultSeed;
};

struct Spread {
    units::Mass mean, sd, p5, p50, p95;
};

struct YearSpread {
    int year = 0;
    Spread bau, scenario;  // in the targets' scope
};

struct TargetChance {
    int year = 0;
    units::Mass target;        // the target path in that year
    units::Ratio probability;  // share of draws with scenario ≤ target
};

struct InputInfluence {
    std::string input;        // "factor * * naturgas", "measure elbusser"
    double rank_correlation;  // Spearman's ρ of the input's draws with the scenario in the first target year
};

struct DrawnInput {
    std::string input;  // as in InputInfluence
    std::string from;   // where its distribution was given: "data/koege/activity.csv:95", "u.json#/inputs/0"
};

struct MonteCarloOutcome {
    std::string scenario_name;
    int draws = 0, launch_year = 0;
    int inputs = 0;                 // how many uncertain inputs each draw draws
    std::vector<DrawnInput> drawn;  // those inputs, in draw order
    std::uint64_t seed = 0;
    TargetScope scope = TargetScope::incl_lulucf;
    std::vector<YearSpread> years;          // launch year .. end year
    std::vector<TargetChance> targets;      // interim targets and neutrality after the launch year
    std::vector<InputInfluence> influence;  // by |ρ|, largest first
};

// Throws a usage error about the request's `draws` or `threads` (Subject::request) unless
// 1 ≤ draws ≤ kMaxDraws and 1 ≤ threads ≤ kMaxThreads. The facades call it before anything runs.
void check_draw_settings(int draws, int threads);

// `launch_year`: the launch year of the plan's run (ScenarioResult::launch_year);
// `targets`: its target path. The draws run on `executor`, split into
// executor.workers() stripes. Reads no file. Throws klima::Error: usage for
// draws out of range; input when no distribution is given anywhere; a draw
// that overdraws a row names the draw.
MonteCarloOutcome monte_carlo(const PlanInputs& in, int launch_year, const PlanTargets& targets,
                              const MonteCarloSettings& settings, Executor& executor);

// Whether the scenario, its activity, factors or drivers carry a distribution,
// so that a Monte Carlo needs no uncertainty file (for `klima report`).
bool has_uncertainty(const PlanInputs& in);

}  // namespace klima::analysis
