// Reading the exports for the national monitoring that municipalities hand in (`klima status
// --format export-csv`, docs/status.md): their action rows, for counting by status
// (klima/status/status_counts.hpp). Indicator rows are skipped.
#pragma once

#include "klima/status/status_counts.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace klima::io {

// Columns used: record, municipality_code, municipality, year, action_id, status_en (status_da
// when status_en is absent); others are ignored. An empty status is an unreported action.
// Throws klima::Error naming the file and line for a record other than action or indicator, an
// unknown status word (listing the words), a year outside the horizon, or an export without
// any action row.
std::vector<status::ExportedAction> parse_status_export(std::string_view text, const std::string& name);

// Every export among `paths`: a file as given, a folder as its *.csv files in name order.
// Throws for a path that does not exist or a folder without a .csv file.
std::vector<status::ExportedAction> load_status_exports(const std::vector<std::string>& paths);

}  // namespace klima::io
