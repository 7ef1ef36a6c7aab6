// The target path of a plan, built in one place for the report and every
// analysis (MACC, portfolio, Monte Carlo, solve): the targets anchored on the
// inventories' totals in the targets' scope, and on the base-year BAU where
// the inventories lack the base year. Depends on the core only.
#pragma once

#include "klima/inventory.hpp"
#include "klima/plan_inputs.hpp"
#include "klima/scenario_result.hpp"
#include "klima/targets.hpp"

#include <vector>

namespace klima::analysis {

struct PlanTargets {
    TargetSet targets;
    TargetPath path;
};

// The one builder: `known` (inventory totals in targets.scope) with the
// base-year BAU of `scenario` added when `known` lacks its base year
// (scenario may be null: nothing is added).
TargetPath build_target_path(const TargetSet& targets, EmissionsByYear known, const ScenarioResult* scenario,
                             const Taxonomy& taxonomy);

// The inventories of every year of the plan's activity (an error names the activity file).
std::vector<InventoryResult> plan_inventories(const PlanInputs& in);

// The totals of `inventories` in `scope`.
EmissionsByYear inventory_totals(const std::vector<InventoryResult>& inventories, TargetScope scope,
                                 const Taxonomy& taxonomy);

// The plan's targets (require_targets: an error when none are named) and their
// path anchored on all its inventories (and `scenario`'s base-year BAU, when given).
PlanTargets plan_targets(const PlanInputs& in, const ScenarioResult* scenario);

// Throws a usage error about the request's `year` (Subject::request) unless it lies after the
// launch year, at most `end_year`, and on the target path: the year a solve or a MACC is asked for.
void require_projected_year(int year, int launch_year, int end_year, const TargetPath& path);

// The total of `year` in `scope`: klima::scope_total's `total` (scope_total.hpp).
units::Mass scope_total(const Trajectory& t, int year, TargetScope scope, const Taxonomy& taxonomy);

}  // namespace klima::analysis
