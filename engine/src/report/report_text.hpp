// Shared by the progress-report renderers: number formatting and the
// per-format entry points (one file each).
#pragma once

#include "klima/report/progress_report.hpp"

#include <optional>
#include <string>
#include <vector>

namespace klima::report {

// & < > " as entities, for HTML and SVG text.
std::string xml_escape(const std::string& s);
// A number with `decimals` decimals for people, thousands grouped: 570.108,1 (da), 570,108.1 (en).
std::string decimal_text(double v, int decimals, Lang lang);
// Tonnes with one decimal, for people: decimal comma in Danish.
std::string tonnes_text(units::Mass m, Lang lang);
std::string tonnes_text(const std::optional<units::Mass>& m, Lang lang);  // "–" when none
// A relative change as a signed percentage with one decimal ("-12.5 %"), "–" when none.
std::string percent_text(const std::optional<units::Ratio>& r, Lang lang);
// A target's reduction as "-46.0 %".
std::string reduction_text(units::Ratio r, Lang lang);
// A sector's name from the progress table, the code when absent.
std::string sector_name(const ReportData& d, const std::string& sector, Lang lang);
std::string status_text(MeasureStatus s, Lang lang);
std::string scope_text(TargetScope s, Lang lang);
// "opgjort" / "actual", "interpoleret" / "interpolated", "fremskrevet" / "projected"
std::string year_kind_text(YearKind k, Lang lang);
// The years of a scenario as runs of one kind: "2017 actual, 2018–2022 interpolated, …"
std::string year_spans_text(const ScenarioResult& r, Lang lang);
// The years of the sector-gap overview: every fifth year from 2025 in the gap analysis.
std::vector<int> overview_years(const GapAnalysis& gap);
// A gap row's value in a year, none when the year is not covered.
std::optional<units::Mass> gap_in(const SectorGap& s, int year);

std::string render_markdown(const ReportData& d, Lang lang);
std::string render_csv(const ReportData& d, Lang lang);
std::string render_json(const ReportData& d, Lang lang);
std::string render_html(const ReportData& d, Lang lang);

// The inline SVG charts of the HTML report.
std::string svg_trajectory(const ReportData& d, Lang lang);
std::string svg_wedges(const ReportData& d, Lang lang);
std::string svg_sector_bars(const ReportData& d, Lang lang);
// The charts of the analysis: the Monte Carlo fan (P5–P95 bands and medians
// of scenario and BAU, the target path) and the MACC (bars of width the
// measure's effect in the target year, height its discounted cost per tonne).
std::string svg_fan(const ReportData& d, const analysis::MonteCarloOutcome& mc, Lang lang);
std::string svg_macc(const analysis::AbatementOutcome& a, Lang lang);

}  // namespace klima::report
