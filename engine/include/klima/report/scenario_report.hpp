// Rendering a scenario run: BAU vs scenario by sector for milestone years,
// drivers and factor paths, each measure's effect, cumulative avoided
// emissions, cost and cost per tonne (table); everything per year (JSON, CSV).
#pragma once

#include "klima/report/inventory_report.hpp"
#include "klima/scenario.hpp"

#include <string>
#include <vector>

namespace klima::report {

// base year, 2025, 2030, …, 2050 (those within the run's years).
std::vector<int> milestone_years(int base_year, int end_year);

std::string render_scenario(const ScenarioRun& run, const ReferenceData& ref, Format format);

}  // namespace klima::report
