// The note of the CHP allocation set (--allocation, cli/options.hpp) that every output carries.
#pragma once

#include "klima/factors.hpp"

#include <string>

namespace klima::cli {

// The output forms the note can be written in.
enum class NoteForm { text, markdown, json, csv_key_value, csv_series, html };

// `rendered` with one statement of the CHP allocation added in the output's own form: a
// closing line for text and Markdown, a top-level "chp_allocation" object for JSON, a final
// row for the report's key-value CSV and the scenario's series CSV, a paragraph before
// </body> for HTML.
// `danish`: the sentence in Danish (the report's --lang da); the set's key stays as typed.
std::string note_allocation(std::string rendered, NoteForm form, ChpAllocation a, bool danish = false);

}  // namespace klima::cli
