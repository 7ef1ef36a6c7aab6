#include "report_text.hpp"

#include "allocation_note.hpp"

#include "labels.hpp"
#include "render_by_format.hpp"

#include "klima/error.hpp"

#include <fmt/format.h>

namespace klima::report {

std::string xml_escape(const std::string& s) {
    std::string o;
    for (char c : s) {
        if (c == '&') o += "&amp;";
        else if (c == '<') o += "&lt;";
        else if (c == '>') o += "&gt;";
        else if (c == '"') o += "&quot;";
        else o += c;
    }
    return o;
}

std::string decimal_text(double v, int decimals, Lang lang) {
    std::string s = fmt::format("{:.{}f}", v, decimals);
    if (s.find_first_not_of("-0.") == std::string::npos && s[0] == '-') s.erase(0, 1);  // no "-0.0"
    // Group thousands for people: 570.108,1 in Danish, 570,108.1 in English.
    const char point = lang == Lang::da ? ',' : '.';
    const char group = lang == Lang::da ? '.' : ',';
    auto end = s.find('.');
    if (end == std::string::npos) end = s.size();
    else s[end] = point;
    const std::size_t first = s[0] == '-' ? 1 : 0;
    for (auto i = end; i > first + 3; i -= 3) s.insert(i - 3, 1, group);
    return s;
}

std::string tonnes_text(units::Mass m, Lang lang) { return decimal_text(units::in_tonnes(m), 0, lang); }

std::string tonnes_text(const std::optional<units::Mass>& m, Lang lang) { return m ? tonnes_text(*m, lang) : "–"; }

std::string percent_text(const std::optional<units::Ratio>& r, Lang lang) {
    if (!r) return "–";
    const double pct = units::in_count(*r) * 100.0;
    std::string s = decimal_text(pct, 1, lang);
    if (pct > 0.05) s.insert(s.begin(), '+');
    return s.append(" %");
}

std::string reduction_text(units::Ratio r, Lang lang) {
    std::string s = decimal_text(units::in_count(r) * 100.0, 1, lang);
    s.insert(s.begin(), '-');
    return s.append(" %");
}

std::string sector_name(const ReportData& d, const std::string& sector, Lang lang) {
    for (const auto& r : d.progress.sectors)
        if (r.key == sector) return row_name(r, lang);
    return sector;
}

std::string measure_label(const std::string& name, const std::string& id, Lang lang) {
    return lang == Lang::da || name == id ? name : name + " (" + id + ")";
}

std::string row_label(const ReportData& d, const std::string& row, Lang lang) {
    const auto it = d.row_names.find(row);
    if (it == d.row_names.end()) return row;
    return lang == Lang::da ? it->second.first : it->second.second;
}

namespace {

// A row selector's name for people: "*/*" all sectors, "transport/*" a sector, else the row's.
std::string selector_label(const ReportData& d, const std::string& row, Lang lang) {
    const bool da = lang == Lang::da;
    if (row == "*/*") return da ? "alle sektorer" : "all sectors";
    const auto slash = row.find('/');
    if (slash != std::string::npos && row.substr(slash) == "/*") {
        const auto sector = row.substr(0, slash + 1);
        for (const auto& [key, names] : d.row_names)
            if (key.rfind(sector, 0) == 0) {
                const auto& name = da ? names.first : names.second;
                return name.substr(0, name.find(", "));
            }
    }
    return row_label(d, row, lang);
}

}  // namespace

std::string input_label(const ReportData& d, const std::string& label, Lang lang) {
    if (lang != Lang::da) return label;
    const auto space = label.find(' ');
    if (space == std::string::npos) return label;
    const auto kind = label.substr(0, space), rest = label.substr(space + 1);
    if (kind == "activity" || kind == "factor") {
        const auto gap = rest.rfind(' ');
        const auto row = rest.substr(0, gap), carrier = gap == std::string::npos ? "" : rest.substr(gap + 1);
        const auto where =
            selector_label(d, row, lang) + (carrier.empty() || carrier == "*" ? "" : " (" + carrier + ")");
        return (kind == "activity" ? "aktivitet: " : "emissionsfaktor: ") + where;
    }
    if (kind == "driver") {
        static const std::pair<const char*, const char*> kDrivers[] = {{"population", "befolkning"},
                                                                       {"households", "husstande"},
                                                                       {"vehicle_km", "kørte km"},
                                                                       {"constant", "konstant"}};
        for (const auto& [code, name] : kDrivers)
            if (rest == code) return std::string("fremskrivning: ") + name;
        return "fremskrivning: " + rest;
    }
    if (kind == "measure")
        for (const auto& m : d.scenario.measures)
            if (m.id == rest) return "tiltag: " + m.name;
    return label;
}

std::string status_text(MeasureStatus s, Lang lang) { return tr(to_string(s), lang); }

std::string scope_text(TargetScope s, Lang lang) { return tr(to_string(s), lang); }

std::vector<int> overview_years(const GapAnalysis& gap) {
    std::vector<int> out;
    for (const auto& y : gap.years)
        if (y.year >= 2025 && y.year % 5 == 0) out.push_back(y.year);
    return out;
}

std::optional<units::Mass> gap_in(const SectorGap& s, int year) {
    for (const auto& y : s.years)
        if (y.year == year) return y.gap;
    return std::nullopt;
}

std::string year_kind_text(YearKind k, Lang lang) { return tr("kind_" + std::string(to_string(k)), lang); }

std::string year_spans_text(const ScenarioResult& r, Lang lang) {
    std::string out;
    for (const auto& span : year_spans(r)) {
        if (!out.empty()) out += ", ";
        out += std::to_string(span.from);
        if (span.to != span.from) out.append("–").append(std::to_string(span.to));
        out.append(" ").append(year_kind_text(span.kind, lang));
    }
    return out;
}

std::string render_report(const ReportData& d, Format format, Lang lang) {
    auto noted = [&](std::string text, NoteForm form) {
        return d.allocation ? with_allocation_note(std::move(text), form, *d.allocation, lang) : text;
    };
    return render_by_format<kReportFormats>(
        format, "the DK2020 report",
        on<Format::md>([&] { return noted(render_markdown(d, lang), NoteForm::markdown); }),
        on<Format::csv>([&] { return noted(render_csv(d, lang), NoteForm::csv_key_value); }),
        on<Format::json>([&] { return render_json(d, lang); }),  // states the allocation itself
        on<Format::html>([&] { return noted(render_html(d, lang), NoteForm::html); }),
        on<Format::xlsx>(written_by("write_report_xlsx")));
}

}  // namespace klima::report
