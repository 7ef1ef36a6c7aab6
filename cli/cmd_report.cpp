#include "allocation.hpp"
#include "commands.hpp"
#include "options.hpp"

#include "klima/inventory.hpp"
#include "klima/io/data_files.hpp"
#include "klima/io/output_file.hpp"
#include "klima/io/realised_file.hpp"
#include "klima/io/scenario_file.hpp"
#include "klima/io/targets_file.hpp"
#include "klima/report/progress_report.hpp"

#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>

namespace klima::cli {

namespace {

struct ReportOptions {
    std::optional<std::string> scenario, out, targets, title, data_dir, realised;
    std::optional<int> year;
    report::ReportFormat format = report::ReportFormat::md;
    report::Lang lang = report::Lang::da;
    ChpAllocation allocation = ChpAllocation::declared;
};

int run_report(const ReportOptions& o, std::ostream& out) {
    const auto format = o.format;
    const auto lang = o.lang;
    const auto& scenario_path = *o.scenario;
    const int year = *o.year;
    if (!in_horizon(year))
        throw UsageError({"", 0, "--year"}, "reporting year " + std::to_string(year) + " is outside " + horizon_text(),
                         "give a year in that range");

    const auto allocation = o.allocation;
    const auto ref = io::load_reference_data(data_dir(o.data_dir), allocation);
    auto run = io::run_scenario_file(scenario_path, ref);
    if (const auto& realised = o.realised) record_realised(run.result, io::load_realised(*realised));
    const auto targets_path = o.targets ? o.targets : run.spec.targets_file;
    if (!targets_path)
        throw Error({scenario_path, 0, "/targets"}, "the scenario names no targets file",
                    "add \"targets\": \"../data/targets/" + run.spec.municipality + ".json\" or give --targets FILE");
    const auto targets = io::load_targets(*targets_path);

    std::vector<InventoryResult> inventories;
    for (int y : years_in(run.activity)) {
        if (y > year) continue;
        try {
            inventories.push_back(compute_inventory(run.activity, y, ref, run.spec.gwp_set));
        } catch (const Error& e) {
            throw e.located({run.spec.activity_file, 0, ""});
        }
    }
    const auto data = report::assemble_report(run.result, targets, ref.taxonomy, inventories, year,
                                              o.title.value_or(run.spec.name));

    if (format == report::ReportFormat::xlsx) {
        const auto path = o.out.value_or("klima-report-" + run.spec.municipality + "-" + std::to_string(year) + ".xlsx");
        report::write_report_xlsx(data, lang, path);
        // The workbook itself does not carry the allocation yet (the report layout is not the CLI's).
        out << "wrote " << path << " (CHP allocation: " << to_string(allocation) << " — " << describe(allocation)
            << ")\n";
        return 0;
    }
    const auto form = format == report::ReportFormat::json  ? NoteForm::json
                      : format == report::ReportFormat::csv ? NoteForm::csv_key_value
                      : format == report::ReportFormat::html ? NoteForm::html
                                                             : NoteForm::markdown;
    const auto text =
        note_allocation(report::render_report(data, format, lang), form, allocation, lang == report::Lang::da);
    if (const auto& path = o.out) {
        io::write_file_atomically(*path, text);  // a failed write leaves the old report whole
        out << "wrote " << *path << "\n";
        return 0;
    }
    out << text;
    return 0;
}

}  // namespace

Action define_report(CLI::App& command) {
    auto o = std::make_shared<ReportOptions>();
    add_text(command, "--scenario", o->scenario, "FILE", "the scenario, e.g. scenarios/koege.json")->required();
    add_integer(command, "--year", o->year, "YEAR", "the reporting year, within 1990-2050")->required();
    add_report_format(command, o->format);
    add_lang(command, o->lang);
    add_text(command, "--out", o->out, "PATH", "write the report to this file (xlsx: default klima-report-MUNICIPALITY-YEAR.xlsx)");
    add_text(command, "--targets", o->targets, "FILE", "targets file (default the one the scenario names)");
    add_text(command, "--realised", o->realised, "FILE", "realised effects of measures so far");
    add_text(command, "--title", o->title, "TEXT", "title of the report (default the scenario's name)");
    add_data_dir(command, o->data_dir);
    add_allocation(command, o->allocation);
    return [o](std::ostream& out) { return run_report(*o, out); };
}

}  // namespace klima::cli
