// Reading a trends file (JSON, docs/scenarios.md "Trends"): what BAU holds
// without the municipality's measures. Every error names the file and the
// JSON path and says how to fix it.
#pragma once

#include "klima/trends.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace klima::io {

// At most this many trends in one file (a listening server reads files the
// caller names: a limit before the work).
inline constexpr std::size_t kMaxTrends = 64;

// The trends of `text`; `name` names the file in errors. Throws klima::Error
// (kind input) for a missing or unknown key, a share outside [0, 1] or
// falling, a status that is not official, derived (with what from) or
// illustrative, or an id used twice.
std::vector<Trend> parse_trends(std::string_view text, const std::string& name);
std::vector<Trend> load_trends(const std::string& path);

}  // namespace klima::io
