// Internal to io: one measure of a scenario file, written as effects or as a
// preset with params (docs/scenarios.md). Errors name the file and JSON path.
#pragma once

#include "json_object.hpp"

#include "klima/scenario.hpp"

#include <functional>
#include <string>

namespace klima::io {

// `preset` turns a preset type and its params into typed parameters.
MeasureSpec read_measure(JsonObject& m, int base_year, const std::string& file,
                         const std::function<MeasureParams(const std::string&, JsonObject&, const Location&)>& preset);

}  // namespace klima::io
