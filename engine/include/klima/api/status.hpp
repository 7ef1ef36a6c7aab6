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
    // The actions' status file; empty: the status the current version of the store
    // `report.scenario.store` sees (each year from the newest status import holding it).
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

// Reads the status (file or store) and indicator files before the scenario runs, so a
// bad file fails fast; nothing is written anywhere. Throws klima::Error (kind store)
// when the status is to come from a store that holds none, or no store is named. Throws klima::Error naming the
// file and line, cell or JSON path at fault (see io/status_file.hpp and
// status::build_status).
StatusOutcome build_status(const StatusRequest& request);

}  // namespace klima::api
