// The yearly status of a climate plan's actions as the municipality records
// it: per action and year a status word, the uptake reached in the measure's
// own unit (12 of 35 buses), money spent, a note, a source and a date; and
// the transition indicators (docs/status.md). Plain data: knows nothing of
// file formats, of the scenario engine or of reports.
#pragma once

#include "klima/error.hpp"
#include "klima/units.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace klima::status {

// The six statuses of an action (Danish words as municipalities report them).
enum class ActionState { not_started, in_progress, completed, delayed, abandoned, ongoing };
inline constexpr std::array<ActionState, 6> kActionStates{ActionState::not_started, ActionState::in_progress,
                                                          ActionState::completed,   ActionState::delayed,
                                                          ActionState::abandoned,   ActionState::ongoing};
std::string_view name_da(ActionState s);  // "ikke påbegyndt", "igangsat", …
std::string_view name_en(ActionState s);  // "not started", "in progress", …
// The state a word names, Danish or English, any ASCII case ("Igangsat",
// "in progress", "in_progress"); none for any other word.
std::optional<ActionState> parse_action_state(std::string_view word);
// Every accepted word, for error messages: "ikke påbegyndt, igangsat, …, ongoing".
std::string action_state_words();

// The unit of an uptake given as a share of the measure's full size.
inline constexpr std::string_view kPercentUnit = "%";

// One action's status in one year.
struct ActionStatus {
    std::string action;  // the measure id in the scenario
    int year = 0;
    ActionState state = ActionState::not_started;
    std::optional<double> uptake;  // reached by the end of `year`, in `unit`; none: not given
    std::string unit;              // the measure's uptake unit ("buses") or "%" of its full size
    std::optional<units::Money> spent;
    std::string note, source, date;  // date: when the status was recorded, as written
    Location origin;                 // file and line (or JSON path)
};

// A transition indicator of the national monitoring (data/indicators/catalogue.csv).
struct Indicator {
    std::string code, name_da, name_en, unit, theme;
    std::string register_name;   // the register or statistic it comes from
    std::string status, source;  // provenance of the catalogue row
};

// A municipality's value of an indicator in a year, its own target for that
// year, or both. Missing stays missing: never 0.
struct IndicatorValue {
    std::string indicator;  // Indicator::code
    int year = 0;
    std::optional<double> value, target;
    std::string unit;     // must be the catalogue's unit
    std::string measure;  // a measure whose uptake the value records; empty when none
    std::string source;
    Location origin;      // the row, at its indicator cell
    Location measure_at;  // the row's measure cell, for errors about the link (empty: origin)
};

}  // namespace klima::status
