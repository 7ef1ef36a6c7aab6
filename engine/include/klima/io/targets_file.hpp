// Reading a municipality's targets (data/targets/*.json) into a TargetSet.
#pragma once

#include "klima/targets.hpp"

#include <string>

namespace klima::io {

// Throws klima::Error with the file and JSON path for a missing or mistyped
// key, a year outside 1990–2050, a reduction outside 0–100 %, interim targets
// out of order or not between reference and neutrality year, a neutrality
// year after 2050, and a target without a source.
TargetSet load_targets(const std::string& path);
TargetSet parse_targets(std::string_view text, const std::string& name);

}  // namespace klima::io
