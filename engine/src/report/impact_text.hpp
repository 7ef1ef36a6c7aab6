// Internal to the impact renderers: the paragraph, tables and assumptions of
// an impact result in one language, shared by Markdown and HTML.
#pragma once

#include "klima/report/impact_report.hpp"

#include <string>
#include <vector>

namespace klima::report::impact {

struct Table {
    std::string heading;
    std::vector<std::string> head;
    std::vector<std::vector<std::string>> rows;  // cells as text; the first column is a label
    std::string note;
    // Whether column `i` holds numbers in every row (right-aligned).
    bool numeric(std::size_t i) const;
};

// Per sector and year (avoided t CO2e), the interaction with the plan, and
// the activity a growth adds.
std::vector<Table> tables(const analysis::ImpactResult& r, Lang lang);
// Method assumptions, then every source as "what: source".
std::vector<std::string> assumptions(const analysis::ImpactResult& r, Lang lang);
std::string title(const analysis::ImpactResult& r, Lang lang);

// The chart of the HTML output: avoided t CO2e per year from the launch year on.
std::string svg_impact(const analysis::ImpactResult& r, Lang lang);

}  // namespace klima::report::impact
