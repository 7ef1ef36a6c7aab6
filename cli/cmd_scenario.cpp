#include "allocation.hpp"
#include "commands.hpp"
#include "options.hpp"

#include "klima/io/data_files.hpp"
#include "klima/io/scenario_file.hpp"
#include "klima/report/scenario_report.hpp"

#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>

namespace klima::cli {
namespace {

struct ScenarioOptions {
    std::string file;
    report::Format format = report::Format::table;
    std::optional<std::string> data_dir;
    ChpAllocation allocation = ChpAllocation::declared;
};

int run_scenario(const ScenarioOptions& o, std::ostream& out) {
    const auto format = o.format;
    const auto allocation = o.allocation;
    const auto ref = io::load_reference_data(data_dir(o.data_dir), allocation);
    const auto run = io::run_scenario_file(o.file, ref);
    const auto form = format == report::Format::json  ? NoteForm::json
                      : format == report::Format::csv ? NoteForm::csv_series
                                                      : NoteForm::text;
    out << note_allocation(report::render_scenario(run, ref, format), form, allocation);
    return 0;
}

}  // namespace

Action define_scenario_run(CLI::App& command) {
    auto o = std::make_shared<ScenarioOptions>();
    command.add_option("FILE", o->file, "the scenario file, e.g. scenarios/koege.json")->required();
    add_format(command, o->format, "table, json or csv (one row per series, measure, subsector and year); default table");
    add_data_dir(command, o->data_dir);
    add_allocation(command, o->allocation);
    return [o](std::ostream& out) { return run_scenario(*o, out); };
}

}  // namespace klima::cli
