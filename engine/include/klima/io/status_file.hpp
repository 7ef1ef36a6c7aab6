// Reading a municipality's yearly action status (docs/status.md): CSV in either
// dialect (',' or ';' with a decimal comma), an .xlsx sheet with the same
// columns, or JSON {"statuses": [{…}]} with the same keys. Checks the file
// alone; whether its actions exist in the scenario and its units fit their
// measures is checked when the status is built (klima/status/yearly_status.hpp).
#pragma once

#include "klima/status/action_status.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace klima::io {

// Columns: action, year, status, source (required); uptake, unit, spent_dkk,
// note, date (optional). Throws klima::Error naming the file and line (cell,
// JSON path) for an unknown status word (listing the words), an uptake
// without a unit, a negative uptake or amount, a year outside 1990–2050, or
// the same action twice in one year.
std::vector<status::ActionStatus> load_status(const std::string& path);
std::vector<status::ActionStatus> parse_status_csv(std::string_view text, const std::string& name);
std::vector<status::ActionStatus> parse_status_json(std::string_view text, const std::string& name);

// The indicator catalogue (data/indicators/catalogue.csv): code, name_da,
// name_en, unit, theme, register, status, source. Throws for an empty field
// or a code given twice.
std::vector<status::Indicator> load_indicator_catalogue(const std::string& path);
std::vector<status::Indicator> parse_indicator_catalogue(std::string_view text, const std::string& name);

// The sheet of an .xlsx workbook the indicator values are read from; the
// status is read from the first sheet, so one workbook can hold both.
inline constexpr std::string_view kIndicatorSheet = "indicators";

// A municipality's indicator values and targets (CSV, either dialect, or the
// sheet "indicators" of an .xlsx workbook):
// indicator, year, unit, source (required); value, target, measure
// (optional). Throws naming the file and line for an indicator the catalogue
// lacks (listing its codes), a missing unit or one other than the catalogue's,
// a row with neither value nor target, or the same indicator twice in a year.
std::vector<status::IndicatorValue> load_indicator_values(const std::string& path,
                                                          const std::vector<status::Indicator>& catalogue);
std::vector<status::IndicatorValue> parse_indicator_values(std::string_view text, const std::string& name,
                                                           const std::vector<status::Indicator>& catalogue);

}  // namespace klima::io
