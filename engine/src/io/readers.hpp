// Internal to io: what the readers of klima's files share and no caller
// outside io needs. Not part of the public API (klima/io/*.hpp).
#pragma once

#include "klima/error.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace klima::io {

// Parse JSON text, turning a syntax error into klima::Error with line and
// column (strict: overflowing numbers and duplicate keys are refused).
nlohmann::json parse_json(std::string_view text, const std::string& name);

// `year` when it lies within kFirstYear–kLastYear; otherwise throws at `where`.
int checked_year(int year, const Location& where);

}  // namespace klima::io
