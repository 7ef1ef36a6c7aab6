// Internal to io: what the readers of klima's files share and no caller
// outside io needs. Not part of the public API (klima/io/*.hpp).
#pragma once

#include "klima/distribution.hpp"
#include "klima/error.hpp"
#include "klima/scenario.hpp"
#include "klima/uncertain_input.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace klima::io {

// Parse JSON text, turning a syntax error into klima::Error with line and
// column (strict: overflowing numbers and duplicate keys are refused).
nlohmann::json parse_json(std::string_view text, const std::string& name);

// `year` when it lies within kFirstYear–kLastYear; otherwise throws at `where`.
int checked_year(int year, const Location& where);

// A distribution given in JSON at `at` of `file`: a string in the text form
// (parse_distribution) or an object ({"pct": 10}, {"normal": {"sd": 0.1}},
// {"lognormal": {"sigma": 0.2}}, {"triangular": {"low", "mode", "high"}},
// {"uniform": {"low", "high"}}), the same ranges for both; throws naming the JSON path.
Distribution distribution_from_json(const nlohmann::json& j, const std::string& file, const std::string& at);

// The uncertain inputs of `root` ({"inputs": [...]}, an uncertainty file's or a scenario's
// "uncertainty" block) at JSON path `top` of `file`; a "measure" input must name one of
// `measures`. Throws naming the JSON path (io/uncertainty_file.hpp).
std::vector<UncertainInput> uncertain_inputs_from_json(const nlohmann::json& root, const std::string& file,
                                                       const std::string& top,
                                                       const std::vector<MeasureSpec>& measures);

}  // namespace klima::io
