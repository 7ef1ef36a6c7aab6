// Internal to io: one measure of a scenario file, written as effects or as a
// preset with params (docs/scenarios.md). Errors name the file and JSON path.
#pragma once

#include "json_object.hpp"

#include "klima/scenario.hpp"

#include <functional>
#include <string>
#include <vector>

namespace klima::io {

// One effect of a measure (docs/scenarios.md, "Effects"), `uptake` the
// measure's; `measure_id` and `index` name the rows of its own factors.
Effect read_effect(JsonObject& e, const std::optional<Uptake>& uptake, const std::string& measure_id, std::size_t index,
                   const std::string& file);

// `preset` turns a preset type and its params into typed parameters.
MeasureSpec read_measure(JsonObject& m, int base_year, const std::string& file,
                         const std::function<MeasureParams(const std::string&, JsonObject&, const Location&)>& preset);

// The measures listed under `key` of `top` (a scenario's or a proposal's
// "measures"), each read by read_measure with the scenario presets; ids must
// be unique within the list. Errors name `file` and the JSON path. Defined in
// scenario_file.cpp, beside the presets' parameters.
std::vector<MeasureSpec> read_measure_list(JsonObject& top, const std::string& key, int base_year,
                                           const std::string& file);

}  // namespace klima::io
