// Rendering a scenario run: BAU vs scenario by sector for milestone years,
// drivers and factor paths, each measure's effect, cumulative avoided
// emissions, cost and cost per tonne (table); everything per year (JSON, CSV).
#pragma once

#include "klima/report/format.hpp"
#include "klima/scenario.hpp"
#include "klima/scope_total.hpp"

#include <string>
#include <vector>

namespace klima::report {

// base year, 2025, 2030, …, 2050 (those within the run's years).
std::vector<int> milestone_years(int base_year, int end_year);

// The formats render_scenario makes; another throws Error (usage) before anything is rendered.
inline constexpr std::array kScenarioFormats{Format::table, Format::json, Format::csv};

// Every total is the run's total in `scope` (scope_total.hpp: the targets' scope,
// construction and LULUCF outside it shown apart), as the report and the workbench give it.
std::string render_scenario(const ScenarioRun& run, const ReferenceData& ref, Format format,
                            TargetScope scope = kDefaultScope);

}  // namespace klima::report
