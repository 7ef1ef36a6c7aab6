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
// Whole tonnes, for people (md, html, xlsx text; csv and json keep full precision): 570.108 (da).
std::string tonnes_text(units::Mass m, Lang lang);
std::string tonnes_text(const std::optional<units::Mass>& m, Lang lang);  // "–" when none
// A relative change as a signed percentage with one decimal ("-12.5 %"), "–" when none.
std::string percent_text(const std::optional<units::Ratio>& r, Lang lang);
// A target's reduction as "-46.0 %".
std::string reduction_text(units::Ratio r, Lang lang);
// A sector's name from the progress table, the code when absent.
std::string sector_name(const ReportData& d, const std::string& sector, Lang lang);
// A measure for people: its name in Danish (the id is a code), "name (id)" in English.
std::string measure_label(const std::string& name, const std::string& id, Lang lang);
// A taxonomy row ("transport/soe") by its display names ("Transport, Søfart"), the code when unknown.
std::string row_label(const ReportData& d, const std::string& row, Lang lang);
// An uncertain input of the Monte Carlo ("activity transport/personbiler benzin", "factor */* gasolie",
// "driver vehicle_km", "measure elbusser") for people: in Danish by display names ("aktivitet:
// Transport, Personbiler (benzin)", "emissionsfaktor: alle sektorer (gasolie)", "fremskrivning: kørte
// km", "tiltag: Alle busser er elbusser i 2025"); in English as the label, which names the input.
std::string input_label(const ReportData& d, const std::string& label, Lang lang);
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

// An Excel sheet name for `heading` (report_xlsx.cpp): at most 31 characters, cut on a word
// boundary (a bracketed unit dropped first), none of []:*?/\, and not in `taken` (case-insensitively);
// appends the name to `taken`.
std::string sheet_name(const std::string& heading, std::vector<std::string>& taken);

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
