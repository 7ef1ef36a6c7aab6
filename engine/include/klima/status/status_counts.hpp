// Actions counted by status across municipalities (issue 24, item 5): what `klima national
// --status-export` makes of the exports for the national monitoring that many municipalities
// hand in (`klima status --format export-csv`, docs/status.md). Plain data and counting: knows
// nothing of file formats or rendering.
#pragma once

#include "klima/status/action_status.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace klima::status {

// One action row of an export.
struct ExportedAction {
    std::string municipality_code, municipality;
    int year = 0;
    std::string action_id, theme;
    std::optional<ActionState> state;  // none: the municipality did not report the action
    Location origin;                   // file and line
};

// The count of one municipality's actions in one year.
struct MunicipalityCount {
    std::string code, name;
    int year = 0;
    std::size_t actions = 0, unreported = 0;
    std::array<std::size_t, kActionStates.size()> counts{};  // by ActionState
    std::string file;                                        // the export it came from
};

// All municipalities of one status year, and their sum.
struct YearCount {
    int year = 0;
    std::vector<MunicipalityCount> municipalities;  // by code, then name
    std::size_t actions = 0, unreported = 0;
    std::array<std::size_t, kActionStates.size()> counts{};
};

// Counts `rows` by year and municipality (code, else name when the export has no code). Throws
// klima::Error at the row for one action given twice for a municipality and year, or for one
// municipality and year found in two files (naming both: an export handed in twice).
std::vector<YearCount> count_by_status(const std::vector<ExportedAction>& rows);

}  // namespace klima::status
