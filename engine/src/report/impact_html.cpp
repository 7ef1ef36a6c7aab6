// `klima impact` as one self-contained HTML page: the paragraph, a small
// inline SVG bar chart of the effect per year, the tables and the sources.
#include "impact_text.hpp"
#include "report_text.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace klima::report {

namespace impact {

std::string svg_impact(const analysis::ImpactResult& r, Lang l) {
    const bool da = l == Lang::da;
    const int from = std::max(r.first_year, r.launch_year + 1);
    const int years = r.last_year - from + 1;
    const double w = 640, h = 230, left = 70, right = 10, top = 36, bottom = 26;
    double lo = 0, hi = 0;
    for (int y = from; y <= r.last_year; ++y)
        for (const auto* s : {&r.avoided.territorial, &r.avoided.apart}) {
            const double v = units::in_tonnes(s->at(static_cast<std::size_t>(y - r.first_year)));
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    if (hi - lo < 1e-9) hi = lo + 1;
    const double plot_w = w - left - right, plot_h = h - top - bottom;
    auto y_of = [&](double v) { return top + (hi - v) / (hi - lo) * plot_h; };
    const double slot = plot_w / std::max(years, 1);
    std::ostringstream o;
    o << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"impact-chart\" width=\"" << w << "\" height=\"" << h
      << "\" viewBox=\"0 0 " << w << " " << h << "\" role=\"img\">\n<title>"
      << xml_escape(da ? "Undgået udledning pr. år (t CO2e)" : "Emissions avoided per year (t CO2e)") << "</title>\n";
    o << "<text x=\"" << left << "\" y=\"14\" font-size=\"12\">"
      << xml_escape(da ? "t CO2e undgået pr. år (negativ: øget udledning)"
                       : "t CO2e avoided per year (negative: raised)")
      << "</text>\n";
    o << "<line x1=\"" << left << "\" x2=\"" << w - right << "\" y1=\"" << y_of(0) << "\" y2=\"" << y_of(0)
      << "\" stroke=\"#444\"/>\n";
    for (double v : {lo, hi})
        o << "<text x=\"" << left - 4 << "\" y=\"" << y_of(v) + 4 << "\" font-size=\"10\" text-anchor=\"end\">"
          << decimal_text(v, 0, l) << "</text>\n";
    for (int y = from; y <= r.last_year; ++y) {
        const double x = left + (y - from) * slot;
        const auto i = static_cast<std::size_t>(y - r.first_year);
        const double vt = units::in_tonnes(r.avoided.territorial[i]), va = units::in_tonnes(r.avoided.apart[i]);
        const double bw = slot * 0.4;
        auto bar = [&](double v, double x0, const char* cls, const char* fill) {
            const double y0 = std::min(y_of(v), y_of(0)), hgt = std::abs(y_of(v) - y_of(0));
            o << "<rect class=\"" << cls << "\" x=\"" << x0 << "\" y=\"" << y0 << "\" width=\"" << bw << "\" height=\""
              << hgt << "\" fill=\"" << fill << "\"><title>" << y << ": " << decimal_text(v, 1, l)
              << " t</title></rect>\n";
        };
        bar(vt, x + slot * 0.1, "territorial", vt >= 0 ? "#2a7f62" : "#c0392b");
        if (std::abs(va) > 1e-9) bar(va, x + slot * 0.5, "apart", "#8e7cc3");
        // Every fifth year, and the last when it keeps a label's width (4 × 0.6 × 10 px) and a gap from
        // the one before: 2049 and 2050 side by side would touch.
        const bool last_fits = y == r.last_year && ((y - from) % 5) * slot >= 4 * 0.6 * 10 + 6;
        if ((y - from) % 5 == 0 || last_fits)
            o << "<text x=\"" << x + slot / 2 << "\" y=\"" << h - 8 << "\" font-size=\"10\" text-anchor=\"middle\">"
              << y << "</text>\n";
    }
    o << "<text x=\"" << left << "\" y=\"28\" font-size=\"10\">"
      << xml_escape(da ? "grøn/rød: territorialt · lilla: byggeri (uden for total)"
                       : "green/red: territorial · purple: construction (reported apart)")
      << "</text>\n</svg>";
    return o.str();
}

}  // namespace impact

std::string render_html_impact(const analysis::ImpactResult& r, Lang l) {
    std::ostringstream o;
    const auto title = impact::title(r, l);
    o << "<!DOCTYPE html>\n<html lang=\"" << (l == Lang::da ? "da" : "en") << "\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<title>" << xml_escape(title) << "</title>\n<style>"
      << "body{font-family:system-ui,sans-serif;max-width:900px;margin:2em auto;padding:0 1em;color:#222}"
      << "table{border-collapse:collapse;margin:.5em 0 1em;font-size:13px}th,td{border:1px solid #ccc;padding:3px 7px}"
      << "td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f3f3}p.note{font-size:12px;color:#"
         "555}"
      << "</style>\n</head>\n<body>\n<h1>" << xml_escape(title) << "</h1>\n<p class=\"case-text\">"
      << xml_escape(impact_paragraph(r, l)) << "</p>\n<figure>" << impact::svg_impact(r, l) << "</figure>\n";
    for (const auto& tb : impact::tables(r, l)) {
        o << "<h2>" << xml_escape(tb.heading) << "</h2>\n<table>\n<tr>";
        for (const auto& h : tb.head) o << "<th>" << xml_escape(h) << "</th>";
        o << "</tr>\n";
        for (const auto& row : tb.rows) {
            o << "<tr>";
            for (std::size_t i = 0; i < row.size(); ++i)
                o << (tb.numeric(i) ? "<td class=\"n\">" : "<td>") << xml_escape(row[i]) << "</td>";
            o << "</tr>\n";
        }
        o << "</table>\n";
        if (!tb.note.empty()) o << "<p class=\"note\">" << xml_escape(tb.note) << "</p>\n";
    }
    o << "<h2>" << (l == Lang::da ? "Forudsætninger og kilder" : "Assumptions and sources") << "</h2>\n<ul>\n";
    for (const auto& a : impact::assumptions(r, l)) o << "<li>" << xml_escape(a) << "</li>\n";
    o << "</ul>\n</body>\n</html>\n";
    return o.str();
}

}  // namespace klima::report
