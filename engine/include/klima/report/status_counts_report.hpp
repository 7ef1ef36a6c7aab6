// Actions by status across municipalities (klima national --status-export, docs/status.md): a
// table per status year, a row per municipality and the sum. Renders only: the counts come from
// status::count_by_status.
#pragma once

#include "klima/report/progress_report.hpp"
#include "klima/status/status_counts.hpp"

#include <string>
#include <vector>

namespace klima::report {

// Markdown (Danish or English), CSV (year,municipality_code,municipality,actions,<six states>,
// not_reported,file; English column names, a row "total" per year) or JSON.
// Another format throws Error (usage) before anything is rendered.
inline constexpr std::array kStatusCountFormats{Format::md, Format::csv, Format::json};
std::string render_status_counts(const std::vector<status::YearCount>& years, Format format, Lang lang);

}  // namespace klima::report
