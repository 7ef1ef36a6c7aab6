// The yearly status report (issue 24, docs/status.md): actions by theme with
// status counts, planned against realised effect, indicators with their
// targets, emissions against the target path (the DK2020 report's numbers),
// what changed since last year; and the export for the national monitoring.
// Renders only: every figure comes from api::build_status.
#pragma once

#include "klima/report/progress_report.hpp"
#include "klima/status/yearly_status.hpp"

#include <string>

namespace klima::report {

// `national` is the export: one row per action and one per indicator value (CSV).
enum class StatusFormat { md, csv, json, html, national };

struct StatusView {
    const ReportData& report;  // the DK2020 report's numbers for the same scenario and year
    const status::YearlyStatus& status;
    const std::string& municipality_code;
};

// Markdown, CSV, JSON, HTML (self-contained, an inline SVG chart per
// indicator) or the national export, in Danish or English (the export's
// column names are English, its status words Danish and English).
std::string render_status(const StatusView& view, StatusFormat format, Lang lang);

}  // namespace klima::report
