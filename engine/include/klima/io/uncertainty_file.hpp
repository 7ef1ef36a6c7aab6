// Reading uncertain inputs (docs/analysis.md): an uncertainty file
// ({"inputs": [...]}) and the same object as a scenario's "uncertainty" block.
// Every error names the file and the JSON path and says how to fix it.
#pragma once

#include "klima/scenario.hpp"
#include "klima/uncertain_input.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace klima::io {

// The inputs of the uncertainty file text `text`; `name` names it in errors
// and in each input's origin ("/inputs/0"). `measures`: the scenario's, which
// a "measure" input must name. Throws klima::Error (kind input) for an unknown
// key, kind, measure id or driver, or a parameter out of range.
UncertaintyFile parse_uncertainty(std::string_view text, const std::string& name,
                                  const std::vector<MeasureSpec>& measures);
// The same, read from the file `path` (kind io when it cannot be read).
UncertaintyFile load_uncertainty(const std::string& path, const std::vector<MeasureSpec>& measures);

}  // namespace klima::io
