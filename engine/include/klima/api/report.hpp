// The engine's facade for the DK2020 progress report: runs the scenario
// (api/scenario.hpp), computes every inventory up to the reporting year,
// reads targets and realised effects, and assembles the report data that
// report/progress_report.hpp renders. Knows nothing of command-line flags.
#pragma once

#include "klima/api/scenario.hpp"
#include "klima/report/progress_report.hpp"

#include <optional>
#include <string>

namespace klima::api {

struct ReportRequest {
    ScenarioRequest scenario;
    int report_year = 0;
    std::optional<std::string> targets_file;   // none: the one the scenario names
    std::optional<std::string> realised_file;  // realised effects per measure and year
    std::optional<std::string> title;          // none: the scenario's name
};

struct ReportOutcome {
    ScenarioOutcome scenario;
    report::ReportData data;
};

// Unless the request or the scenario file gives a from_year, the projection
// starts from the latest inventory year up to the reporting year. Throws
// klima::Error naming the file at fault; a reporting year outside the
// horizon is an input error naming the year.
ReportOutcome build_report(const ReportRequest& request);

}  // namespace klima::api
