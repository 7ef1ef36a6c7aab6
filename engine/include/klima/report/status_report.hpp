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

// What a status output lays out: the yearly status report, or the export for the national
// monitoring (one row per action and one per indicator value; docs/status.md), which
// `klima national --status-export` counts. A layout, not a format: the export is a CSV file.
enum class StatusLayout { report, national_export };

// The formats of the status report: xlsx by write_status_xlsx, the others by render_status.
inline constexpr std::array kStatusFormats{Format::md, Format::csv, Format::json, Format::html, Format::xlsx};
// The formats of the national export.
inline constexpr std::array kStatusExportFormats{Format::csv};

struct StatusView {
    const ReportData& report;  // the DK2020 report's numbers for the same scenario and year
    const status::YearlyStatus& status;
    const std::string& municipality_code;
};

// The report as Markdown, CSV, JSON or HTML (self-contained, an inline SVG chart per indicator),
// in Danish or English; or the national export (CSV; its column names English, its status words
// Danish and English). Throws Error (internal) for xlsx, and Error (usage) for a format outside
// the layout's list (kStatusFormats, kStatusExportFormats) before any work.
std::string render_status(const StatusView& view, Format format, Lang lang, StatusLayout layout = StatusLayout::report);

// The status as an .xlsx workbook (libxlsxwriter): sheets Themes, Actions, Indicators and
// Emissions (Temaer, Handlinger, Indikatorer, Udledning in Danish), figures as numbers (t CO2e,
// uptakes in the measure's unit), an empty cell for no figure. Built beside `path` and renamed
// over it when complete; throws klima::Error (kind io) when it cannot be written, the old file
// then whole. Not for use while other threads write to stderr (libxlsxwriter prints there).
void write_status_xlsx(const StatusView& view, Lang lang, const std::string& path);

}  // namespace klima::report
