// Reading a proposal file for `klima impact` (docs/impact.md): a political
// decision as measures in the scenario's own measure format, and optionally
// growth (a housing area: residents and floor area built) that adds activity.
// Every error names the proposal file and the JSON path. Knows nothing of how
// growth becomes activity (analysis/impact.hpp does that from the inventory).
#pragma once

#include "klima/proposal.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace klima::io {

// The proposal's types are the core's (klima/proposal.hpp).
using klima::GrowthActivity;
using klima::GrowthSpec;
using klima::Proposal;

// The subsectors a growth estimates per inhabitant when it lists none:
// heating, electricity and car transport.
const std::vector<std::string>& default_per_inhabitant();

// `base_year`: the scenario's (a measure starts after it, as in a scenario).
// Throws klima::Error (kind input) naming `name` and the JSON path.
Proposal parse_proposal(std::string_view text, const std::string& name, int base_year);
Proposal load_proposal(const std::string& path, int base_year);

}  // namespace klima::io
