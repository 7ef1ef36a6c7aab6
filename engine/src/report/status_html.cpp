// The status report as one self-contained HTML page: the Markdown report's
// headings, tables and lists as HTML (one text, so the two never differ),
// and an inline SVG chart per indicator (its values and its targets by year).
#include "status_text.hpp"
#include "text.hpp"

#include <algorithm>
#include <sstream>

namespace klima::report {

std::string render_status_markdown(const StatusView& v, Lang lang);

namespace {

using namespace status_labels;

std::string escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::vector<std::string> cells(const std::string& line) {
    std::vector<std::string> out;
    std::size_t i = 1;
    while (i < line.size()) {
        const auto j = line.find(" |", i);
        if (j == std::string::npos) break;
        auto c = line.substr(i, j - i);
        if (!c.empty() && c.front() == ' ') c.erase(0, 1);
        out.push_back(c);
        i = j + 2;
    }
    return out;
}

// A line chart of one indicator: values (blue, points joined) and targets (red, dashed) by year.
std::string chart(const status::IndicatorStatus& i, Lang lang) {
    std::vector<std::pair<int, double>> all = i.values;
    all.insert(all.end(), i.targets.begin(), i.targets.end());
    if (all.empty()) return {};
    int y0 = all.front().first, y1 = y0;
    double hi = 0;
    for (const auto& [y, x] : all) {
        y0 = std::min(y0, y), y1 = std::max(y1, y);
        hi = std::max(hi, x);
    }
    if (y1 == y0) ++y1;
    if (hi <= 0) hi = 1;
    const double w = 320, h = 140, left = 50, bottom = 20, top = 10;
    const auto px = [&](int y) { return left + (w - left - 10) * (y - y0) / double(y1 - y0); };
    const auto py = [&](double x) { return top + (h - top - bottom) * (1 - x / hi); };
    std::ostringstream s;
    s << "<figure><figcaption>" << escape(lang == Lang::da ? i.indicator.name_da : i.indicator.name_en) << " ("
      << escape(i.indicator.unit) << ")</figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << w
      << "\" height=\"" << h << "\" role=\"img\">";
    s << "<line x1=\"" << left << "\" y1=\"" << py(0) << "\" x2=\"" << w - 10 << "\" y2=\"" << py(0)
      << "\" stroke=\"#888\"/>";
    s << "<text x=\"" << left - 4 << "\" y=\"" << py(hi) + 4 << "\" font-size=\"10\" text-anchor=\"end\">"
      << text::general(hi) << "</text><text x=\"" << left - 4 << "\" y=\"" << py(0) << "\" font-size=\"10\" "
      << "text-anchor=\"end\">0</text>";
    s << "<text x=\"" << px(y0) << "\" y=\"" << h - 4 << "\" font-size=\"10\">" << y0 << "</text><text x=\"" << px(y1)
      << "\" y=\"" << h - 4 << "\" font-size=\"10\" text-anchor=\"end\">" << y1 << "</text>";
    const auto line = [&](const std::vector<std::pair<int, double>>& pts, const char* colour, bool dashed) {
        if (pts.empty()) return;
        s << "<polyline fill=\"none\" stroke=\"" << colour << "\"" << (dashed ? " stroke-dasharray=\"4 3\"" : "")
          << " points=\"";
        for (const auto& [y, x] : pts) s << px(y) << "," << py(x) << " ";
        s << "\"/>";
        for (const auto& [y, x] : pts)
            s << "<circle cx=\"" << px(y) << "\" cy=\"" << py(x) << "\" r=\"2.5\" fill=\"" << colour << "\"><title>"
              << y << ": " << text::general(x) << "</title></circle>";
    };
    line(i.targets, "#c0392b", true);
    line(i.values, "#1f5fa8", false);
    s << "</svg></figure>\n";
    return s.str();
}

}  // namespace

std::string render_status_html(const StatusView& v, Lang lang) {
    const auto md = render_status_markdown(v, lang);
    std::string body;
    std::istringstream in(md);
    std::string line;
    bool in_table = false, header_done = false, in_list = false;
    const auto close = [&] {
        if (in_table) body += "</table>\n";
        if (in_list) body += "</ul>\n";
        in_table = in_list = false;
    };
    const std::string indicators_heading = "## " + pick(lang, "Indikatorer", "Indicators");
    bool charts_due = false;
    while (std::getline(in, line)) {
        if (line.rfind("|", 0) == 0) {
            if (line.rfind("| --- ", 0) == 0) {
                header_done = true;
                continue;
            }
            if (!in_table) {
                close();
                body += "<table>\n";
                in_table = true;
                header_done = false;
            }
            const char* tag = header_done ? "td" : "th";
            body += "<tr>";
            for (const auto& c : cells(line)) body += std::string("<") + tag + ">" + escape(c) + "</" + tag + ">";
            body += "</tr>\n";
            continue;
        }
        if (line.rfind("- ", 0) == 0) {
            if (!in_list) {
                close();
                body += "<ul>\n";
                in_list = true;
            }
            body += "<li>" + escape(line.substr(2)) + "</li>\n";
            continue;
        }
        close();
        if (charts_due && line.rfind("## ", 0) == 0) {
            for (const auto& i : v.status.indicators) body += chart(i, lang);
            charts_due = false;
        }
        if (line.rfind("# ", 0) == 0) body += "<h1>" + escape(line.substr(2)) + "</h1>\n";
        else if (line.rfind("## ", 0) == 0) body += "<h2>" + escape(line.substr(3)) + "</h2>\n";
        else if (!line.empty()) body += "<p>" + escape(line) + "</p>\n";
        if (line == indicators_heading) charts_due = true;
    }
    close();
    return "<!DOCTYPE html>\n<html lang=\"" + pick(lang, "da", "en") + "\"><head><meta charset=\"utf-8\"><title>" +
           escape(v.report.title) +
           "</title><style>body{font-family:sans-serif;max-width:70em;margin:1em auto}table{border-collapse:collapse;"
           "margin:.5em 0}td,th{border:1px solid #ccc;padding:2px 6px;font-size:90%}td{text-align:right}"
           "td:first-child{text-align:left}figure{display:inline-block;margin:.5em}</style></head><body>\n" +
           body + "</body></html>\n";
}

}  // namespace klima::report
