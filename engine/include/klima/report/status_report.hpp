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

// `national` is the export: one row per action and one per indicator value (CSV);
// xlsx a binary workbook, written by write_status_xlsx.
enum class StatusFormat { md, csv, json, html, national, xlsx };

struct StatusView {
    const ReportData& report;  // the DK2020 report's numbers for the same scenario and year
    const status::YearlyStatus& status;
    const std::string& municipality_code;
};

// Markdown, CSV, JSON, HTML (self-contained, an inline SVG chart per
// indicator) or the national export, in Danish or English (the export's
// column names are English, its status words Danish and English).
// Throws (internal) for xlsx.
std::string render_status(const StatusView& view, StatusFormat format, Lang lang);

// The status as an .xlsx workbook (libxlsxwriter): sheets Themes, Actions, Indicators and
// Emissions (Temaer, Handlinger, Indikatorer, Udledning in Danish), figures as numbers (t CO2e,
// uptakes in the measure's unit), an empty cell for no figure. Built beside `path` and renamed
// over it when complete; throws klima::Error (kind io) when it cannot be written, the old file
// then whole. Not for use while other threads write to stderr (libxlsxwriter prints there).
void write_status_xlsx(const StatusView& view, Lang lang, const std::string& path);

}  // namespace klima::report
