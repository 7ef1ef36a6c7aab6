// Reading scenario JSON files and driver CSV files. Every error names the
// file and the JSON path ("/measures/2/start_year") or CSV line.
#pragma once

#include "klima/drivers.hpp"
#include "klima/reference_data.hpp"
#include "klima/scenario.hpp"

#include <string>
#include <string_view>

namespace klima::io {

// Paths inside the file are relative to the file's directory.
ScenarioSpec parse_scenario(std::string_view text, const std::string& name);
ScenarioSpec load_scenario(const std::string& path);
Drivers load_drivers(const std::string& path);

// Parse + load activity (validated against ref) and drivers + run, and
// record the electricity and district-heat factor path of the run.
ScenarioRun run_scenario_file(const std::string& path, const ReferenceData& ref);

}  // namespace klima::io
