#include "commands.hpp"
#include "options.hpp"
#include "scenario_request.hpp"

#include "klima/api/report.hpp"
#include "klima/horizon.hpp"
#include "klima/report/progress_report.hpp"

#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>

namespace klima::cli {

namespace {

struct ReportOptions {
    std::optional<std::string> scenario, out, targets, title, realised, status;
    std::optional<int> year, draws, threads;
    std::optional<std::uint64_t> seed;
    std::optional<std::string> uncertainty;
    std::optional<double> discount_pct;
    bool no_analysis = false;
    report::Format format = report::Format::md;
    report::Lang lang = report::Lang::da;
    ScenarioRequestOptions request;
};

int run_report(const ReportOptions& o, std::ostream& out) {
    const int year = *o.year;
    if (!in_horizon(year))
        throw UsageError({"", 0, "--year"}, "reporting year " + std::to_string(year) + " is outside " + horizon_text(),
                         "give a year in that range");
    api::ReportRequest request;
    request.scenario = scenario_request(o.request, *o.scenario);
    request.report_year = year;
    request.targets_file = o.targets;
    request.realised_file = o.realised;
    request.status_file = o.status;
    request.title = o.title;
    request.analysis = !o.no_analysis;
    request.uncertainty_file = o.uncertainty;
    request.draws = o.draws.value_or(analysis::kDefaultDraws);
    request.seed = o.seed.value_or(analysis::kDefaultSeed);
    request.threads = o.threads.value_or(1);
    if (o.discount_pct) request.discount_rate = units::ratio(*o.discount_pct / 100.0);
    if (o.no_analysis && (o.uncertainty || o.draws || o.seed || o.threads || o.discount_pct))
        throw UsageError({"", 0, "--no-analysis"}, "--no-analysis leaves out the analysis its other options set",
                         "drop --no-analysis, or drop --uncertainty, --draws, --seed, --threads and --discount");
    const auto outcome = api::build_report(request);
    const auto& data = outcome.data;
    const auto allocation = outcome.scenario.ref->allocation;

    if (o.format == report::Format::xlsx) {
        const auto path = o.out.value_or("klima-report-" + outcome.scenario.run.spec.municipality + "-" +
                                         std::to_string(year) + ".xlsx");
        report::write_report_xlsx(data, o.lang, path);
        // The workbook itself does not carry the allocation yet (the report layout is not the CLI's).
        out << "wrote " << path << " (CHP allocation: " << to_string(allocation) << " — " << describe(allocation)
            << ")\n";
        return 0;
    }
    const auto text = report::render_report(data, o.format, o.lang);  // states the CHP allocation itself
    return write_output(o.out, text, out);                            // a failed write leaves the old file whole
}

}  // namespace

Action define_report(CLI::App& command) {
    auto o = std::make_shared<ReportOptions>();
    add_text(command, "--scenario", o->scenario, "FILE", "the scenario, e.g. scenarios/koege.json")->required();
    add_integer(command, "--year", o->year, "YEAR", "the reporting year, within 1990-2050")->required();
    add_format(command, o->format, report::kReportFormats,
               "output format: Markdown, CSV, JSON, self-contained HTML or an .xlsx workbook (default md)", "report");
    add_lang(command, o->lang);
    add_text(command, "--out", o->out, "PATH",
             "write the report to this file (xlsx: default klima-report-MUNICIPALITY-YEAR.xlsx)");
    add_text(command, "--targets", o->targets, "FILE", "targets file (default the one the scenario names)");
    add_text(command, "--realised", o->realised, "FILE", "realised effects of measures so far");
    add_text(command, "--status", o->status, "FILE", "the yearly status: realised effects computed at realised uptake");
    add_text(command, "--title", o->title, "TEXT", "title of the report (default the scenario's name)");
    add_text(command, "--uncertainty", o->uncertainty, "FILE",
             "uncertain inputs (docs/analysis.md): adds the probability of each target and the fan chart");
    add_integer(command, "--draws", o->draws, "N",
                "Monte Carlo draws with --uncertainty (default " + std::to_string(analysis::kDefaultDraws) + ")");
    add_seed(command, o->seed,
             "seed of the draws (default " + std::to_string(kDefaultSeed) + "); the same seed gives the same report");
    add_integer(command, "--threads", o->threads, "T", "threads to draw on (default 1); results do not depend on it");
    add_number(command, "--discount", o->discount_pct, "PCT",
               "discount rate of the MACC in % a year (default 3.5, the Finance Ministry's social rate)");
    command.add_flag("--no-analysis", o->no_analysis,
                     "leave out the analysis: probabilities, fan chart, MACC and cheapest portfolio");
    add_scenario_request_options(command, o->request);
    return [o](std::ostream& out) { return run_report(*o, out); };
}

}  // namespace klima::cli
