// Shared by the status renderers (private to engine/src/report): labels in
// both languages and the years the emissions table shows.
#pragma once

#include "klima/report/status_report.hpp"

#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace klima::report::status_labels {

inline std::string pick(Lang lang, std::string_view da, std::string_view en) {
    return std::string(lang == Lang::da ? da : en);
}
inline std::string state_name(status::ActionState s, Lang lang) {
    return std::string(lang == Lang::da ? status::name_da(s) : status::name_en(s));
}
inline std::string theme_name(const std::string& theme, Lang lang) {
    return theme.empty() ? pick(lang, "(uden tema)", "(no theme)") : theme;
}
// A number for a machine-read file: up to six decimals, trailing zeros dropped (180000000, 436962.8).
inline std::string plain(double v) {
    std::string s = fmt::format("{:.6f}", v);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s == "-0" ? "0" : s;
}
// A count or amount for people: whole numbers without decimals, else one; grouped as decimal_text.
std::string amount_text(double v, Lang lang);
// The latest inventory year up to the status year, the status year and the
// interim target years after it that the gap covers, in order, without repeats.
std::vector<int> emission_years(const ReportData& report, int year);
// The note on an action: above the plan, where its uptake came from, the status note.
std::string action_note(const status::ActionProgress& a, Lang lang);

}  // namespace klima::report::status_labels
