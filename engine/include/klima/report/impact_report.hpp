// Rendering the climate impact of a decision (api/impact.hpp) for a council
// case: a short paragraph in Danish or English, a table per year and sector,
// the interaction with the plan, the assumptions and their sources; Markdown,
// self-contained HTML with a small inline SVG chart, or JSON for other systems.
#pragma once

#include "klima/analysis/impact.hpp"
#include "klima/report/progress_report.hpp"

#include <string>
#include <vector>

namespace klima::report {

// The years of the impact table: 2025, 2030, …, 2050 within the result's years.
std::vector<int> impact_years(const analysis::ImpactResult& r);

// The paragraph to paste into a council case, in `lang`, as plain text.
std::string impact_paragraph(const analysis::ImpactResult& r, Lang lang);

// The formats render_impact makes; another throws Error (usage) before anything is rendered.
inline constexpr std::array kImpactFormats{Format::md, Format::html, Format::json};
std::string render_impact(const analysis::ImpactResult& r, Format format, Lang lang);

}  // namespace klima::report
