// klima status: the yearly status report of a plan (docs/status.md). Maps the
// flags to api::StatusRequest and renders the outcome; knows no arithmetic.
#include "commands.hpp"
#include "options.hpp"
#include "scenario_request.hpp"

#include "klima/api/status.hpp"
#include "klima/horizon.hpp"
#include "klima/report/status_report.hpp"

#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>

namespace klima::cli {

namespace {

struct StatusOptions {
    std::optional<std::string> scenario, status, indicators, catalogue, targets, title, out, format;
    std::optional<int> year;
    report::Lang lang = report::Lang::da;
    ScenarioRequestOptions request;
};

struct StatusOutput {
    report::Format format = report::Format::md;
    report::StatusLayout layout = report::StatusLayout::report;
};

// --format: a format of the status report, or export-csv, the national export's layout (a CSV file).
StatusOutput status_output(const std::optional<std::string>& word) {
    static constexpr std::string_view kExport = "export-csv";
    static constexpr std::string_view kExportListed[] = {"export-csv (the export for the national monitoring)"};
    if (word == kExport) return {report::Format::csv, report::StatusLayout::national_export};
    return {checked_format(word.value_or("md"), report::kStatusFormats, "status", kExportListed),
            report::StatusLayout::report};
}

int run_status(const StatusOptions& o, std::ostream& out) {
    const int year = *o.year;
    if (!in_horizon(year))
        throw UsageError({"", 0, "--year"}, "status year " + std::to_string(year) + " is outside " + horizon_text(),
                         "give a year in that range");
    const auto output = status_output(o.format);  // checked before any file is read
    api::StatusRequest request;
    request.report.scenario = scenario_request(o.request, *o.scenario);
    request.report.report_year = year;
    request.report.targets_file = o.targets;
    request.report.title = o.title;
    if (!o.status && !o.request.db)
        throw UsageError({"", 0, "--status"}, "no status to report",
                         "give --status FILE, or --db PATH to read the status imported into a store");
    request.status_file = o.status.value_or("");  // empty: the store's
    request.indicators_file = o.indicators;
    request.catalogue_file = o.catalogue;
    const auto outcome = api::build_status(request);
    const report::StatusView view{outcome.report.data, outcome.status, outcome.municipality_code};
    if (output.format == report::Format::xlsx) {
        const auto path = o.out.value_or("klima-status-" + outcome.report.scenario.run.spec.municipality + "-" +
                                         std::to_string(year) + ".xlsx");
        report::write_status_xlsx(view, o.lang, path);  // built beside `path`, renamed over it when complete
        out << "wrote " << path << "\n";
        return 0;
    }
    const auto text = report::render_status(view, output.format, o.lang, output.layout);
    return write_output(o.out, text, out);  // a failed write leaves the old file whole
}

}  // namespace

Action define_status(CLI::App& command) {
    auto o = std::make_shared<StatusOptions>();
    add_text(command, "--scenario", o->scenario, "FILE", "the scenario, e.g. scenarios/koege-plan.json")->required();
    add_integer(command, "--year", o->year, "YEAR", "the status year, within 1990-2050")->required();
    add_text(command, "--status", o->status, "FILE",
             "the actions' status per year (.csv, .xlsx or .json; docs/status.md); default: the status in the "
             "store of --db");
    add_text(command, "--indicators", o->indicators, "FILE", "the municipality's indicator values and targets (.csv)");
    add_text(command, "--catalogue", o->catalogue, "FILE",
             "the indicator catalogue (default DATA_DIR/indicators/catalogue.csv)");
    add_text(command, "--format", o->format, "FORMAT",
             "md, csv, json, html, xlsx (sheets for themes, actions, indicators, emissions; written to --out, "
             "default klima-status-MUNICIPALITY-YEAR.xlsx), or export-csv: one row per action and indicator "
             "value for the national monitoring (default md)");
    add_lang(command, o->lang);
    add_text(command, "--out", o->out, "PATH", "write to this file instead of stdout");
    add_text(command, "--targets", o->targets, "FILE", "targets file (default the one the scenario names)");
    add_text(command, "--title", o->title, "TEXT", "title (default the scenario's name)");
    add_scenario_request_options(command, o->request);
    return [o](std::ostream& out) { return run_status(*o, out); };
}

}  // namespace klima::cli
