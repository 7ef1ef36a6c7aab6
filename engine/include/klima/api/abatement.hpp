// The engine's facade for abatement cost: loads the plan once, runs it and
// hands both to analysis::abatement_cost (klima/analysis/abatement.hpp, where
// the outcome types and the method live). Knows nothing of command-line flags.
#pragma once

#include "klima/analysis/abatement.hpp"
#include "klima/api/scenario.hpp"
#include "klima/report/inventory_report.hpp"
#include "klima/targets.hpp"

#include <optional>
#include <string>
#include <vector>

namespace klima::api {

using analysis::AbatementOutcome;
using analysis::check_discount_rate;
using analysis::kSocialDiscountRate;
using analysis::MeasureCost;
using analysis::PortfolioOutcome;

struct AbatementRequest {
    ScenarioRequest scenario;
    int year = kMilestoneYear;  // the target year of the MACC width and the portfolio
    units::Ratio discount_rate = units::ratio(kSocialDiscountRate);  // a year; 0: undiscounted
    std::optional<units::Money> budget;                              // none: the cheapest portfolio meeting the path
    std::optional<std::string> targets_file;                         // none: the one the scenario names
};

// Throws klima::Error: of kind usage for a year that is not projected or a
// negative budget or rate; else the loading errors of run_scenario and the targets file's.
AbatementOutcome abatement_cost(const AbatementRequest& request);

}  // namespace klima::api
