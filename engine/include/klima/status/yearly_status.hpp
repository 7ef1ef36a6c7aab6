// The yearly status of a plan (issue 24, docs/status.md): per action the
// status recorded for the year, the uptake the plan expected by then against
// the uptake reached, the planned effect against the realised effect — the
// measure run through the same engine at its realised level — and per
// indicator its values and targets. Knows nothing of file formats, command-
// line flags or rendering.
#pragma once

#include "klima/progress.hpp"
#include "klima/reference_data.hpp"
#include "klima/scenario.hpp"
#include "klima/status/action_status.hpp"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace klima::status {

struct ActionProgress {
    std::string id, name, theme, owner, type;
    // The sector the measure acts on: its first effect naming one, else the
    // sector of the largest share of its effect in the run; "" when neither.
    std::string sector;
    int start_year = 0, full_effect_year = 0;
    std::optional<ActionStatus> status;    // recorded for the year; none: not reported
    std::optional<ActionStatus> previous;  // recorded for the year before; none: not then
    // The measure's uptake: its own unit when every effect with a size is
    // planned in one uptake ("buses"), else "%" of its full size (100).
    std::string uptake_unit;
    double full_uptake = 0;                      // at full effect
    double planned_uptake = 0;                   // expected by the end of the year: phase-in share × full
    std::optional<double> realised_uptake;       // in uptake_unit; none when not given
    std::string uptake_from;                     // "status", or "indicator CODE" when a linked indicator gave it
    std::optional<double> ahead;                 // realised − planned uptake (negative: behind)
    std::optional<double> ahead_pct;             // ahead ÷ planned × 100; none when nothing was planned yet
    bool above_plan = false;                     // realised above the full uptake (shown, with a note)
    units::Mass planned_effect;                  // in the year, the plan as adopted
    units::Mass planned_milestone;               // in 2030, the plan as adopted
    std::optional<units::Mass> realised_effect;  // the measure at its realised level in the year
};

struct ThemeStatus {
    std::string theme;  // "" for actions without a theme
    std::size_t actions = 0, unreported = 0;
    std::array<std::size_t, kActionStates.size()> counts{};  // by ActionState
    units::Mass planned_effect;
    units::Mass realised_effect;       // Σ over actions with a realised effect
    std::size_t realised_actions = 0;  // how many the sum holds
};

struct IndicatorStatus {
    Indicator indicator;
    std::optional<double> value, previous, target;        // in the year, the year before, the target for the year
    std::vector<std::pair<int, double>> values, targets;  // every year given, in year order
    std::string measure;                                  // linked measure, if any
    std::string source;                                   // of the year's value
    std::map<int, std::string> sources;                   // of every year's row
};

struct StatusChange {
    std::string action;
    std::optional<ActionState> from;  // none: no status the year before
    ActionState to = ActionState::not_started;
    std::optional<double> uptake_from, uptake_to;
};

struct YearlyStatus {
    int year = 0;
    std::vector<ActionProgress> actions;  // scenario order
    std::vector<ThemeStatus> themes;      // order of first appearance
    std::array<std::size_t, kActionStates.size()> counts{};
    std::size_t unreported = 0;
    std::vector<IndicatorStatus> indicators;  // catalogue order, those with any value or target
    std::vector<StatusChange> changes;        // only when statuses of the year before were given
    bool has_previous = false;
};

// The inputs of one status. `plan` is the run of the scenario (its `planned`
// effects per measure, the plan as adopted); `run` and `ref` what it was run
// on. References must outlive the call only.
struct StatusInputs {
    const ScenarioRun& run;
    const ReferenceData& ref;
    const std::vector<ActionStatus>& statuses;  // any years; `year` and the year before are used
    const std::vector<Indicator>& catalogue;
    const std::vector<IndicatorValue>& indicators;
};

// Throws klima::Error at the status row for an unknown action id (listing
// the scenario's ids), an uptake unit other than the measure's or "%", or a
// linked indicator that disagrees with the action's uptake; at the indicator
// row for a link to an unknown measure. A realised level the engine cannot
// run (more removed than a row holds) throws the engine's error.
YearlyStatus build_status(const StatusInputs& in, int year);

// The realised effects of a status as the DK2020 progress table records them
// (record_realised): one per action with a realised effect in the status
// year, with the status row's source and origin (a linked indicator's when
// the uptake came from it).
std::vector<RealisedEffect> realised_effects(const YearlyStatus& status);

}  // namespace klima::status
