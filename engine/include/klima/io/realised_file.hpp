// Reading realised measure effects (CSV: measure,year,t_co2e,source), the
// figures a municipality reports on what its measures achieved.
#pragma once

#include "klima/progress.hpp"

#include <string>
#include <vector>

namespace klima::io {

// Throws klima::Error naming file and line for a missing column, an empty
// measure or source, a year outside 1990–2050, or a value that is not a number.
std::vector<RealisedEffect> load_realised(const std::string& path);

}  // namespace klima::io
