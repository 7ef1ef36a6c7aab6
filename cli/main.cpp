// klima: the command-line front end. It only dispatches to a command and turns
// errors into one line on stderr and a non-zero exit.
#include "args.hpp"
#include "commands.hpp"

#include "klima/error.hpp"

#include <cstring>
#include <iostream>
#include <map>

namespace {

struct Command {
    int (*run)(const klima::cli::Argv&, std::ostream&);
    const char* usage;
};

const std::map<std::string, Command>& commands() {
    static const std::map<std::string, Command> table{
        {"db",
         {klima::cli::cmd_db,
          "klima db import FILE|DIR --comment TEXT [--csv-dialect D] [--sheet NAME] | db versions | db diff V1 V2 | "
          "db recalc  [--db PATH] [--data-dir DIR] [--gwp AR5]"}},
        {"inventory",
         {klima::cli::cmd_inventory,
          "klima inventory (--data FILE | --db PATH [--version N]) --year Y [--format table|json|csv] [--gwp AR4|AR5|AR6] "
          "[--csv-dialect auto|comma|danish|comma-1252|danish-1252] [--sheet NAME] [--data-dir DIR] "
          "[--allocation declared|125|200|energy]"}},
        {"report",
         {klima::cli::cmd_report,
          "klima report --scenario FILE --year Y [--format md|csv|json|html|xlsx] [--lang da|en] [--out PATH] "
          "[--targets FILE] [--realised FILE] [--title T] [--data-dir DIR] [--allocation declared|125|200|energy]"}},
        {"scenario",
         {klima::cli::cmd_scenario, "klima scenario run FILE [--format table|json|csv] [--data-dir DIR] "
          "[--allocation declared|125|200|energy]"}},
    };
    return table;
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

void usage(std::ostream& out) {
    out << "klima — municipal climate-plan emissions accounting (DK2020)\n\nusage:\n";
    for (const auto& [name, c] : commands()) out << "  " << c.usage << "\n";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "help")) {
        usage(argc < 2 ? std::cerr : std::cout);
        return argc < 2 ? 2 : 0;
    }
    const auto it = commands().find(argv[1]);
    if (it == commands().end()) {
        std::cerr << "klima: error: unknown command '" << argv[1] << "' (fix: see klima --help)\n";
        return 2;
    }
    try {
        return it->second.run(klima::cli::Argv(argv + 2, argv + argc), std::cout);
    } catch (const klima::Error& e) {
        const int code = exit_code(e.kind());
        std::cerr << (code == 3 ? "klima: internal error: " : "klima: error: ") << e.what() << "\n";
        return code;
    } catch (const std::exception& e) {
        std::cerr << "klima: internal error: " << e.what() << "\n";
        return 3;
    }
}
