// api::abatement_cost: the plan loaded once and run once, then analysis::abatement_cost.
#include "klima/api/abatement.hpp"

#include "scenario_steps.hpp"

namespace klima::api {

AbatementOutcome abatement_cost(const AbatementRequest& request) {
    check_discount_rate(request.discount_rate);  // before anything is read
    analysis::check_budget(request.budget);
    const auto in = detail::load_with_targets(request.scenario, request.targets_file);
    require_targets(in);
    const auto run = detail::run(in);
    const auto targets = analysis::plan_targets(in, &run);
    return analysis::abatement_cost(in, run, targets, {request.year, request.discount_rate, request.budget});
}

}  // namespace klima::api
