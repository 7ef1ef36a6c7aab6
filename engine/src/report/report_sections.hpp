// The progress report as a neutral document: sections of bullet lines and
// tables of cells. Markdown, HTML and XLSX render this one model, so that all
// three show the same figures in the same order.
#pragma once

#include "klima/report/progress_report.hpp"

#include <optional>
#include <string>
#include <vector>

namespace klima::report {

struct Cell {
    std::string text;              // as shown to people (language-specific decimals)
    std::optional<double> number;  // the figure for spreadsheets (t CO2e, %, year)
};

struct Section {
    std::string id;  // stable anchor / sheet key: "targets", "sectors", …
    std::string heading;
    std::vector<std::string> lines;  // bullet lines before the table
    std::vector<std::string> head;   // table header; empty when no table
    std::vector<std::vector<Cell>> rows;
    std::string note;  // a sentence after the table
};

std::vector<Section> report_sections(const ReportData& d, Lang lang);

}  // namespace klima::report
