// The engine's facade for the climate impact of a political decision
// (`klima impact`, docs/impact.md): loads the adopted plan once, runs it, reads
// the proposal and hands them to analysis::assess_impact
// (klima/analysis/impact.hpp, where the outcome types and the method live).
// Knows nothing of command-line flags or HTTP.
#pragma once

#include "klima/analysis/impact.hpp"
#include "klima/api/scenario.hpp"
#include "klima/gap.hpp"
#include "klima/io/proposal_file.hpp"
#include "klima/targets.hpp"

#include <optional>
#include <string>
#include <vector>

namespace klima::api {

struct ImpactRequest {
    ScenarioRequest scenario;   // the adopted scenario (its targets file gives the gap)
    std::string proposal_file;  // a proposal JSON file (docs/impact.md)
};

using analysis::GapFigures;
using analysis::GrowthRow;
using analysis::ImpactResult;
using analysis::ImpactSector;
using analysis::ImpactSeries;

// Throws klima::Error (kind input or io) naming the scenario, targets or
// proposal file and JSON path at fault: the loading errors of run_scenario,
// and those of analysis::assess_impact.
ImpactResult assess_impact(const ImpactRequest& request);

}  // namespace klima::api
