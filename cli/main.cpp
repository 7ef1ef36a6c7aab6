// klima: the command-line front end. One table names every command; CLI11 parses the line
// into each command's typed options (cli/options.hpp), the command's action calls the engine,
// and main turns errors into one line on stderr and the exit code.
#include "commands.hpp"
#include "data_dir.hpp"
#include "flag_hints.hpp"
#include "usage_errors.hpp"

#include "klima/error.hpp"

#include <CLI/CLI.hpp>

#include <cstring>
#include <iostream>
#include <map>
#include <string>

namespace {

using klima::cli::Action;

// Every command: its words, its one line in klima --help, and what declares its options
// (nullptr: a group, which only holds the commands named after it).
struct Command {
    const char* words;
    const char* summary;
    Action (*define)(CLI::App& command);
};

constexpr Command kCommands[] = {
    {"inventory", "the emissions inventory of one year, from an activity file or a store version",
     klima::cli::define_inventory},
    {"scenario", "scenarios to 2050", nullptr},
    {"scenario run", "BAU and a scenario's measures to 2050, with each measure's effect and cost per tonne",
     klima::cli::define_scenario_run},
    {"scenario solve", "the scale of one measure, or of all, that meets the target path in a year",
     klima::cli::define_scenario_solve},
    {"scenario macc", "cost per tonne, the marginal abatement cost curve and the cheapest portfolio",
     klima::cli::define_scenario_macc},
    {"scenario mc", "Monte Carlo: percentiles of BAU and scenario, the chance of meeting each target",
     klima::cli::define_scenario_mc},
    {"report", "the DK2020 progress report of a scenario for a reporting year", klima::cli::define_report},
    {"status", "the yearly status: each action's status, realised against planned effect, indicators",
     klima::cli::define_status},
    {"impact", "the climate impact of a proposed decision against the adopted scenario", klima::cli::define_impact},
    {"db", "the inventory store: yearly versions of activity data and emission factors", nullptr},
    {"db import", "store an activity file, a factor file or a data directory as a new version",
     klima::cli::define_db_import},
    {"db versions", "list the store's versions", klima::cli::define_db_versions},
    {"db scenarios", "list the scenario versions saved from the workbench", klima::cli::define_db_scenarios},
    {"db scenario", "print a saved scenario version (the latest unless --version), to run it with scenario run",
     klima::cli::define_db_scenario},
    {"db diff", "what changed between two versions, split into activity effect and factor effect",
     klima::cli::define_db_diff},
    {"db compare", "one inventory year against another, by sector and subsector, split into activity and factor effect",
     klima::cli::define_db_compare},
    {"db recalc", "recompute every year of the current version with its factors, the base year included",
     klima::cli::define_db_recalc},
    {"serve", "the planner workbench: a web page that reruns a scenario as its measures move",
     klima::cli::define_serve},
    {"national", "all 98 municipalities from the Energi- og CO2-regnskab: forecasts, yardsticks, map",
     klima::cli::define_national},
    {"national import-api", "bring one answer of the regnskab's API into data/national/",
     klima::cli::define_national_import},
};

// The application with a CLI11 command for each entry of kCommands; `actions` gets what runs each.
void build(CLI::App& app, std::map<const CLI::App*, Action>& actions) {
    app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);  // as before CLI11: the last wins
    app.require_subcommand(1);
    app.add_flag("--version")
        ->description("print klima's version and the data directory it reads (answered before any command)");
    for (const auto& c : kCommands) {
        const std::string words = c.words;
        const auto space = words.rfind(' ');
        CLI::App& parent = space == std::string::npos ? app : *app.get_subcommand(words.substr(0, space));
        CLI::App& command = *parent.add_subcommand(words.substr(space + 1), c.summary);
        if (c.define) actions[&command] = c.define(command);
        else command.require_subcommand(1);
    }
}

// The one place where an error's kind becomes the exit code (docs/user-guide.md, "Errors"):
// 2 a wrong command line, 1 bad data or a file or store that cannot be used, 3 a bug.
int exit_code(klima::ErrorKind kind) {
    switch (kind) {
        case klima::ErrorKind::usage: return 2;
        case klima::ErrorKind::input:
        case klima::ErrorKind::io:
        case klima::ErrorKind::store: return 1;
        case klima::ErrorKind::internal: break;
    }
    return 3;
}

int report(const klima::Error& e) {
    const int code = exit_code(e.kind());
    std::cerr << (code == 3 ? "klima: internal error: " : "klima: error: ")
              << klima::format_error(klima::cli::where_with_flags(e), e.problem(), klima::cli::fix_with_flags(e))
              << "\n";
    return code;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app("klima — municipal climate-plan emissions accounting (DK2020)", "klima");
    std::map<const CLI::App*, Action> actions;
    build(app, actions);
    if (argc < 2) {  // no command: the overview, on stderr as a usage error
        std::cerr << app.help();
        return 2;
    }
    if (!std::strcmp(argv[1], "help")) {
        std::cout << app.help();
        return 0;
    }
    if (!std::strcmp(argv[1], "--version") || !std::strcmp(argv[1], "version")) {
        const auto data = klima::cli::choose_data_dir(std::nullopt);
        std::cout << "klima " << KLIMA_VERSION << "\ndata: " << data.path << " (" << data.how << ")\n";
        return 0;
    }
    try {
        try {
            app.parse(argc, argv);
        } catch (const CLI::CallForHelp& e) {
            return app.exit(e);  // the help of the command asked about, on stdout
        } catch (const CLI::ParseError& e) {
            return report(klima::cli::usage_error(e, app));
        }
        const CLI::App* command = &app;
        while (!command->get_subcommands().empty()) command = command->get_subcommands().front();
        const int code = actions.at(command)(std::cout);
        // Text still in std::cout's buffer is written here or at exit, where a failure (a full disk,
        // /dev/full) would pass unnoticed: flushed and checked, so a lost output never exits 0.
        if (!std::cout.flush())
            throw klima::Error({"", 0, ""}, "cannot write the output",
                               "check that the disk has free space and that whatever reads the output is still running",
                               klima::ErrorKind::io);
        return code;
    } catch (const klima::Error& e) {
        return report(e);
    } catch (const std::exception& e) {
        std::cerr << "klima: internal error: " << e.what() << "\n";
        return 3;
    }
}
