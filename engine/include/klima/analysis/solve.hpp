// "What it takes" as a function of a plan's inputs and its computed run: the
// scale of one measure, or of all together, at which the scenario meets the
// target path in a year (`klima scenario solve`, docs/analysis.md; formula in
// docs/method.md, "Solve, abatement cost"). Runs the scenario without
// attribution once per trial scale and finds the root with Boost.Math's
// bracketed TOMS 748. The outcome types and the method; rendered by
// report/analysis_report.hpp. Depends on the core only; loads nothing.
#pragma once

#include "klima/analysis/target_path.hpp"
#include "klima/effects.hpp"
#include "klima/plan_inputs.hpp"
#include "klima/progress.hpp"
#include "klima/scenario_result.hpp"
#include "klima/targets.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace klima::analysis {

// The largest scale tried, when no share reaches 100 % and no row is
// overdrawn before it: ten times the plan (klima's choice, docs/analysis.md).
inline constexpr double kMaxScale = 10.0;

// What limits the scale from above.
enum class ScaleLimit {
    share,     // a share-sized effect or a factor reduction reaches 100 %
    overdraw,  // beyond it the measures remove more of a row than the year holds
    limit,     // kMaxScale
};
inline std::string_view to_string(ScaleLimit l) {
    switch (l) {
        case ScaleLimit::share: return "share";
        case ScaleLimit::overdraw: return "overdraw";
        case ScaleLimit::limit: return "limit";
    }
    return "limit";
}

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
    // What sets max_scale, in words: the measure and effect whose share
    // reaches 100 % (share), or the overdraw a larger scale runs into (the
    // measure, row and year); empty for kMaxScale.
    std::string limited_by_what;
    // Met: the smallest scale in [0, max_scale] at which the scenario is on or
    // under the target path in `year` (0 when it is without the measures).
    bool met = false;
    units::Ratio scale;         // met: the scale; else max_scale
    units::Mass at_scale;       // the scenario at `scale`
    units::Mass remaining_gap;  // at `scale`: scenario − target (≤ 0 when met)
    int runs = 0;               // scenario runs the solve took
};

struct SolveSettings {
    int year = kMilestoneYear;           // the year the target path must be met
    std::optional<std::string> measure;  // a measure id; none: all measures scaled together
};

// Throws klima::Error: usage (Subject::request) for a measure id `spec` lacks;
// input naming the scenario's "/measures" when it has none to scale. The
// facade calls it before anything runs.
void check_solve_measure(const ScenarioSpec& spec, const std::optional<std::string>& measure);

// `planned`: the plan `in` run without attribution (RunOptions{false}), the
// solve's scale 1; `targets`: its target path. Throws klima::Error: those of
// check_solve_measure; usage for a year that is not projected (after the
// launch year, up to the end year, on the target path).
SolveOutcome solve(const PlanInputs& in, const ScenarioResult& planned, const PlanTargets& targets,
                   const SolveSettings& settings);

}  // namespace klima::analysis
