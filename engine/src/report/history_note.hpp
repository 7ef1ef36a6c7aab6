// Which kind of history a run used, as a JSON object for the scenario's and the report's JSON:
// {"kind": "activity" | "national", "label": …, and for a national history the municipality code,
// source and vintage}. The text form is history_text (labels.hpp).
#pragma once

#include "klima/report/progress_report.hpp"
#include "klima/scenario_result.hpp"

#include <nlohmann/json.hpp>

namespace klima::report {

nlohmann::json history_json(const ScenarioHistory& h, Lang lang);

}  // namespace klima::report
