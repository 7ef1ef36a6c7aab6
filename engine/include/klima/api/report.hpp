// The engine's facade for the DK2020 progress report: runs the scenario
// (api/scenario.hpp), computes every inventory up to the reporting year,
// reads targets and realised effects, and assembles the report data that
// report/progress_report.hpp renders. Knows nothing of command-line flags.
#pragma once

#include "klima/analysis/abatement.hpp"
#include "klima/analysis/monte_carlo.hpp"
#include "klima/api/abatement.hpp"
#include "klima/api/monte_carlo.hpp"
#include "klima/api/scenario.hpp"
#include "klima/plan_inputs.hpp"
#include "klima/report/progress_report.hpp"

#include <optional>
#include <string>

namespace klima::api {

struct ReportRequest {
    ScenarioRequest scenario;
    int report_year = 0;
    std::optional<std::string> targets_file;   // none: the one the scenario names
    std::optional<std::string> realised_file;  // realised effects per measure and year
    // The yearly status (docs/status.md): realised effects computed at each action's realised uptake.
    std::optional<std::string> status_file;
    std::optional<std::string> title;  // none: the scenario's name
    // The analysis: MACC and cheapest portfolio, and with uncertain inputs the
    // Monte Carlo percentiles and the probability of each target.
    bool analysis = true;                                            // false: leave it out (faster)
    units::Ratio discount_rate = units::ratio(kSocialDiscountRate);  // a year; 0: undiscounted
    std::optional<std::string> uncertainty_file;                     // the distributions (docs/analysis.md)
    int draws = analysis::kDefaultDraws;
    std::uint64_t seed = analysis::kDefaultSeed;
    int threads = 1;  // results do not depend on it
    // A pool shared by several reports (the workbench, a batch), on which the Monte Carlo runs
    // instead of `threads`; not owned, and it must outlive the call. None: a pool of `threads`.
    Executor* executor = nullptr;
};

struct ReportOutcome {
    ScenarioOutcome scenario;
    report::ReportData data;
};

// Unless the request or the scenario file gives a from_year, the projection
// starts from the latest inventory year up to the reporting year. Throws
// klima::Error naming the file at fault; a reporting year outside the
// horizon is an input error naming the year.
//
// The analysis (unless `analysis` is false): analysis::abatement_cost in the
// first interim target year after the launch year (the neutrality year when
// none is left) when the scenario has measures, and analysis::monte_carlo
// when the request has uncertain inputs, both of the report's own run.
//
// The plan is loaded once through `source` (each input read once; the first
// form: the request's store or the data files) and run once; the analyses get
// that run and those inputs.
ReportOutcome build_report(const ReportRequest& request);
ReportOutcome build_report(const ReportRequest& request, InputSource& source);

}  // namespace klima::api
