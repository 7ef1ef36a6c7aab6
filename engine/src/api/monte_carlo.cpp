// api::monte_carlo: the plan loaded once, its launch year from one run without
// attribution, then analysis::monte_carlo on a pool of the requested threads.
#include "klima/api/monte_carlo.hpp"

#include "scenario_steps.hpp"

namespace klima::api {

MonteCarloOutcome monte_carlo(const MonteCarloRequest& request) {
    check_draw_settings(request.draws, request.threads);  // before anything is read
    const auto in = detail::load_with_targets(request.scenario, request.targets_file);
    require_targets(in);
    const auto planned = detail::run(in, RunOptions{false});
    const auto targets = analysis::plan_targets(in, &planned);
    const analysis::MonteCarloSettings settings{detail::uncertainty_file(request.uncertainty_file, in), request.draws,
                                                request.seed};
    ThreadPool pool(request.threads);
    return analysis::monte_carlo(in, planned.launch_year, targets, settings, pool);
}

bool has_uncertainty(const ScenarioRequest& request) { return analysis::has_uncertainty(detail::load(request)); }

}  // namespace klima::api
