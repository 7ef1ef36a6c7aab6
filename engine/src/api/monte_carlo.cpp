// api::monte_carlo: the plan loaded once, its launch year from one run without
// attribution, then analysis::monte_carlo on the request's executor or a pool of its threads.
#include "klima/api/monte_carlo.hpp"

#include "scenario_steps.hpp"

namespace klima::api {

MonteCarloOutcome monte_carlo(const MonteCarloRequest& request) {
    // Before anything is read or a thread started.
    check_draw_settings(request.draws, request.executor ? request.executor->workers() : request.threads);
    const auto in = detail::load_with_targets(request.scenario, request.targets_file);
    require_targets(in);
    const auto planned = detail::run(in, RunOptions{false});
    const auto targets = analysis::plan_targets(in, &planned);
    const analysis::MonteCarloSettings settings{detail::uncertainty_file(request.uncertainty_file, in), request.draws,
                                                request.seed};
    std::optional<ThreadPool> own;
    Executor& executor = request.executor ? *request.executor : own.emplace(request.threads);
    return analysis::monte_carlo(in, planned.launch_year, targets, settings, executor);
}

bool has_uncertainty(const ScenarioRequest& request) { return analysis::has_uncertainty(detail::load(request)); }

}  // namespace klima::api
