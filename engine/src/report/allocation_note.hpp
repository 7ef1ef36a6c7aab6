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

// `j` as dump(2) lays it out (keys sorted), then "chp_allocation": allocation_json(a, lang) as the
// last key, and a newline: the bytes a copy into an ordered_json with the key added would dump,
// without that deep copy of the whole document (a fifth of a workbench run's answer; issue 26).
std::string dump_with_allocation(const nlohmann::json& j, ChpAllocation a, Lang lang);

// `rendered` with the statement added: a closing line for text and Markdown,
// a final row for the report's key-value CSV (table,key,name,column,value)
// and the scenario's series CSV, a paragraph before </body> for HTML.
enum class NoteForm { text, markdown, csv_key_value, csv_series, html };
std::string with_allocation_note(std::string rendered, NoteForm form, ChpAllocation a, Lang lang);

}  // namespace klima::report
