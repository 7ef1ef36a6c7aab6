#include "allocation.hpp"
#include "args.hpp"
#include "commands.hpp"

#include "klima/inventory.hpp"
#include "klima/io/data_files.hpp"
#include "klima/io/output_file.hpp"
#include "klima/io/realised_file.hpp"
#include "klima/io/scenario_file.hpp"
#include "klima/io/targets_file.hpp"
#include "klima/report/progress_report.hpp"

#include <ostream>

namespace klima::cli {

int cmd_report(const Argv& argv, std::ostream& out) {
    const Args args(argv, {"--scenario", "--year", "--format", "--lang", "--out", "--targets", "--title", "--data-dir",
                           "--realised", "--allocation"});
    const auto format = report::parse_report_format(args.get_or("--format", "md"));
    const auto lang = report::parse_lang(args.get_or("--lang", "da"));
    const auto scenario_path = args.require("--scenario", "FILE (a scenario, e.g. scenarios/koege.json)");
    const int year = args.require_int("--year", "YEAR (the reporting year)");
    if (!in_horizon(year))
        throw UsageError({"", 0, "--year"}, "reporting year " + std::to_string(year) + " is outside " + horizon_text(),
                         "give a year in that range");

    const auto allocation = chp_allocation(args);
    const auto ref = io::load_reference_data(data_dir(args), allocation);
    auto run = io::run_scenario_file(scenario_path, ref);
    if (const auto realised = args.get("--realised")) record_realised(run.result, io::load_realised(*realised));
    const auto targets_path = args.get("--targets") ? args.get("--targets") : run.spec.targets_file;
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
                                              args.get_or("--title", run.spec.name));

    if (format == report::ReportFormat::xlsx) {
        const auto path = args.get_or("--out", "klima-report-" + run.spec.municipality + "-" + std::to_string(year) + ".xlsx");
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
    if (const auto path = args.get("--out")) {
        io::write_file_atomically(*path, text);  // a failed write leaves the old report whole
        out << "wrote " << *path << "\n";
        return 0;
    }
    out << text;
    return 0;
}

}  // namespace klima::cli
