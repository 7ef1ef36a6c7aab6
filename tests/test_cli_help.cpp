// Every command answers --help with its options, each with a line saying what it does, and
// a command line that does not fit is exit 2 with one line naming the option and the fix
// (issue 12: CLI11 in place of the hand-written parser).
#include "support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

using Catch::Contains;
using klima::test::fixture;
using klima::test::run_cli;

namespace {

struct HelpCase {
    std::string command;
    std::vector<std::string> names;  // options and arguments --help must list
};

const std::vector<HelpCase> kHelp{
    {"inventory",
     {"--data", "--db", "--version", "--year", "--format", "--gwp", "--data-dir", "--title", "--allocation",
      "--csv-dialect", "--sheet"}},
    {"scenario", {"run"}},
    {"scenario run", {"FILE", "--format", "--data-dir", "--allocation"}},
    {"report",
     {"--scenario", "--year", "--format", "--lang", "--out", "--targets", "--realised", "--title", "--data-dir",
      "--allocation"}},
    {"db", {"import", "versions", "diff", "recalc"}},
    {"db import", {"FILE", "--comment", "--db", "--data-dir", "--csv-dialect", "--sheet"}},
    {"db versions", {"--db"}},
    {"db diff", {"V1", "V2", "--db", "--data-dir", "--gwp"}},
    {"db recalc", {"--db", "--data-dir", "--gwp"}},
};

// The text --help gives for `name`: after it in the line that lists it, or in the next line
// when the name and its values fill the first column.
std::string description(const std::string& help, const std::string& name) {
    std::istringstream in(help);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto start = lines[i].find_first_not_of(' ');
        if (start == std::string::npos || lines[i].compare(start, name.size(), name) != 0) continue;
        const auto rest = lines[i].substr(start + name.size());
        if (!rest.empty() && rest.front() != ' ') continue;  // --data is not --data-dir
        // columns: name and values, then at least two spaces, then the description
        const auto gap = rest.find("  ");
        if (gap != std::string::npos && rest.find_first_not_of(' ', gap) != std::string::npos)
            return rest.substr(rest.find_first_not_of(' ', gap));
        if (i + 1 < lines.size())
            return lines[i + 1].substr(std::min(lines[i + 1].find_first_not_of(' '), lines[i + 1].size()));
    }
    return {};
}

void check_usage(const klima::test::CliResult& r, const std::string& says) {
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::StartsWith("klima: error: ") && Contains(says) && Contains("fix:"));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

std::string inventory_args() {
    return "inventory --data-dir " + klima::test::fixture_data_dir() + " --data " + fixture("activity.csv");
}

}  // namespace

TEST_CASE("cli help: every command's --help exits 0 and lists each option with a description", "[cli][help]") {
    for (const auto& c : kHelp) {
        const auto r = run_cli(c.command + " --help");
        INFO(c.command << "\n" << r.out << r.err);
        CHECK(r.exit_code == 0);
        CHECK(r.err.empty());
        for (const auto& name : c.names) {
            INFO(name);
            const auto said = description(r.out, name);
            CHECK(std::count(said.begin(), said.end(), ' ') >= 3);  // a few words saying what it is
        }
    }
}

TEST_CASE("cli help: klima --help and klima help list the commands; no command is exit 2", "[cli][help]") {
    for (const auto* args : {"--help", "help"}) {
        const auto r = run_cli(args);
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.out, Contains("inventory") && Contains("scenario") && Contains("report") && Contains("db"));
    }
    const auto none = run_cli("");
    CHECK(none.exit_code == 2);
    CHECK_THAT(none.err, Contains("inventory"));
}

TEST_CASE("cli usage: a command line that does not fit names the option and what it takes, exit 2", "[cli][errors]") {
    check_usage(run_cli(inventory_args() + " --year 2017 --format xml"), "field '--format': unknown format 'xml'");
    check_usage(run_cli(inventory_args() + " --year twenty"), "field '--year': 'twenty' is not a whole number");
    check_usage(run_cli(inventory_args() + " --year"), "field '--year': option needs a value");
    check_usage(run_cli(inventory_args() + " --year 2017 --format"), "field '--format': option needs a value");
    check_usage(run_cli(inventory_args() + " --year 2017 --csv-dialect tabs"), "unknown CSV dialect 'tabs'");
    check_usage(run_cli(inventory_args() + " --year=2017 --allocation=150"), "unknown CHP allocation '150'");
    check_usage(run_cli("frobnicate"), "unknown command 'frobnicate'");
    check_usage(run_cli("scenario"), "field 'scenario': scenario needs a subcommand");
    check_usage(run_cli("scenario run"), "field 'FILE': missing argument FILE");
    check_usage(run_cli("scenario run a.json b.json"), "field 'b.json': unexpected argument");
    check_usage(run_cli("db versions --comment x"), "field '--comment': unknown option");
    check_usage(run_cli("db diff 1 two"), "field 'V2': 'two' is not a whole number");
}

TEST_CASE("cli usage: an option given twice takes the last value, as before CLI11", "[cli]") {
    const auto r = run_cli(inventory_args() + " --year 2017 --format xml --format csv");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("2017,energi,el,el,1000.000,MWh"));
}

TEST_CASE("cli hints: the engine's fix says what to do, the CLI adds the flag", "[cli][errors]") {
    const auto dir = run_cli("inventory --data-dir /nonexistent --data " + fixture("activity.csv") + " --year 2017");
    CHECK(dir.exit_code == 1);
    CHECK_THAT(dir.err, Contains("/nonexistent: data directory not found") &&
                            Contains("give the path of klima's data/ folder; --data-dir DIR or KLIMA_DATA_DIR"));
    klima::test::TempDir tmp;
    const auto db = tmp.file("absent.db");
    const auto absent = run_cli("inventory --year 2017 --db " + db + " --data-dir " + klima::test::fixture_data_dir());
    CHECK(absent.exit_code == 1);
    CHECK_THAT(absent.err,
               Contains("no store at this path") && Contains("klima db import FILE|DIR --comment TEXT --db " + db));
}
