#include "allocation.hpp"
#include "args.hpp"
#include "commands.hpp"
#include "scenario_request.hpp"

#include "klima/api/scenario.hpp"
#include "klima/report/scenario_report.hpp"

#include <ostream>

namespace klima::cli {

int cmd_scenario(const Argv& argv, std::ostream& out) {
    const Args args(argv, {"--format", "--data-dir", "--allocation", "--from-year", "--db"});
    const auto& pos = args.positional();
    if (pos.size() != 2 || pos[0] != "run")
        throw UsageError({"", 0, "scenario"}, "expected 'scenario run FILE'",
                    "write klima scenario run scenarios/koege.json [--format table|json|csv]");
    const auto format = report::parse_format(args.get_or("--format", "table"));
    const auto request = scenario_request(args, pos[1]);
    const auto allocation = request.allocation;
    const auto outcome = api::run_scenario(request);
    const auto& run = outcome.run;
    const auto& ref = outcome.ref;
    const auto form = format == report::Format::json  ? NoteForm::json
                      : format == report::Format::csv ? NoteForm::csv_series
                                                      : NoteForm::text;
    out << note_allocation(report::render_scenario(run, ref, format), form, allocation);
    return 0;
}

}  // namespace klima::cli
