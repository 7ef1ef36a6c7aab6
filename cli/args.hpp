// Command-line arguments: positionals and --key value options. Knows nothing
// of what the commands mean.
#pragma once

#include "klima/error.hpp"
#include "klima/io/data_files.hpp"
#include "klima/factors.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace klima::cli {

// A command line that does not fit the command (unknown or missing option):
// an Error of kind usage, which main turns into exit 2.
class UsageError : public Error {
public:
    UsageError(Location where, std::string what, std::string fix = {})
        : Error(std::move(where), std::move(what), std::move(fix), ErrorKind::usage) {}
};

class Args {
public:
    // `flags` take no value; every other --option takes exactly one.
    Args(const std::vector<std::string>& argv, const std::set<std::string>& options,
         const std::set<std::string>& flags = {});

    const std::vector<std::string>& positional() const { return positional_; }
    std::optional<std::string> get(const std::string& option) const;
    bool has(const std::string& option) const { return values_.count(option) > 0; }
    std::string get_or(const std::string& option, const std::string& fallback) const;
    std::string require(const std::string& option, const std::string& what) const;
    int require_int(const std::string& option, const std::string& what) const;
    bool flag(const std::string& name) const { return flags_.count(name) > 0; }

private:
    std::vector<std::string> positional_;
    std::map<std::string, std::string> values_;
    std::set<std::string> flags_;
};

// --data-dir, else $KLIMA_DATA_DIR, else the data/ folder of the source tree.
std::string data_dir(const Args& args);

// --csv-dialect auto|comma|danish|comma-1252|danish-1252 (auto, the default, detects it).
inline constexpr const char* kCsvDialectOption = "--csv-dialect";
inline constexpr const char* kSheetOption = "--sheet";  // --sheet NAME: the .xlsx sheet to read
io::ActivityReadOptions activity_read_options(const Args& args);
// --gwp (AR5 when absent), one of the GWP sets in `sets`; throws UsageError listing them.
std::string gwp_option(const Args& args, const GwpTable& sets);

}  // namespace klima::cli
