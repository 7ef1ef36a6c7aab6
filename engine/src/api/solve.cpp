// api::solve_scenario: the plan loaded once and run once without attribution, then analysis::solve.
#include "klima/api/solve.hpp"

#include "scenario_steps.hpp"

namespace klima::api {

SolveOutcome solve_scenario(const SolveRequest& request) {
    const PlanInputs in = detail::load_with_targets(request.scenario, request.targets_file);
    analysis::check_solve_measure(in.spec, request.measure);  // before anything runs
    const auto targets = analysis::plan_targets(in, nullptr);
    const auto planned = detail::run(in, RunOptions{false});
    return analysis::solve(in, planned, targets, {request.year, request.measure});
}

}  // namespace klima::api
