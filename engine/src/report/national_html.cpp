// The national monitor as one HTML page (klima/national/national_report.hpp): a choropleth map
// drawn from the TopoJSON (per inhabitant, change since the first year, on track), a sortable
// table of all municipalities and small multiples of each trend; and one municipality's page.
#include "national_common.hpp"

#include "klima/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <sstream>

namespace klima::national {

namespace {

using detail::html_escape;
using detail::tr;

constexpr std::array<const char*, 6> kWarm = {"#fff5d6", "#fdd9a0", "#f9ae6b", "#ee7a45", "#d2452b", "#9e1b1b"};
constexpr std::array<double, 5> kPerInhabitantBreaks = {4, 6, 8, 12, 20};  // t per inhabitant
constexpr std::array<const char*, 5> kChange = {"#1a7837", "#7fbf7b", "#d9f0d3", "#f7d4d4", "#c0392b"};
constexpr std::array<double, 4> kChangeBreaks = {-30, -15, -5, 0};  // %
constexpr const char* kGrey = "#cccccc";
constexpr const char* kOnTrack = "#1a7837";
constexpr const char* kOffTrack = "#c0392b";

const char* per_inhabitant_colour(double t) {
    std::size_t i = 0;
    while (i < kPerInhabitantBreaks.size() && t >= kPerInhabitantBreaks[i]) ++i;
    return kWarm[i];
}

const char* change_colour(const MunicipalityStatus& m) {
    if (!m.change_share) return kGrey;
    const double pct = m.change_share->value() * 100;
    std::size_t i = 0;
    while (i < kChangeBreaks.size() && pct >= kChangeBreaks[i]) ++i;
    return kChange[i];
}

const char* track_colour(const MunicipalityStatus& m) {
    if (!m.target.on_file) return kGrey;
    return m.target.on_track[0] ? kOnTrack : kOffTrack;
}

std::string css() {
    return "body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:1100px;color:#222}"
           "table{border-collapse:collapse;font-size:.85rem}th,td{padding:.2rem .4rem;border-bottom:1px solid #ddd}"
           "th{cursor:pointer;background:#f3f3f3;position:sticky;top:0}td.n{text-align:right}"
           "#national-map path{stroke:#fff;stroke-width:.4}#national-map path:hover{stroke:#000;stroke-width:1}"
           ".legend span{display:inline-block;width:1rem;height:.8rem;margin:0 .2rem 0 .6rem;vertical-align:middle}"
           ".multiples{display:flex;flex-wrap:wrap;gap:.4rem}.multiples figure{margin:0;width:130px;font-size:.7rem}"
           ".multiples figure:target{outline:2px solid #333}";
}

void legend(std::string& out, const char* key, const std::string& title,
            const std::vector<std::pair<std::string, std::string>>& items) {
    out += fmt::format("<p class=\"legend\" data-for=\"{}\"><b>{}</b>", key, html_escape(title));
    for (const auto& [colour, label] : items)
        out += fmt::format(
            "<span style=\"background:{0}\"><svg width=\"16\" height=\"12\"><rect width=\"16\" height=\"12\" "
            "fill=\"{0}\"/></svg></span>{1}",
            colour, html_escape(label));
    out += "</p>\n";
}

void map_section(std::string& out, const NationalStatus& s, const NationalMap& map, report::Lang l,
                 const HtmlOptions& o) {
    std::map<std::string, std::size_t> by_code;
    for (std::size_t m = 0; m < s.data.municipalities.size(); ++m) by_code[s.data.municipalities[m].code] = m;
    const int first = s.data.years.front();
    out += fmt::format(
        "<h2>{}</h2>\n<p><label>{} <select id=\"map-choice\"><option value=\"pi\">{}</option>"
        "<option value=\"ch\">{}</option><option value=\"ot\">{}</option></select></label></p>\n",
        tr(l, "Kort", "Map"), tr(l, "Vis", "Show"), tr(l, "t CO2e pr. indbygger", "t CO2e per inhabitant"),
        fmt::format(fmt::runtime(tr(l, "ændring siden {}", "change since {}")), first),
        tr(l, "på sporet mod eget mål (lineær)", "on track for own target (linear)"));
    out +=
        fmt::format("<svg id=\"national-map\" viewBox=\"0 0 {} {}\" width=\"100%\" role=\"img\" aria-label=\"{}\">\n",
                    map.width, map.height, tr(l, "Danmarks kommuner", "Denmark's municipalities"));
    int left_out = 0;
    for (const auto& shape : map.shapes) {
        const auto it = by_code.find(shape.code);
        if (it == by_code.end()) {  // Christiansø (0411) is no municipality: not drawn
            ++left_out;
            continue;
        }
        const auto m = it->second;
        const auto& ms = s.municipalities[m];
        const double pi = s.data.figures[m].back().per_inhabitant.value() / 1000;
        const std::string change = ms.change_share ? detail::grouped(ms.change_share->value() * 100, l, 1) + " %" : "—";
        std::string link = o.municipality_link;
        if (const auto at = link.find("{code}"); at != std::string::npos) link.replace(at, 6, shape.code);
        out += fmt::format(
            "<a href=\"{}\"><path data-code=\"{}\" data-pi=\"{}\" data-ch=\"{}\" data-ot=\"{}\" fill=\"{}\" d=\"{}\">"
            "<title>{}: {} t/{}, {} {}, {}</title></path></a>\n",
            html_escape(link), shape.code, per_inhabitant_colour(pi), change_colour(ms), track_colour(ms),
            per_inhabitant_colour(pi), shape.path, html_escape(s.data.municipalities[m].name),
            detail::grouped(pi, l, 1), tr(l, "indb.", "inh."), change,
            fmt::format(fmt::runtime(tr(l, "siden {}", "since {}")), first),
            detail::target_text(ms, Forecast::linear, l));
    }
    out += "</svg>\n";
    std::vector<std::pair<std::string, std::string>> pi_items, ch_items;
    for (std::size_t i = 0; i < kWarm.size(); ++i) {
        const std::string lo = i ? detail::grouped(kPerInhabitantBreaks[i - 1], l) : "";
        const std::string hi = i < kPerInhabitantBreaks.size() ? detail::grouped(kPerInhabitantBreaks[i], l) : "";
        pi_items.emplace_back(kWarm[i], lo.empty() ? "< " + hi : hi.empty() ? "≥ " + lo : lo + "–" + hi);
    }
    for (std::size_t i = 0; i < kChange.size(); ++i) {
        const std::string lo = i ? detail::grouped(kChangeBreaks[i - 1], l) : "";
        const std::string hi = i < kChangeBreaks.size() ? detail::grouped(kChangeBreaks[i], l) : "";
        ch_items.emplace_back(kChange[i], (lo.empty() ? "< " + hi : hi.empty() ? "≥ " + lo : lo + " – " + hi) + " %");
    }
    ch_items.emplace_back(kGrey, tr(l, "netto-optag i startåret", "net sink in the first year"));
    legend(out, "pi", tr(l, "t CO2e pr. indbygger", "t CO2e per inhabitant"), pi_items);
    legend(out, "ch", fmt::format(fmt::runtime(tr(l, "ændring siden {}", "change since {}")), first), ch_items);
    legend(out, "ot", tr(l, "eget mål, lineær fremskrivning", "own target, linear forecast"),
           {{kOnTrack, tr(l, "på sporet", "on track")},
            {kOffTrack, tr(l, "ikke på sporet", "not on track")},
            {kGrey, tr(l, "intet mål registreret", "no target on file")}});
    if (left_out)
        out += fmt::format("<p>{}</p>\n", tr(l, "Christiansø (0411) er ikke en kommune og er ikke tegnet.",
                                             "Christiansø (0411) is not a municipality and is not drawn."));
}

// A small chart of one municipality: history, the linear forecast dashed to the forecast year.
void multiple(std::string& out, const NationalStatus& s, std::size_t m, report::Lang l) {
    const auto& d = s.data;
    const auto& ms = s.municipalities[m];
    const int y0 = d.years.front(), y1 = s.params.forecast_year;
    double lo = 0, hi = 0;
    for (const auto& f : d.figures[m]) lo = std::min(lo, f.total.value()), hi = std::max(hi, f.total.value());
    if (hi == lo) hi = lo + 1;
    const auto X = [&](double y) { return 4 + (y - y0) * 122.0 / (y1 - y0); };
    const auto Y = [&](double v) { return 56 - (v - lo) * 52 / (hi - lo); };
    std::string pts;
    for (const auto& f : d.figures[m]) pts += fmt::format("{:.1f},{:.1f} ", X(f.year), Y(f.total.value()));
    const double last = d.figures[m].back().total.value();
    out += fmt::format(
        "<figure id=\"m-{}\"><svg viewBox=\"0 0 130 60\" width=\"130\" height=\"60\"><line x1=\"4\" x2=\"126\" "
        "y1=\"{:.1f}\" "
        "y2=\"{:.1f}\" stroke=\"#bbb\"/><polyline points=\"{}\" fill=\"none\" stroke=\"#333\"/>"
        "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#c0392b\" stroke-dasharray=\"3 "
        "2\"/></svg>"
        "<figcaption>{} {}</figcaption></figure>\n",
        d.municipalities[m].code, Y(0), Y(0), pts, X(d.years.back()), Y(last), X(y1),
        Y(std::clamp(ms.forecast[0].value(), lo, hi)), html_escape(d.municipalities[m].name),
        detail::grouped(ms.change_share ? ms.change_share->value() * 100 : 0, l, 0) + (ms.change_share ? " %" : ""));
    (void)l;
}

constexpr std::array<const char*, kSectorCount> kSectorColours = {"#e08214", "#5e3c99", "#4dac26", "#8c510a",
                                                                  "#878787"};

// One municipality's history as stacked sector bars (sinks below 0), and at the forecast year the three
// forecasts, the bootstrap's p5–p95, the Carbon-Law path and the own target.
void municipality_chart(std::string& out, const NationalStatus& s, std::size_t m, report::Lang l) {
    const auto& d = s.data;
    const auto& ms = s.municipalities[m];
    const int y0 = d.years.front(), fy = s.params.forecast_year;
    double hi = 0, lo = 0;
    for (const auto& f : d.figures[m]) {
        double up = 0, down = 0;
        for (const auto& v : f.sectors) (v.value() > 0 ? up : down) += v.value() / 1000;
        hi = std::max(hi, up), lo = std::min(lo, down);
    }
    for (const auto& v : ms.mc) hi = std::max(hi, v.value() / 1000);
    if (ms.target.on_file) hi = std::max(hi, ms.target.level.value() / 1000);
    if (hi == lo) hi = lo + 1;
    const double W = 640, H = 300, left = 70, right = 40, top = 20, bottom = 40;
    const auto X = [&](double y) { return left + (y - y0 + 0.5) * (W - left - right) / (fy - y0 + 1); };
    const auto Y = [&](double t) { return top + (hi - t) * (H - top - bottom) / (hi - lo); };
    const double bar = (W - left - right) / (fy - y0 + 1) * 0.6;
    out += fmt::format("<svg class=\"chart\" viewBox=\"0 0 {} {}\" width=\"{}\" role=\"img\" aria-label=\"{}\">\n", W,
                       H, W, tr(l, "Udledning efter sektor og fremskrivninger", "Emissions by sector and forecasts"));
    for (int k = 0; k <= 4; ++k) {  // gridlines with values
        const double t = lo + (hi - lo) * k / 4;
        out += fmt::format(
            "<line x1=\"{}\" x2=\"{}\" y1=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#e5e5e5\"/>"
            "<text x=\"{}\" y=\"{:.1f}\" font-size=\"10\" text-anchor=\"end\">{}</text>\n",
            left, W - right, Y(t), Y(t), left - 4, Y(t) + 3, detail::grouped(t, l));
    }
    for (const auto& f : d.figures[m]) {
        double up = 0, down = 0;
        for (std::size_t k = 0; k < kSectorCount; ++k) {
            const double v = f.sectors[k].value() / 1000;
            double& base = v > 0 ? up : down;
            const double a = Y(base), b = Y(base + v);
            out += fmt::format(
                "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"><title>{} {}: {} "
                "t</title></rect>\n",
                X(f.year) - bar / 2, std::min(a, b), bar, std::fabs(a - b), kSectorColours[k], code(kSectors[k]),
                f.year, detail::grouped(v, l));
            base += v;
        }
        out += fmt::format("<text x=\"{:.1f}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\">{}</text>\n", X(f.year),
                           H - bottom + 14, f.year);
    }
    const double x = X(fy);
    out += fmt::format("<text x=\"{:.1f}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\">{}</text>\n", x,
                       H - bottom + 14, fy);
    out += fmt::format(
        "<line x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1:.1f}\" y2=\"{2:.1f}\" stroke=\"#555\"><title>Monte Carlo "
        "p5–p95</title></line>\n",
        x, Y(ms.mc[0].value() / 1000), Y(ms.mc[2].value() / 1000));
    constexpr std::array<const char*, 3> kMarks = {"#c0392b", "#2166ac", "#000000"};
    for (std::size_t k = 0; k < 3; ++k)
        out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4\" fill=\"{}\"><title>{}: {} t</title></circle>\n",
                           x + (static_cast<double>(k) - 1) * 10, Y(ms.forecast[k].value() / 1000), kMarks[k],
                           html_escape(detail::forecast_name(kForecasts[k], l)),
                           detail::grouped(ms.forecast[k].value() / 1000, l));
    out += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"8\" height=\"8\" fill=\"#1a7837\"><title>Carbon Law: {} "
        "t</title></rect>\n",
        x + 16, Y(ms.carbon_law.value() / 1000) - 4, detail::grouped(ms.carbon_law.value() / 1000, l));
    if (ms.target.on_file)
        out += fmt::format(
            "<line x1=\"{:.1f}\" x2=\"{:.1f}\" y1=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#1a7837\" stroke-dasharray=\"4 3\">"
            "<title>{}: {} t</title></line>\n",
            x - 24, x + 24, Y(ms.target.level.value() / 1000), Y(ms.target.level.value() / 1000),
            tr(l, "eget mål", "own target"), detail::grouped(ms.target.level.value() / 1000, l));
    out += "</svg>\n<p class=\"legend\">";
    for (std::size_t k = 0; k < kSectorCount; ++k)
        out += fmt::format("<svg width=\"12\" height=\"12\"><rect width=\"12\" height=\"12\" fill=\"{}\"/></svg> {} ",
                           kSectorColours[k], code(kSectors[k]));
    for (std::size_t k = 0; k < 3; ++k)
        out += fmt::format("<svg width=\"12\" height=\"12\"><circle cx=\"6\" cy=\"6\" r=\"4\" fill=\"{}\"/></svg> {} ",
                           kMarks[k], html_escape(detail::forecast_name(kForecasts[k], l)));
    out += fmt::format(
        "<svg width=\"12\" height=\"12\"><rect width=\"8\" height=\"8\" y=\"2\" fill=\"#1a7837\"/></svg> Carbon Law; "
        "│ Monte Carlo p5–p95{}</p>\n",
        ms.target.on_file ? tr(l, "; stiplet: eget mål", "; dashed: own target") : "");
}

void table_section(std::string& out, const NationalStatus& s, report::Lang l) {
    const int fy = s.params.forecast_year, last = s.data.years.back();
    out += fmt::format(
        "<h2>{}</h2>\n<table id=\"national-table\"><thead><tr><th>{}</th><th>{}</th><th>{}</th>"
        "<th>t {}</th><th>{}</th><th>{}</th>",
        tr(l, "Alle kommuner (klik en overskrift for at sortere)", "All municipalities (click a heading to sort)"),
        tr(l, "kode", "code"), tr(l, "kommune", "municipality"), tr(l, "region", "region"), last,
        tr(l, "t/indb.", "t/inh."), tr(l, "ændring %", "change %"));
    for (const auto f : kForecasts) out += fmt::format("<th>{} {}</th>", detail::forecast_name(f, l), fy);
    out += fmt::format("<th>{}</th><th>Carbon Law {}</th><th>{}</th><th>{}</th></tr></thead><tbody>\n",
                       tr(l, "lineær nul-år", "linear zero year"), fy, tr(l, "andel opbrugt", "share runs out"),
                       tr(l, "eget mål (lineær)", "own target (linear)"));
    for (std::size_t m = 0; m < s.municipalities.size(); ++m) {
        const auto& mu = s.data.municipalities[m];
        const auto& ms = s.municipalities[m];
        const auto& f = s.data.figures[m].back();
        const auto cell = [&](double v, int dec) {
            return fmt::format("<td class=\"n\" data-v=\"{}\">{}</td>", v, detail::grouped(v, l, dec));
        };
        out += fmt::format(
            "<tr><td data-v=\"{0}\">{0}</td><td data-v=\"{1}\"><a href=\"#m-{0}\">{1}</a></td><td "
            "data-v=\"{2}\">{2}</td>",
            mu.code, html_escape(mu.name), html_escape(mu.region));
        out += cell(std::round(f.total.value() / 1000), 0) +
               cell(detail::round_to(f.per_inhabitant.value() / 1000, 0.01), 2);
        out += ms.change_share ? cell(detail::round_to(ms.change_share->value() * 100, 0.1), 1)
                               : std::string("<td class=\"n\" data-v=\"\">—</td>");
        for (std::size_t k = 0; k < 3; ++k) out += cell(std::round(ms.forecast[k].value() / 1000), 0);
        const auto zy = detail::zero_year_text(ms, last, l);
        out += fmt::format("<td class=\"n\" data-v=\"{}\">{}</td>", ms.zero_year ? *ms.zero_year : 9999, zy);
        out += cell(std::round(ms.carbon_law.value() / 1000), 0);
        const auto ro = detail::runout_text(ms, l);
        out +=
            fmt::format("<td class=\"n\" data-v=\"{0}\">{1}</td><td data-v=\"{2}\">{2}</td></tr>\n",
                        ms.budget_runout ? *ms.budget_runout : 9999, ro, detail::target_text(ms, Forecast::linear, l));
    }
    out += "</tbody></table>\n";
}

std::string page_start(const std::string& title, report::Lang l) {
    return fmt::format(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title>"
        "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><style>{}</style></head><body>\n",
        l == report::Lang::da ? "da" : "en", html_escape(title), css());
}

std::string markdown_block(const std::string& md) {  // the text sections, kept as preformatted text
    return "<pre>" + html_escape(md) + "</pre>\n";
}

}  // namespace

namespace detail {

std::string html_national(const NationalStatus& s, report::Lang l, const NationalMap* map, const HtmlOptions& o) {
    std::string out;
    out.reserve(1 << 20);
    const std::string title = tr(l, "Kommunernes udledning og kurs mod ", "Municipal emissions and the course to ") +
                              std::to_string(s.params.forecast_year);
    out += page_start(title, l);
    out += fmt::format("<h1>{}</h1>\n<p>{} ({} {}).</p>\n<ul>", html_escape(title), html_escape(s.data.attribution),
                       tr(l, "udtræk", "vintage"), s.data.vintage);
    for (const auto f : kForecasts) out += "<li>" + html_escape(forecast_definition(f, s.params, l)) + "</li>";
    out += fmt::format(
        "<li>{}</li></ul>\n",
        tr(l, "CONCITOs definitioner er ikke offentliggjort i materiale vi kunne læse; disse er klimas egne.",
           "CONCITO's definitions are not published in material we could read; these are klima's own."));
    if (map) map_section(out, s, *map, l, o);
    {
        // The national sums as the text report gives them.
        std::ostringstream md;
        write_text_national(md, s, Format::table, l);
        const auto text = md.str();
        const auto from = text.find(tr(l, "Landet:", "Denmark:"));
        const auto to = text.find(tr(l, "Alle kommuner", "All municipalities"));
        if (from != std::string::npos && to != std::string::npos) out += markdown_block(text.substr(from, to - from));
    }
    table_section(out, s, l);
    out += fmt::format("<h2>{}</h2>\n<div class=\"multiples\">\n",
                       tr(l, "Udvikling og lineær fremskrivning", "Trend and linear forecast"));
    for (std::size_t m = 0; m < s.municipalities.size(); ++m) multiple(out, s, m, l);
    out += "</div>\n";
    if (o.script_src) out += fmt::format("<script src=\"{}\"></script>\n", html_escape(*o.script_src));
    else out += "<script>" + std::string(national_script()) + "</script>\n";
    out += "</body></html>\n";
    return out;
}

std::string html_municipality(const NationalStatus& s, std::size_t m, report::Lang l) {
    const auto& mu = s.data.municipalities[m];
    std::string out = page_start(mu.name, l);
    std::ostringstream text;
    write_text_municipality(text, s, m, Format::table, l);
    out += fmt::format("<h1>{}</h1>\n", html_escape(mu.name + " (" + mu.code + ")"));
    out += fmt::format("<p>{} ({} {}).</p>\n", html_escape(s.data.attribution), tr(l, "udtræk", "vintage"),
                       s.data.vintage);
    municipality_chart(out, s, m, l);
    out += markdown_block(text.str()) + "</body></html>\n";
    return out;
}

}  // namespace detail

}  // namespace klima::national
