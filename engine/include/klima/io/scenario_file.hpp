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

}  // namespace klima::io
