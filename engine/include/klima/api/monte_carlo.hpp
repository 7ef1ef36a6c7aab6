// The engine's facade for uncertainty: Monte Carlo draws of a scenario's
// uncertain inputs (multipliers with distributions on activity rows, factors,
// driver growth and measure sizes, given in the data files, the scenario or an
// uncertainty file; docs/analysis.md),
// each draw run without attribution. Gives per year the 5th, 50th and 95th
// percentile of BAU and scenario and the probability of meeting each target.
// Draw i uses its own generator seeded from (seed, i), so results do not
// depend on the number of threads. Knows nothing of command-line flags.
#pragma once

#include "klima/api/scenario.hpp"
#include "klima/report/inventory_report.hpp"
#include "klima/targets.hpp"

#include <optional>
#include <string>
#include <vector>

namespace klima::api {

struct MonteCarloRequest {
    ScenarioRequest scenario;
    // An uncertainty file; its inputs replace those of the data and the
    // scenario with the same target. None: only the data's and the scenario's.
    std::optional<std::string> uncertainty_file;
    int draws = 1000;
    std::uint64_t seed = 1;
    int threads = 1;                          // ≥ 1
    std::optional<std::string> targets_file;  // none: the one the scenario names
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

// The most draws and threads a run takes: 100,000 draws keep the stored totals near 120 MB
// (34 years × 2 series + the drawn inputs, 8 bytes each, per draw) and give percentiles whose
// sampling error is below a fifth of a percentage point.
inline constexpr int kMaxDraws = 100'000;
inline constexpr int kMaxThreads = 64;

// Throws a usage error about the request's `draws` or `threads` (Subject::request) unless
// 1 ≤ draws ≤ kMaxDraws and 1 ≤ threads ≤ kMaxThreads. monte_carlo calls it; so does the
// report before anything runs.
void check_draw_settings(int draws, int threads);

// Throws klima::Error: usage for draws or threads out of range (check_draw_settings); the uncertainty
// file's errors naming its JSON path; the loading errors of run_scenario;
// input when no distribution is given anywhere; a draw that overdraws a row
// names the draw.
MonteCarloOutcome monte_carlo(const MonteCarloRequest& request);

// Whether the scenario, its activity, factors or drivers carry a distribution,
// so that a Monte Carlo needs no uncertainty file (for `klima report`). Loads
// the scenario's inputs; runs nothing. The first form for inputs already loaded.
bool has_uncertainty(const ScenarioOutcome& loaded);
bool has_uncertainty(const ScenarioRequest& request);

std::string render_monte_carlo(const MonteCarloOutcome& outcome, report::Format format);

}  // namespace klima::api
