// api::assess_impact: the plan loaded once (with its targets, when it names them) and run once,
// the proposal and the household electricity read, then analysis::assess_impact.
#include "klima/api/impact.hpp"

#include "scenario_steps.hpp"

#include "klima/io/household_electricity.hpp"

namespace klima::api {

ImpactResult assess_impact(const ImpactRequest& request) {
    const auto in = detail::load_with_targets(request.scenario, std::nullopt);  // none named: no gap
    const auto proposal = io::load_proposal(request.proposal_file, in.spec.base_year);
    const auto adopted = detail::run(in);
    // A resident's electricity: the data directory's household figure, where it has one.
    std::optional<io::HouseholdElectricity> household;
    if (proposal.growth)
        household = io::load_household_electricity(request.scenario.data_dir + "/impact/household_electricity.csv");
    return analysis::assess_impact(in, adopted, proposal, household);
}

}  // namespace klima::api
