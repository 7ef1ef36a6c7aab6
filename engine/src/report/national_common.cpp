#include "national_common.hpp"

#include <fmt/format.h>

namespace klima::national {

using detail::tr;

std::string forecast_definition(Forecast f, const NationalParams& p, report::Lang l) {
    switch (f) {
        case Forecast::linear:
            return tr(l, "lineær: mindste kvadraters linje over alle årene, forlænget, mindst 0",
                      "linear: least-squares line over all years, extended, floored at 0");
        case Forecast::smoothed:
            return fmt::format(fmt::runtime(tr(l, "udjævnet: Holts lineære eksponentielle udjævning, α = {}, β = {}",
                                               "smoothed: Holt's linear exponential smoothing, α = {}, β = {}")),
                               p.holt_alpha, p.holt_beta);
        case Forecast::cautious:
            return fmt::format(
                fmt::runtime(tr(l,
                                "forsigtig: den langsomste af trenden over alle år og over de seneste {} år, fra det "
                                "højeste af seneste år og den lange trends værdi det år",
                                "cautious: the slower of the trend over all years and over the last {} years, from the "
                                "higher of the latest total and the long trend's value that year")),
                p.recent_years);
    }
    return {};
}

}  // namespace klima::national

namespace klima::national::detail {

std::string forecast_name(Forecast f, report::Lang l) {
    switch (f) {
        case Forecast::linear: return tr(l, "lineær", "linear");
        case Forecast::smoothed: return tr(l, "udjævnet", "smoothed");
        case Forecast::cautious: return tr(l, "forsigtig", "cautious");
    }
    return "?";
}

std::string zero_year_text(const MunicipalityStatus& m, int last_year, report::Lang l) {
    if (!m.zero_year) return tr(l, "aldrig", "never");
    if (*m.zero_year <= last_year) return tr(l, "allerede", "already");
    return std::to_string(*m.zero_year);
}

std::string runout_text(const MunicipalityStatus& m, report::Lang l) {
    if (m.budget.value() <= 0) return tr(l, "netto-optag", "net sink");
    if (!m.budget_runout) return tr(l, "ikke før 2100", "not by 2100");
    return std::to_string(*m.budget_runout);
}

std::string target_text(const MunicipalityStatus& m, Forecast f, report::Lang l) {
    if (!m.target.on_file) return tr(l, "intet mål registreret", "no target on file");
    return m.target.on_track[static_cast<std::size_t>(f)] ? tr(l, "på sporet", "on track")
                                                          : tr(l, "ikke på sporet", "not on track");
}

std::string grouped(double v, report::Lang l, int decimals) {
    std::string s = fmt::format("{:.{}f}", std::fabs(v), decimals);
    const auto dot = s.find('.');
    std::string whole = s.substr(0, dot), frac = dot == std::string::npos ? "" : s.substr(dot + 1);
    const char sep = l == report::Lang::da ? '.' : ',';
    std::string out;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i && (whole.size() - i) % 3 == 0) out += sep;
        out += whole[i];
    }
    if (!frac.empty()) out += (l == report::Lang::da ? ',' : '.') + frac;
    const bool negative = v < 0 && std::round(std::fabs(v) * std::pow(10, decimals)) != 0;
    return negative ? "−" + out : out;
}

std::string html_escape(std::string_view s) {
    std::string out;
    for (const char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string csv_cell(std::string_view s) {
    if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
    std::string out = "\"";
    for (const char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace klima::national::detail
