// The engine's facade for the climate impact of a political decision
// (`klima impact`, docs/impact.md): the adopted scenario run three ways — as
// adopted, with the proposal's measures added, and the proposal alone on BAU —
// and the difference told as a council case needs it: the effect per year and
// sector, in 2030 and cumulatively 2025–2050, on the 2030 gap and the budget
// year, the cost per tonne, and how the proposal interacts with the plan.
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

// Throws klima::Error (kind input or io) naming the scenario or proposal file
// and JSON path at fault: a proposal measure whose id the plan already uses,
// a start before the year after the launch year, growth on a row no
// inventory up to the launch year holds, a non-finite figure.
ImpactResult assess_impact(const ImpactRequest& request);

}  // namespace klima::api
