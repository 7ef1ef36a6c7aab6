// Internal to report/: the statement of the CHP allocation set (which method
// split combined heat and power between electricity and district heat) that
// every scenario and progress-report output carries, in the output's own form.
#pragma once

#include "klima/factors.hpp"
#include "klima/report/progress_report.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace klima::report {

// {"set": "declared", "description": "…"} in the language given.
nlohmann::ordered_json allocation_json(ChpAllocation a, Lang lang);

// `rendered` with the statement added: a closing line for text and Markdown,
// a final row for the report's key-value CSV (table,key,name,column,value)
// and the scenario's series CSV, a paragraph before </body> for HTML.
enum class NoteForm { text, markdown, csv_key_value, csv_series, html };
std::string with_allocation_note(std::string rendered, NoteForm form, ChpAllocation a, Lang lang);

}  // namespace klima::report
