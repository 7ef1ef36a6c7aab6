// The engine's facade for the yearly status (issue 24, docs/status.md): reads
// the status file, the indicator catalogue and a municipality's indicator
// values, builds the DK2020 report's numbers (api::build_report, without the
// analysis) for the emissions against the target path, and computes each
// action's realised effect at its realised uptake (status/yearly_status.hpp).
// Knows nothing of command-line flags.
#pragma once

#include "klima/api/report.hpp"
#include "klima/status/yearly_status.hpp"

#include <optional>
#include <string>

namespace klima::api {

struct StatusRequest {
    ReportRequest report;  // scenario, year, targets; the analysis is never run
    std::string status_file;
    std::optional<std::string> indicators_file;  // a municipality's indicator values and targets
    // none: <data dir>/indicators/catalogue.csv, read only with indicators_file
    std::optional<std::string> catalogue_file;
};

struct StatusOutcome {
    ReportOutcome report;
    status::YearlyStatus status;
    std::string municipality_code;  // "259", from municipality.json beside the activity; "" when absent
};

// Reads the status and indicator files before the scenario runs, so a bad
// file fails fast; nothing is written anywhere. Throws klima::Error naming the
// file and line, cell or JSON path at fault (see io/status_file.hpp and
// status::build_status).
StatusOutcome build_status(const StatusRequest& request);

}  // namespace klima::api
