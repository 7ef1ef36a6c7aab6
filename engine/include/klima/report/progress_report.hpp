// The DK2020 progress report: targets, target path and budget, gap, progress
// table and the DK2020 check, assembled once and rendered as Markdown, CSV,
// JSON, self-contained HTML (inline SVG charts) or XLSX, in Danish or English.
#pragma once

#include "klima/analysis/abatement.hpp"
#include "klima/analysis/monte_carlo.hpp"
#include "klima/dk2020_check.hpp"
#include "klima/gap.hpp"
#include "klima/progress.hpp"
#include "klima/report/format.hpp"
#include "klima/scenario_result.hpp"
#include "klima/scope_total.hpp"
#include "klima/targets.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace klima::report {

enum class Lang { da, en };

// A named series over ChartData::years, for the charts.
struct ChartSeries {
    std::string key, name_da, name_en;
    std::vector<units::Mass> values;
};

struct ChartData {
    std::vector<int> years;                                // scenario years the target path covers
    ChartSeries bau, scenario, target;                     // totals in the target's scope
    std::vector<ChartSeries> measures;                     // each measure's effect in the scope (the wedges)
    std::vector<ChartSeries> sectors;                      // scenario emissions per territorial sector
    std::vector<std::pair<int, units::Mass>> inventories;  // inventory totals in the scope, by year
    // The history (scenario values up to the launch year) is drawn as one
    // line, BAU and scenario from the launch year on.
    int launch_year = 0;
};

// The analysis of the report (issue 13): how sure the targets are (Monte
// Carlo) and what reaching them costs (MACC and the cheapest portfolio), as
// analysis::monte_carlo and analysis::abatement_cost give them (of the report's own run).
struct ReportAnalysis {
    bool included = false;                                   // false: left out on request; no sections
    std::optional<analysis::MonteCarloOutcome> uncertainty;  // none: no distributions were given
    std::optional<analysis::AbatementOutcome> abatement;     // none: no measures or no target year after the launch
};

struct ReportData {
    std::string title;
    int report_year = 0;
    ScenarioResult scenario;
    TargetSet targets;
    TargetPath path;
    GapAnalysis gap;
    ProgressTable progress;
    std::vector<Finding> findings;
    ChartData chart;
    // The CHP allocation set the electricity and district-heat factors were
    // loaded with; every text output states it when set.
    std::optional<ChpAllocation> allocation;
    ReportAnalysis analysis;
    // The one total per year (scope_total.hpp) in the targets' scope, with
    // construction and LULUCF outside the scope apart: BAU and scenario for
    // each year of gap.years (their `total` equals the gap's figures), and the
    // latest inventory at or before the report year (none when there is none).
    std::vector<ScopeTotal> bau_totals, scenario_totals;
    std::optional<ScopeTotal> latest_inventory;
    // Display names of the taxonomy's rows for people: "sector/subsector" → (Danish, English), as
    // "Transport, Søfart"; the renderers name a row by these, never by its code.
    std::map<std::string, std::pair<std::string, std::string>> row_names;
};

// `inventories`: every inventory year the activity data has (any order).
ReportData assemble_report(const ScenarioResult& scenario, const TargetSet& targets, const Taxonomy& taxonomy,
                           const std::vector<InventoryResult>& inventories, int report_year, std::string title);

// The formats of the report: xlsx by write_report_xlsx, the others by render_report.
inline constexpr std::array kReportFormats{Format::md, Format::csv, Format::json, Format::html, Format::xlsx};

// Markdown, CSV, JSON or HTML text; throws Error (internal) for xlsx (a binary file: use
// write_report_xlsx) and Error (usage) for a format outside kReportFormats, before any work.
std::string render_report(const ReportData& data, Format format, Lang lang);
// Writes an .xlsx workbook beside `path` and renames it over `path` when complete; throws klima::Error
// (kind io) naming the path when it cannot be written, leaving any old file at `path` unchanged.
void write_report_xlsx(const ReportData& data, Lang lang, const std::string& path);

}  // namespace klima::report
