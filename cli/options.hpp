// Typed command-line options: each helper declares one option on a CLI11 command with a
// one-line description for --help, and turns its words into the engine's types (formats,
// languages, CHP allocation, CSV dialect, whole numbers). A wrong value throws UsageError
// naming the option and what it accepts. The engine sees only the typed values.
#pragma once

#include "klima/error.hpp"
#include "klima/factors.hpp"
#include "klima/io/data_files.hpp"
#include "klima/report/format.hpp"
#include "klima/report/progress_report.hpp"

#include <cstdint>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace klima::cli {

// A command line that does not fit the command (unknown or missing option, a bad value):
// an Error of kind usage, which main turns into exit 2.
class UsageError : public Error {
public:
    UsageError(Location where, std::string what, std::string fix = {})
        : Error(std::move(where), std::move(what), std::move(fix), ErrorKind::usage) {}
};

// An option with one word of text; `target` stays nullopt when it is not given.
CLI::Option* add_text(CLI::App& command, const std::string& name, std::optional<std::string>& target,
                      const std::string& value_name, const std::string& description);
// An option (or positional, when `name` has no leading --) holding a whole number.
CLI::Option* add_integer(CLI::App& command, const std::string& name, std::optional<int>& target,
                         const std::string& value_name, const std::string& description);
// --seed S: the seed of Monte Carlo draws, a whole number from 0 to 2^64 - 1 (outside it a UsageError).
CLI::Option* add_seed(CLI::App& command, std::optional<std::uint64_t>& target, const std::string& description);
// An option holding a finite decimal number ("3.5", "0"); anything else is a UsageError naming it.
CLI::Option* add_number(CLI::App& command, const std::string& name, std::optional<double>& target,
                        const std::string& value_name, const std::string& description);

// --format with the names of `supported`, the formats the command's renderer makes
// (report::kInventoryFormats, …), shown in --help as "table|json|csv"; checked as it is read by
// report::parse_format, whose usage error names exactly them ("unknown <kind> format 'x'").
CLI::Option* add_format(CLI::App& command, report::Format& target, report::Formats supported,
                        const std::string& description, std::string_view kind = {});
// The --format word of a command that takes it as text and checks it when it runs, before any file
// is read (impact, status, national): report::parse_format at --format.
report::Format checked_format(std::string_view word, report::Formats supported, std::string_view kind = {},
                              std::span<const std::string_view> more = {});
// --lang da|en (default da).
CLI::Option* add_lang(CLI::App& command, report::Lang& target);
// --allocation declared|125|200|energy (default declared).
CLI::Option* add_allocation(CLI::App& command, ChpAllocation& target);
// --csv-dialect auto|comma|danish|comma-1252|danish-1252 and --sheet NAME: how an activity file is read.
void add_read_options(CLI::App& command, io::ActivityReadOptions& target);
// --gwp NAME (default kDefaultGwpSet); checked against the loaded GWP sets by checked_gwp.
CLI::Option* add_gwp(CLI::App& command, std::string& target);
// --data-dir DIR; see data_dir.
CLI::Option* add_data_dir(CLI::App& command, std::optional<std::string>& target);

// --data-dir, else $KLIMA_DATA_DIR, else the installed data, else the source tree's (data_dir.hpp).
std::string data_dir(const std::optional<std::string>& option);
// `name` when `sets` has a GWP set of that name; else a UsageError for --gwp listing them.
const std::string& checked_gwp(const std::string& name, const GwpTable& sets);

// A command's text output: to `path` when given (written beside it and renamed over it, so a
// failed write leaves the old file whole; "wrote PATH" on `out`), else printed on `out`. Returns 0.
int write_output(const std::optional<std::string>& path, const std::string& text, std::ostream& out);

}  // namespace klima::cli
