// The one string table of the progress report: every label in Danish and English.
#pragma once

#include "klima/report/progress_report.hpp"

#include <string>
#include <string_view>

namespace klima::report {

// The label for `key`; throws std::logic_error for a key missing from the table.
const std::string& tr(std::string_view key, Lang lang);
// A sector or total row's name in the language.
inline const std::string& row_name(const ProgressRow& r, Lang l) { return l == Lang::da ? r.name_da : r.name_en; }
inline const std::string& series_name(const ChartSeries& s, Lang l) { return l == Lang::da ? s.name_da : s.name_en; }
// Which kind of history a run used: "activity data", or the regnskab's vintage and sector totals.
std::string history_text(const ScenarioHistory& h, Lang lang);
// Finding as one sentence.
std::string describe(const Finding& f, Lang lang);

}  // namespace klima::report
