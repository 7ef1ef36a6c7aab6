// The three charts of the HTML report as inline SVG, drawn from ChartData
// alone: history, trajectory and target path, wedges of measures, stacked
// sectors.
#include "labels.hpp"
#include "report_text.hpp"
#include "text.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace klima::report {
namespace {

constexpr double kWidth = 900, kHeight = 360, kLeft = 80, kRight = 290, kTop = 40, kBottom = 40;
constexpr const char* kPalette[] = {"#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02",
                                    "#a6761d", "#1f78b4", "#b2df8a", "#fb9a99", "#cab2d6", "#fdbf6f"};
const char* colour(std::size_t i) { return kPalette[i % (sizeof kPalette / sizeof *kPalette)]; }

// SVG coordinates with one decimal.
std::string num(double v) { return text::fixed(v, 1); }

double tonnes(units::Mass m) { return units::in_tonnes(m); }

// Maps years and tonnes to SVG coordinates inside the plot area.
struct Frame {
    double x_lo, x_hi, y_lo, y_hi;
    double x(double year) const {
        return kLeft + (x_hi == x_lo ? 0.5 : (year - x_lo) / (x_hi - x_lo)) * (kWidth - kLeft - kRight);
    }
    double y(double t) const { return kTop + (y_hi - t) / (y_hi - y_lo) * (kHeight - kTop - kBottom); }
};

// A step of 1, 2 or 5 × 10^n giving about five ticks over the range.
double tick_step(double range) {
    if (range <= 0) return 1;
    const double raw = range / 5, mag = std::pow(10.0, std::floor(std::log10(raw))), f = raw / mag;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

Frame frame(double x_lo, double x_hi, double y_lo, double y_hi) {
    y_lo = std::min(0.0, y_lo);
    if (y_hi <= y_lo) y_hi = y_lo + 1;
    const double step = tick_step(y_hi - y_lo);
    return {x_lo, x_hi, std::floor(y_lo / step) * step, std::ceil(y_hi / step) * step};
}

// `height` above kHeight leaves room under the plot (the MACC's numbered legend).
std::string open_svg(const std::string& id, const std::string& title, double height = kHeight) {
    std::ostringstream o;
    o << "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"" << id << "\" width=\"" << kWidth << "\" height=\"" << height
      << "\" viewBox=\"0 0 " << kWidth << " " << height << "\" role=\"img\">\n<title>" << xml_escape(title)
      << "</title>\n"
      << "<text x=\"" << kLeft << "\" y=\"22\" font-size=\"15\" font-weight=\"bold\">" << xml_escape(title)
      << "</text>\n";
    return o.str();
}

std::string axes(const Frame& f, const std::vector<int>& x_ticks, Lang l, const std::string& unit_key = "unit_t") {
    std::ostringstream o;
    const double step = tick_step(f.y_hi - f.y_lo);
    for (double v = f.y_lo; v <= f.y_hi + step / 2; v += step) {
        o << "<line x1=\"" << kLeft << "\" x2=\"" << kWidth - kRight << "\" y1=\"" << num(f.y(v)) << "\" y2=\""
          << num(f.y(v)) << "\" stroke=\"#ddd\"/>"
          << "<text x=\"" << kLeft - 6 << "\" y=\"" << num(f.y(v) + 4) << "\" font-size=\"11\" text-anchor=\"end\">"
          << decimal_text(v, 0, l) << "</text>\n";
    }
    for (int y : x_ticks)
        o << "<text x=\"" << num(f.x(y)) << "\" y=\"" << kHeight - kBottom + 16
          << "\" font-size=\"11\" text-anchor=\"middle\">" << y << "</text>\n";
    o << "<line x1=\"" << kLeft << "\" x2=\"" << kWidth - kRight << "\" y1=\"" << num(f.y(0)) << "\" y2=\""
      << num(f.y(0)) << "\" stroke=\"#444\"/>\n"
      << "<text x=\"12\" y=\"" << kTop - 8 << "\" font-size=\"11\">" << xml_escape(tr(unit_key, l)) << "</text>\n";
    return o.str();
}

// At most 37 characters (not bytes) for a legend, with an ellipsis: what fits right of the plot
// (900 − 648 − 4 px at 6.6 px a character, the estimate of text_width for 11 px).
constexpr std::size_t kLegendChars = 37;
std::string shortened(const std::string& s) {
    std::size_t chars = 0, cut = std::string::npos;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
        if (++chars == kLegendChars) cut = i;
    }
    return cut == std::string::npos || chars <= kLegendChars ? s : s.substr(0, cut) + "…";
}

std::string legend(std::size_t i, const std::string& name, const char* fill, bool line, const char* dash = "",
                   const char* opacity = "1") {
    std::ostringstream o;
    const double x = kWidth - kRight + 14, y = kTop + 4 + 18.0 * static_cast<double>(i);
    if (line)
        o << "<line x1=\"" << x << "\" x2=\"" << x + 18 << "\" y1=\"" << y + 5 << "\" y2=\"" << y + 5 << "\" stroke=\""
          << fill << "\" stroke-width=\"2.5\" stroke-dasharray=\"" << dash << "\"/>";
    else
        o << "<rect x=\"" << x << "\" y=\"" << y << "\" width=\"18\" height=\"10\" fill=\"" << fill
          << "\" fill-opacity=\"" << opacity << "\"/>";
    o << "<text x=\"" << x + 24 << "\" y=\"" << y + 9 << "\" font-size=\"11\">" << xml_escape(shortened(name))
      << "<title>" << xml_escape(name) << "</title></text>\n";
    return o.str();
}

// The points of the years from..to (empty when fewer than two).
std::string polyline(const Frame& f, const std::vector<int>& years, const std::vector<units::Mass>& v,
                     const std::string& cls, const char* stroke, const char* dash = "", int from = 0, int to = 9999) {
    std::ostringstream points;
    int n = 0;
    for (std::size_t i = 0; i < years.size(); ++i) {
        if (years[i] < from || years[i] > to) continue;
        points << (n++ ? " " : "") << num(f.x(years[i])) << "," << num(f.y(tonnes(v[i])));
    }
    if (n < 2) return "";
    return "<polyline class=\"" + cls + "\" fill=\"none\" stroke=\"" + stroke +
           "\" stroke-width=\"2.5\" stroke-dasharray=\"" + dash + "\" points=\"" + points.str() + "\"/>\n";
}

// The history (solid, up to the launch year), BAU (dashed) and scenario from
// the launch year, and the target path, with the first four legend entries.
std::string total_lines(const Frame& f, const ChartData& c, Lang l) {
    const int launch = c.launch_year;
    const double x = kWidth - kRight + 14, y = kTop + 4 + 18.0 * 3;
    return polyline(f, c.years, c.scenario.values, "history", "#000000", "", 0, launch) +
           polyline(f, c.years, c.bau.values, "bau", "#888888", "6 4", launch) +
           polyline(f, c.years, c.scenario.values, "scenario", "#1f78b4", "", launch) +
           polyline(f, c.years, c.target.values, "target-path", "#d62728") +
           legend(0, series_name(c.bau, l), "#888888", true, "6 4") +
           legend(1, series_name(c.scenario, l), "#1f78b4", true) +
           legend(2, series_name(c.target, l), "#d62728", true) + legend(3, tr("history", l), "#000000", true) +
           "<circle cx=\"" + num(x + 9) + "\" cy=\"" + num(y + 5) + "\" r=\"3\" fill=\"#000\"/>\n";
}

// Text boxes are estimated, not measured: a character is at most 0.6 of the font size wide
// (digits in sans-serif fonts about 0.55); the overlap test of the charts uses the same estimate.
constexpr double kCharWidth = 0.6, kTickFont = 11;
double text_width(std::size_t chars, double font = kTickFont) { return kCharWidth * font * static_cast<double>(chars); }

// Year ticks on a round step (1, 2, 5, 10, 20, 50 … years) wide enough for a four-digit label and a
// gap; the first and last year are labelled too when they keep that distance from their neighbour.
std::vector<int> year_ticks(const Frame& f, const std::vector<int>& years) {
    std::vector<int> t;
    if (years.empty()) return t;
    const double per_year = f.x(f.x_lo + 1) - f.x(f.x_lo), room = text_width(4) + 8;
    int step = 1;
    for (int decade = 1; per_year * step < room && decade < 1000000; decade *= 10)
        for (int m : {1, 2, 5})
            if (per_year * step < room) step = m * decade;
    for (int y : years)
        if (y % step == 0) t.push_back(y);
    const auto far_enough = [&](int a, int b) { return std::abs(f.x(a) - f.x(b)) >= room; };
    if (t.empty() || far_enough(years.front(), t.front())) t.insert(t.begin(), years.front());
    if (far_enough(years.back(), t.back())) t.push_back(years.back());
    return t;
}

// `s` with "{year}" replaced by the year.
std::string with_year(std::string s, int year) {
    if (const auto at = s.find("{year}"); at != std::string::npos) s.replace(at, 6, std::to_string(year));
    return s;
}

// The area between two series over the years: `hi` forward, `lo` back.
std::string band(const Frame& f, const std::vector<int>& years, const std::vector<units::Mass>& lo,
                 const std::vector<units::Mass>& hi, const std::string& cls, const char* fill, const char* opacity) {
    std::ostringstream p;
    p << "<path class=\"band " << cls << "\" fill=\"" << fill << "\" fill-opacity=\"" << opacity << "\" d=\"M";
    for (std::size_t i = 0; i < years.size(); ++i)
        p << (i ? " L" : "") << num(f.x(years[i])) << "," << num(f.y(tonnes(hi[i])));
    for (std::size_t i = years.size(); i-- > 0;) p << " L" << num(f.x(years[i])) << "," << num(f.y(tonnes(lo[i])));
    p << " Z\"/>\n";
    return p.str();
}

double extreme(const std::vector<units::Mass>& v, bool max) {
    double e = 0;
    for (const auto& m : v) e = max ? std::max(e, tonnes(m)) : std::min(e, tonnes(m));
    return e;
}

}  // namespace

std::string svg_trajectory(const ReportData& d, Lang l) {
    const auto& c = d.chart;
    double hi =
        std::max({extreme(c.bau.values, true), extreme(c.scenario.values, true), extreme(c.target.values, true)});
    double lo =
        std::min({extreme(c.bau.values, false), extreme(c.scenario.values, false), extreme(c.target.values, false)});
    for (const auto& [year, mass] : c.inventories) hi = std::max(hi, tonnes(mass)), lo = std::min(lo, tonnes(mass));
    const auto f = frame(c.years.front(), c.years.back(), lo, hi);
    std::string s = open_svg("chart-trajectory", tr("chart_trajectory", l)) + axes(f, year_ticks(f, c.years), l);
    if (d.report_year >= c.years.front() && d.report_year <= c.years.back())
        s += "<line class=\"report-year\" x1=\"" + num(f.x(d.report_year)) + "\" x2=\"" + num(f.x(d.report_year)) +
             "\" y1=\"" + num(kTop) + "\" y2=\"" + num(kHeight - kBottom) +
             "\" stroke=\"#999\" stroke-dasharray=\"2 3\"/>\n";
    s += total_lines(f, c, l);
    for (const auto& [year, mass] : c.inventories)
        s += "<circle class=\"inventory\" cx=\"" + num(f.x(year)) + "\" cy=\"" + num(f.y(tonnes(mass))) +
             "\" r=\"4\" fill=\"#000\"><title>" + std::to_string(year) + ": " + tonnes_text(mass, l) +
             "</title></circle>\n";
    return s + "</svg>\n";
}

std::string svg_wedges(const ReportData& d, Lang l) {
    const auto& c = d.chart;
    // Stack each measure's effect on top of the scenario: the last edge is BAU.
    std::vector<std::vector<double>> edges{{}};
    for (const auto& v : c.scenario.values) edges[0].push_back(tonnes(v));
    for (const auto& m : c.measures) {
        std::vector<double> next = edges.back();
        for (std::size_t i = 0; i < next.size(); ++i) next[i] += tonnes(m.values[i]);
        edges.push_back(std::move(next));
    }
    double hi = extreme(c.bau.values, true), lo = extreme(c.target.values, false);
    for (const auto& e : edges)
        for (double v : e) hi = std::max(hi, v), lo = std::min(lo, v);
    const auto f = frame(c.years.front(), c.years.back(), lo, hi);
    std::string s = open_svg("chart-wedges", tr("chart_wedges", l)) + axes(f, year_ticks(f, c.years), l);
    for (std::size_t k = 0; k < c.measures.size(); ++k) {
        std::ostringstream p;
        p << "<path class=\"wedge\" data-measure=\"" << xml_escape(c.measures[k].key) << "\" fill=\"" << colour(k)
          << "\" fill-opacity=\"0.85\" d=\"M";
        for (std::size_t i = 0; i < c.years.size(); ++i)
            p << (i ? " L" : "") << num(f.x(c.years[i])) << "," << num(f.y(edges[k + 1][i]));
        for (std::size_t i = c.years.size(); i-- > 0;)
            p << " L" << num(f.x(c.years[i])) << "," << num(f.y(edges[k][i]));
        p << " Z\"><title>" << xml_escape(series_name(c.measures[k], l)) << "</title></path>\n";
        s += p.str();
        s += legend(k + 4, series_name(c.measures[k], l), colour(k), false);
    }
    s += total_lines(f, c, l);
    return s + "</svg>\n";
}

std::string svg_sector_bars(const ReportData& d, Lang l) {
    const auto& c = d.chart;
    std::vector<std::size_t> cols;  // indexes into c.years: the first year and every fifth year
    for (std::size_t i = 0; i < c.years.size(); ++i)
        if (i == 0 || c.years[i] % 5 == 0) cols.push_back(i);
    double hi = 0, lo = 0;
    for (std::size_t i : cols) {
        double up = 0, down = 0;
        for (const auto& s : c.sectors) (tonnes(s.values[i]) >= 0 ? up : down) += tonnes(s.values[i]);
        hi = std::max(hi, up), lo = std::min(lo, down);
    }
    // Bars sit on an index axis: one slot per column.
    Frame f = frame(-0.5, static_cast<double>(cols.size()) - 0.5, lo, hi);
    std::string s = open_svg("chart-sectors", tr("chart_sectors", l)) + axes(f, {}, l);
    const double bar = 0.6 * (f.x(1) - f.x(0));
    for (std::size_t k = 0; k < cols.size(); ++k) {
        const std::size_t i = cols[k];
        const double cx = f.x(static_cast<double>(k));
        double up = 0, down = 0;
        for (std::size_t j = 0; j < c.sectors.size(); ++j) {
            const double v = tonnes(c.sectors[j].values[i]);
            const double from = v >= 0 ? up : down, to = from + v;
            (v >= 0 ? up : down) = to;
            const double top = f.y(std::max(from, to)), height = std::fabs(f.y(from) - f.y(to));
            s += "<rect class=\"bar\" data-sector=\"" + xml_escape(c.sectors[j].key) + "\" x=\"" + num(cx - bar / 2) +
                 "\" y=\"" + num(top) + "\" width=\"" + num(bar) + "\" height=\"" + num(height) + "\" fill=\"" +
                 colour(j) + "\"><title>" + xml_escape(series_name(c.sectors[j], l)) + " " +
                 std::to_string(c.years[i]) + ": " + tonnes_text(c.sectors[j].values[i], l) + "</title></rect>\n";
        }
        s += "<text x=\"" + num(cx) + "\" y=\"" + num(kHeight - kBottom + 16) +
             "\" font-size=\"11\" text-anchor=\"middle\">" + std::to_string(c.years[i]) + "</text>\n";
    }
    for (std::size_t j = 0; j < c.sectors.size(); ++j) s += legend(j, series_name(c.sectors[j], l), colour(j), false);
    return s + "</svg>\n";
}

std::string svg_fan(const ReportData& d, const analysis::MonteCarloOutcome& mc, Lang l) {
    std::vector<int> years;
    std::vector<units::Mass> bau5, bau50, bau95, sc5, sc50, sc95, target;
    std::vector<int> target_years;
    for (const auto& y : mc.years) {
        years.push_back(y.year);
        bau5.push_back(y.bau.p5), bau50.push_back(y.bau.p50), bau95.push_back(y.bau.p95);
        sc5.push_back(y.scenario.p5), sc50.push_back(y.scenario.p50), sc95.push_back(y.scenario.p95);
    }
    const auto& c = d.chart;
    for (std::size_t i = 0; i < c.years.size(); ++i)
        if (c.years[i] >= mc.launch_year) target_years.push_back(c.years[i]), target.push_back(c.target.values[i]);
    if (years.size() < 2) return "";
    double hi = 0, lo = 0;
    for (const auto* v : {&bau5, &bau95, &sc5, &sc95, &target})
        hi = std::max(hi, extreme(*v, true)), lo = std::min(lo, extreme(*v, false));
    const auto f = frame(years.front(), years.back(), lo, hi);
    std::string s = open_svg("chart-fan", tr("chart_fan", l)) + axes(f, year_ticks(f, years), l);
    s += band(f, years, bau5, bau95, "band-bau", "#888888", "0.25");
    s += band(f, years, sc5, sc95, "band-scenario", "#1f78b4", "0.35");
    s += polyline(f, years, bau50, "bau-median", "#888888", "6 4");
    s += polyline(f, years, sc50, "scenario-median", "#1f78b4");
    s += polyline(f, target_years, target, "target-path", "#d62728");
    s += legend(0, tr("band_scenario", l), "#1f78b4", false, "", "0.35") +
         legend(1, tr("band_bau", l), "#888888", false, "", "0.25") +
         legend(2, tr("median_scenario", l), "#1f78b4", true) + legend(3, tr("median_bau", l), "#888888", true, "6 4") +
         legend(4, tr("target_path", l), "#d62728", true);
    return s + "</svg>\n";
}

std::string svg_macc(const analysis::AbatementOutcome& a, Lang l) {
    // Every measure with an effect in the year, in MACC order, so that the x axis cumulates as the
    // table does; one without a cost (cost_dkk 0) is a short grey mark on the axis, not a bar at 0 DKK/t.
    std::vector<const analysis::MeasureCost*> shown;
    double width = 0, hi = 0, lo = 0;
    for (const auto& m : a.measures) {
        if (tonnes(m.in_year) <= 0) continue;
        shown.push_back(&m);
        width += tonnes(m.in_year);
        if (units::in_dkk(m.cost) == 0.0 || !m.per_tonne_discounted) continue;
        const double h = units::in_dkk_per_tonne(*m.per_tonne_discounted);
        hi = std::max(hi, h), lo = std::min(lo, h);
    }
    const double required = tonnes(a.required);
    const double x_hi = std::max({width, required, 1.0});
    const auto f = frame(0, x_hi, lo, hi);
    // Each bar carries its number; the numbers are listed with the names under the plot, two columns.
    constexpr double kLegendRow = 15, kLegendTop = kHeight + 12;
    const double legend_rows = std::ceil(static_cast<double>(shown.size()) / 2.0);
    std::string s =
        open_svg("chart-macc", with_year(tr("chart_macc", l), a.year), kLegendTop + kLegendRow * legend_rows + 4) +
        axes(f, {}, l, "unit_dkk_t");
    const double step = tick_step(x_hi);
    for (double v = 0; v <= x_hi + step / 100; v += step)
        s += "<text x=\"" + num(f.x(v)) + "\" y=\"" + num(kHeight - kBottom + 16) +
             "\" font-size=\"11\" text-anchor=\"middle\">" + decimal_text(v, 0, l) + "</text>\n";
    s += "<text x=\"" + num(kWidth - kRight) + "\" y=\"" + num(kHeight - 6) +
         "\" font-size=\"11\" text-anchor=\"end\">" + xml_escape(tr("unit_t", l)) + "</text>\n";
    double at = 0;
    bool any_without = false;
    struct Box {
        double x0, x1, y0, y1;
    };
    std::vector<Box> placed;  // the number labels so far: a new one moves up until it is clear of them
    std::string numbers;
    const auto number_label = [&](std::size_t k, double cx, double base) {
        const auto label = std::to_string(k + 1);
        const double w = text_width(label.size(), 10), h = 10;
        double y = base;
        for (bool clear = false; !clear && y > kTop;) {
            clear = true;
            for (const auto& b : placed)
                if (cx - w / 2 < b.x1 && cx + w / 2 > b.x0 && y - h < b.y1 && y > b.y0) clear = false, y = b.y0 - 2;
        }
        placed.push_back({cx - w / 2, cx + w / 2, y - h, y});
        numbers += "<text class=\"macc-number\" x=\"" + num(cx) + "\" y=\"" + num(y) +
                   "\" font-size=\"10\" text-anchor=\"middle\">" + label + "</text>\n";
    };
    for (std::size_t k = 0; k < shown.size(); ++k) {
        const auto& m = *shown[k];
        const double w = tonnes(m.in_year);
        const std::string x = num(f.x(at)), bar_width = num(f.x(at + w) - f.x(at));
        const double centre = (f.x(at) + f.x(at + w)) / 2;
        const std::string tip =
            xml_escape(m.name) + ": " + tonnes_text(m.in_year, l) + " " + xml_escape(tr("unit_t", l));
        at += w;
        if (units::in_dkk(m.cost) == 0.0 || !m.per_tonne_discounted) {
            any_without = true;
            s += "<rect class=\"macc-nocost\" data-measure=\"" + xml_escape(m.id) + "\" x=\"" + x + "\" y=\"" +
                 num(f.y(0) - 3) + "\" width=\"" + bar_width + "\" height=\"6\" fill=\"#bbbbbb\"><title>" + tip + ", " +
                 xml_escape(tr("no_cost", l)) + "</title></rect>\n";
            number_label(k, centre, f.y(0) - 6);
            continue;
        }
        const double h = units::in_dkk_per_tonne(*m.per_tonne_discounted);
        const double top = f.y(std::max(0.0, h)), height = std::fabs(f.y(0) - f.y(h));
        s += "<rect class=\"macc-bar\" data-measure=\"" + xml_escape(m.id) + "\" x=\"" + x + "\" y=\"" + num(top) +
             "\" width=\"" + bar_width + "\" height=\"" + num(height) + "\" fill=\"" + colour(k) +
             "\" stroke=\"#fff\" stroke-width=\"0.5\"><title>" + tip + ", " + decimal_text(h, 0, l) + " " +
             xml_escape(tr("unit_dkk_t", l)) + "</title></rect>\n";
        number_label(k, centre, f.y(std::max(0.0, h)) - 3);
    }
    s += numbers;
    for (std::size_t k = 0; k < shown.size(); ++k) {
        const double x = k % 2 == 0 ? kLeft : kLeft + (kWidth - kLeft) / 2;
        const double y = kLegendTop + kLegendRow * static_cast<double>(k / 2) + 10;
        s += "<text class=\"macc-legend\" x=\"" + num(x) + "\" y=\"" + num(y) + "\" font-size=\"11\">" +
             std::to_string(k + 1) + " " + xml_escape(shortened(shown[k]->name)) + "</text>\n";
    }
    std::size_t entry = 0;
    if (required > 0) {
        s += "<line class=\"required\" x1=\"" + num(f.x(required)) + "\" x2=\"" + num(f.x(required)) + "\" y1=\"" +
             num(kTop) + "\" y2=\"" + num(kHeight - kBottom) +
             "\" stroke=\"#d62728\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>\n";
        s +=
            legend(entry++, with_year(tr("required_reduction", l), a.year) + ": " + decimal_text(required, 0, l) + " t",
                   "#d62728", true, "6 3");
    }
    if (any_without) s += legend(entry, tr("no_cost", l), "#bbbbbb", false);
    return s + "</svg>\n";
}

}  // namespace klima::report
