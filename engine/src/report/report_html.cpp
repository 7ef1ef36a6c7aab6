// The progress report as one self-contained HTML page: inline CSS, inline
// SVG charts, no scripts, no external resources.
#include "labels.hpp"
#include "report_sections.hpp"
#include "report_text.hpp"

#include <sstream>

namespace klima::report {
namespace {

constexpr const char* kStyle =
    R"(body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1em;font-size:13px}th,td{border:1px solid #ccc;padding:3px 7px}
td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f3f3}figure{margin:1em 0}
p.note{font-size:12px;color:#555})";

}  // namespace

std::string render_html(const ReportData& d, Lang l) {
    std::ostringstream o;
    const auto title = d.title + " — " + tr("report", l) + " " + std::to_string(d.report_year);
    o << "<!DOCTYPE html>\n<html lang=\"" << (l == Lang::da ? "da" : "en") << "\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<title>" << xml_escape(title) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n"
      << "<h1>" << xml_escape(title) << "</h1>\n";
    const auto figures = [&] {
        o << "<figure>" << svg_trajectory(d, l) << "</figure>\n";
        o << "<figure>" << svg_wedges(d, l) << "</figure>\n";
        o << "<figure>" << svg_sector_bars(d, l) << "</figure>\n";
    };
    const auto sections = report_sections(d, l);
    if (sections.empty() || sections.front().id != "summary") figures();
    for (const auto& s : sections) {
        o << "<section id=\"" << s.id << "\">\n<h2>" << xml_escape(s.heading) << "</h2>\n";
        if (!s.lines.empty()) {
            o << "<ul>\n";
            for (const auto& line : s.lines) o << "<li>" << xml_escape(line) << "</li>\n";
            o << "</ul>\n";
        }
        if (s.id == "uncertainty" && d.analysis.uncertainty)
            o << "<figure>" << svg_fan(d, *d.analysis.uncertainty, l) << "</figure>\n";
        if (s.id == "macc" && d.analysis.abatement)
            o << "<figure>" << svg_macc(*d.analysis.abatement, l) << "</figure>\n";
        if (!s.head.empty()) {
            o << "<table>\n<tr>";
            for (const auto& h : s.head) o << "<th>" << xml_escape(h) << "</th>";
            o << "</tr>\n";
            for (const auto& row : s.rows) {
                o << "<tr>";
                for (const auto& c : row)
                    o << (c.number || c.text == "–" ? "<td class=\"n\">" : "<td>") << xml_escape(c.text) << "</td>";
                o << "</tr>\n";
            }
            o << "</table>\n";
        }
        if (!s.note.empty()) o << "<p class=\"note\">" << xml_escape(s.note) << "</p>\n";
        o << "</section>\n";
        if (s.id == "summary") figures();  // the summary first, then the charts
    }
    o << "</body>\n</html>\n";
    return o.str();
}

}  // namespace klima::report
