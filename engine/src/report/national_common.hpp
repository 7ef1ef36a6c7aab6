// Internal to the national renderers (engine/src/report/national_*.cpp): words in two languages,
// rounding and the phrases every output shares ("never", "no target on file").
#pragma once

#include "klima/national/national_report.hpp"

#include <cmath>
#include <iosfwd>
#include <string>
#include <vector>

namespace klima::national::detail {

inline const char* tr(report::Lang l, const char* da, const char* en) { return l == report::Lang::da ? da : en; }
inline double tonnes(units::Mass m) { return std::round(m.value() / 100.0) / 10.0; }  // t, one decimal
inline double round_to(double v, double unit) { return std::round(v / unit) * unit; }

std::string forecast_name(Forecast f, report::Lang l);
// "2041", "never" / "aldrig"; "already" when the trend is at or below 0 by the last data year.
std::string zero_year_text(const MunicipalityStatus& m, int last_year, report::Lang l);
std::string runout_text(const MunicipalityStatus& m, report::Lang l);
// "on track" / "not on track" / "no target on file" under forecast f.
std::string target_text(const MunicipalityStatus& m, Forecast f, report::Lang l);
// A number with a thousands separator in the language's convention ("34.039.454" / "34,039,454").
std::string grouped(double v, report::Lang l, int decimals = 0);
std::string html_escape(std::string_view s);
std::string csv_cell(std::string_view s);

}  // namespace klima::national::detail

namespace klima::national::detail {
using Rows = std::vector<std::vector<std::string>>;
// The table of all municipalities as text cells (first row the heading); numbers plain for csv.
Rows municipality_rows(const NationalStatus& s, report::Lang l, Format f);
void write_text_national(std::ostream& out, const NationalStatus& s, Format f, report::Lang l);
void write_text_municipality(std::ostream& out, const NationalStatus& s, std::size_t m, Format f, report::Lang l);
std::string html_national(const NationalStatus& s, report::Lang l, const NationalMap* map, const HtmlOptions& o);
std::string html_municipality(const NationalStatus& s, std::size_t m, report::Lang l);
}  // namespace klima::national::detail
