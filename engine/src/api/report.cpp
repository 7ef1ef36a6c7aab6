#include "klima/api/report.hpp"

#include "klima/analysis/abatement.hpp"
#include "klima/analysis/monte_carlo.hpp"

#include "scenario_steps.hpp"

#include "klima/horizon.hpp"
#include "klima/inventory.hpp"
#include "klima/io/realised_file.hpp"
#include "klima/io/status_file.hpp"
#include "klima/status/yearly_status.hpp"

namespace klima::api {
namespace {

// The year of the MACC widths and the portfolio: the first interim target
// after the launch year, else the neutrality year; none when neither is.
std::optional<int> analysis_year(const TargetSet& targets, int launch_year, int end_year) {
    std::vector<int> years;
    for (const auto& t : targets.interim) years.push_back(t.year);
    years.push_back(targets.neutrality_year);
    for (int y : years)
        if (y > launch_year && y <= end_year) return y;
    return std::nullopt;
}

// The analysis of the report's own run: the same inputs, the same run, the same target path.
report::ReportAnalysis analyse(const ReportRequest& request, const PlanInputs& in, const ScenarioResult& run,
                               const analysis::PlanTargets& targets) {
    report::ReportAnalysis a;
    a.included = true;
    const auto year = analysis_year(targets.targets, run.launch_year, in.spec.end_year);
    if (year && !in.spec.measures.empty())
        a.abatement = analysis::abatement_cost(in, run, targets, {*year, request.discount_rate, std::nullopt});
    // The Monte Carlo runs when an uncertainty file is given or the scenario, its activity,
    // factors or drivers carry distributions (docs/analysis.md).
    if (request.uncertainty_file || analysis::has_uncertainty(in)) {
        const analysis::MonteCarloSettings settings{detail::uncertainty_file(request.uncertainty_file, in),
                                                    request.draws, request.seed};
        std::optional<ThreadPool> own;
        Executor& executor = request.executor ? *request.executor : own.emplace(request.threads);
        a.uncertainty = analysis::monte_carlo(in, run.launch_year, targets, settings, executor);
    }
    return a;
}

}  // namespace

ReportOutcome build_report(const ReportRequest& request) {
    return build_report(request, *detail::source_for(request.scenario));
}

ReportOutcome build_report(const ReportRequest& request, InputSource& source) {
    const int year = request.report_year;
    if (!in_horizon(year))
        throw Error({"", 0, "report year"}, "reporting year " + std::to_string(year) + " is outside " + horizon_text(),
                    "give a year in that range");
    if (request.analysis) {  // before anything runs
        check_draw_settings(request.draws, request.executor ? request.executor->workers() : request.threads);
        check_discount_rate(request.discount_rate);
    }
    auto plan = detail::plan_request(request.scenario);
    plan.with_targets = true;
    plan.targets_file = request.targets_file;
    PlanInputs in = load_plan(plan, source);
    detail::tell_store_not_read(request.scenario, in);
    auto& spec = in.spec;

    // The progress report of a year knows the inventories up to that year only.
    const auto years = years_in(*in.activity);
    if (!spec.launch_year) {
        int latest = spec.base_year;
        for (int y : years)
            if (y >= spec.base_year && y <= year && y < spec.end_year) latest = std::max(latest, y);
        spec.launch_year = latest;
    }
    ScenarioResult run = detail::run(in);
    // Realised effects go to MeasureResult::realised, which no analysis reads.
    if (request.realised_file) record_realised(run, io::load_realised(*request.realised_file));
    if (request.status_file) {  // the realised column from the yearly status (issue 24)
        const ScenarioRun adopted{in.spec, *in.activity, run, *in.drivers, {}, {}};
        record_realised(run, status::realised_effects(status::build_status(
                                 {adopted, *in.ref, io::load_status(*request.status_file), {}, {}}, year)));
    }
    const auto& targets = require_targets(in);

    std::vector<InventoryResult> inventories;
    for (int y : years) {
        if (y > year) continue;
        try {
            inventories.push_back(compute_inventory(*in.activity, y, *in.ref, spec.gwp_set));
        } catch (const Error& e) {
            throw e.located({spec.activity_file, 0, ""});
        }
    }
    std::optional<report::ReportAnalysis> analysed;
    if (request.analysis) {
        // One target path for the analyses, anchored on every inventory as the standalone
        // analyses' (analysis::plan_targets): the same numbers as `klima scenario macc` and `mc`.
        const auto plan_targets = analysis::plan_targets(in, &run);
        analysed = analyse(request, in, run, plan_targets);
    }
    auto data =
        report::assemble_report(run, targets, in.ref->taxonomy, inventories, year, request.title.value_or(spec.name));
    data.allocation = in.ref->allocation;  // the set the run's factors were read for (a store's: its version's)
    if (analysed) data.analysis = std::move(*analysed);
    return ReportOutcome{detail::outcome(std::move(in), std::move(run)), std::move(data)};
}

}  // namespace klima::api
