#include "allocation.hpp"
#include "args.hpp"
#include "commands.hpp"
#include "scenario_request.hpp"

#include "klima/api/report.hpp"
#include "klima/horizon.hpp"
#include "klima/io/output_file.hpp"
#include "klima/report/progress_report.hpp"

#include <ostream>

namespace klima::cli {

int cmd_report(const Argv& argv, std::ostream& out) {
    const Args args(argv, {"--scenario", "--year", "--format", "--lang", "--out", "--targets", "--title", "--data-dir",
                           "--realised", "--allocation", "--from-year", "--db"});
    const auto format = report::parse_report_format(args.get_or("--format", "md"));
    const auto lang = report::parse_lang(args.get_or("--lang", "da"));
    api::ReportRequest request;
    request.scenario = scenario_request(args, args.require("--scenario", "FILE (a scenario, e.g. scenarios/koege.json)"));
    request.report_year = args.require_int("--year", "YEAR (the reporting year)");
    if (!in_horizon(request.report_year))
        throw UsageError({"", 0, "--year"},
                         "reporting year " + std::to_string(request.report_year) + " is outside " + horizon_text(),
                         "give a year in that range");
    request.targets_file = args.get("--targets");
    request.realised_file = args.get("--realised");
    request.title = args.get("--title");
    const auto outcome = api::build_report(request);
    const auto& data = outcome.data;
    const auto& spec = outcome.scenario.run.spec;
    const auto allocation = request.scenario.allocation;

    if (format == report::ReportFormat::xlsx) {
        const auto path =
            args.get_or("--out", "klima-report-" + spec.municipality + "-" + std::to_string(request.report_year) + ".xlsx");
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
