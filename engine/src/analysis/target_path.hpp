// Internal to the analysis facades: the target path of a loaded scenario, as
// the report facade builds it (api/report.cpp, report/assemble.cpp): the
// targets file the request or the scenario names, anchored on the
// inventories of the activity data (the base-year BAU where the data has
// none), and a trajectory's total in the targets' scope.
#pragma once

#include "klima/api/scenario.hpp"
#include "klima/targets.hpp"

#include <optional>
#include <string>

namespace klima::analysis {

struct LoadedTargets {
    TargetSet targets;
    TargetPath path;
};

// Throws klima::Error naming the scenario file when it names no targets file,
// and the targets file's errors (an anchor without a level).
LoadedTargets load_target_path(const api::ScenarioOutcome& loaded, const std::optional<std::string>& targets_file);

// Throws a usage error about the request's `year` (Subject::request) unless it lies after the
// launch year, at most `end_year`, and on the target path: the year a solve or a MACC is asked for.
void require_projected_year(int year, int launch_year, int end_year, const TargetPath& path);

// The territorial total of `year` in `scope` (sector_totals.hpp).
units::Mass scope_total(const Trajectory& t, int year, TargetScope scope, const Taxonomy& taxonomy);

}  // namespace klima::analysis
