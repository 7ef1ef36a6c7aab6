// The progress report as Markdown, for a council paper or a repository.
#include "labels.hpp"
#include "report_sections.hpp"
#include "report_text.hpp"

#include <sstream>

namespace klima::report {
namespace {

std::string md_cell(const std::string& s) {
    std::string out;
    for (char c : s) out += c == '|' ? std::string("\\|") : std::string(1, c);
    return out;
}

}  // namespace

std::string render_markdown(const ReportData& d, Lang l) {
    std::ostringstream out;
    out << "# " << d.title << " — " << tr("report", l) << " " << d.report_year << "\n";
    for (const auto& s : report_sections(d, l)) {
        out << "\n## " << s.heading << "\n\n";
        for (const auto& line : s.lines) out << "- " << line << "\n";
        if (!s.lines.empty() && !s.head.empty()) out << "\n";
        if (!s.head.empty()) {
            out << "|";
            for (const auto& h : s.head) out << " " << md_cell(h) << " |";
            out << "\n|";
            for (std::size_t i = 0; i < s.head.size(); ++i) {
                // Right-align a column of figures, left-align one of text.
                bool figures = false;
                for (const auto& row : s.rows) figures = figures || (i < row.size() && row[i].number);
                out << (figures ? " ---: |" : " --- |");
            }
            out << "\n";
            for (const auto& row : s.rows) {
                out << "|";
                for (const auto& c : row) out << " " << md_cell(c.text) << " |";
                out << "\n";
            }
        }
        if (!s.note.empty()) out << "\n" << s.note << "\n";
    }
    return out.str();
}

}  // namespace klima::report
