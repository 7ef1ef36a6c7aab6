// The engine's facade for "what it takes": the scale of one measure, or of
// all measures together, at which the scenario meets the target path in a
// year (docs/analysis.md; formula in docs/method.md, "Solve, abatement cost").
// Runs the scenario without attribution (RunOptions) once per trial scale and
// finds the root with Boost.Math's bracketed TOMS 748. Knows nothing of
// command-line flags.
#pragma once

#include "klima/api/scenario.hpp"
#include "klima/progress.hpp"
#include "klima/report/inventory_report.hpp"
#include "klima/targets.hpp"

#include <optional>
#include <string>
#include <vector>

namespace klima::api {

// The largest scale tried, when no share reaches 100 % and no row is
// overdrawn before it: ten times the plan (klima's choice, docs/analysis.md).
inline constexpr double kMaxScale = 10.0;

struct SolveRequest {
    ScenarioRequest scenario;
    int year = kMilestoneYear;                // the year the target path must be met
    std::optional<std::string> measure;       // a measure id; none: all measures scaled together
    std::optional<std::string> targets_file;  // none: the one the scenario names
};

// What limits the scale from above.
enum class ScaleLimit {
    share,     // a share-sized effect or a factor reduction reaches 100 %
    overdraw,  // beyond it the measures remove more of a row than the year holds
    limit,     // kMaxScale
};
std::string_view to_string(ScaleLimit l);

struct ScaledMeasure {
    std::string id, name;
    std::optional<Uptake> uptake;  // the measure's planned uptake (its first effect's), when it has one
};

struct SolveOutcome {
    std::string scenario_name;
    int year = 0;
    int launch_year = 0;
    TargetScope scope = TargetScope::incl_lulucf;
    std::optional<std::string> measure;  // as asked; none: all measures
    std::vector<ScaledMeasure> scaled;   // the measures the scale applies to
    units::Mass bau, target;             // in `year`, in the targets' scope
    units::Mass at_plan;                 // the scenario as planned (scale 1)
    units::Mass without;                 // with the scaled measures left out (scale 0)
    units::Ratio max_scale;              // the largest scale the measures allow
    ScaleLimit limited_by = ScaleLimit::limit;
    // Met: the smallest scale in [0, max_scale] at which the scenario is on or
    // under the target path in `year` (0 when it is without the measures).
    bool met = false;
    units::Ratio scale;         // met: the scale; else max_scale
    units::Mass at_scale;       // the scenario at `scale`
    units::Mass remaining_gap;  // at `scale`: scenario − target (≤ 0 when met)
    int runs = 0;               // scenario runs the solve took
};

// Throws klima::Error: of kind usage for a measure id the scenario lacks or a
// year that is not projected (after the launch year, up to the end year,
// on the target path); else the loading errors of run_scenario and the
// targets file's.
SolveOutcome solve_scenario(const SolveRequest& request);

// The outcome as a table (text), json or csv (docs/analysis.md lists the keys).
std::string render_solve(const SolveOutcome& outcome, report::Format format);

}  // namespace klima::api
