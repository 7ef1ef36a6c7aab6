#include "args.hpp"
#include "klima/join.hpp"

#include "klima/io/csv.hpp"

#include <cstdlib>

namespace klima::cli {

Args::Args(const std::vector<std::string>& argv, const std::set<std::string>& options,
           const std::set<std::string>& flags) {
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const auto& a = argv[i];
        if (a.rfind("--", 0) != 0) {
            positional_.push_back(a);
            continue;
        }
        std::string name = a, value;
        bool inline_value = false;
        if (const auto eq = a.find('='); eq != std::string::npos) {
            name = a.substr(0, eq);
            value = a.substr(eq + 1);
            inline_value = true;
        }
        if (flags.count(name)) {
            flags_.insert(name);
            continue;
        }
        if (!options.count(name)) {
            std::string known = join(options, " ");
            if (!flags.empty()) known.append(known.empty() ? "" : " ").append(join(flags, " "));
            throw UsageError({"", 0, name}, "unknown option", known.empty() ? "this command takes no options" : "use one of " + known);
        }
        if (!inline_value) {
            if (i + 1 >= argv.size()) throw UsageError({"", 0, name}, "option needs a value", "write " + name + " VALUE");
            value = argv[++i];
        }
        values_[name] = value;
    }
}

std::optional<std::string> Args::get(const std::string& option) const {
    const auto it = values_.find(option);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

std::string Args::get_or(const std::string& option, const std::string& fallback) const {
    return get(option).value_or(fallback);
}

std::string Args::require(const std::string& option, const std::string& what) const {
    const auto v = get(option);
    if (!v) throw UsageError({"", 0, option}, "missing option", "write " + option + " " + what);
    return *v;
}

int Args::require_int(const std::string& option, const std::string& what) const {
    const auto v = require(option, what);
    try {
        return io::parse_integer(v);
    } catch (const Error& e) {
        throw UsageError({"", 0, option}, e.problem(), "write " + option + " " + what);
    }
}

std::string gwp_option(const Args& args, const GwpTable& sets) {
    const auto name = args.get_or("--gwp", "AR5");
    for (const auto& s : sets.all())
        if (s.name == name) return name;
    throw UsageError({"", 0, "--gwp"}, "unknown GWP set '" + name + "'",
                     "use one of " + join(sets.all(), ", ", [](const GwpSet& s) { return s.name; }));
}

std::string data_dir(const Args& args) {
    if (auto d = args.get("--data-dir")) return *d;
    if (const char* env = std::getenv("KLIMA_DATA_DIR"); env && *env) return env;
    return KLIMA_DEFAULT_DATA_DIR;
}

}  // namespace klima::cli

namespace klima::cli {

io::ActivityReadOptions activity_read_options(const Args& args) {
    io::ActivityReadOptions out;
    out.sheet = args.get_or(kSheetOption, "");
    const auto d = args.get_or(kCsvDialectOption, "auto");
    if (d == "comma") out.csv_dialect = io::CsvDialect::comma();
    else if (d == "comma-1252") out.csv_dialect = io::CsvDialect{',', '.', io::TextEncoding::windows1252};
    else if (d == "danish") out.csv_dialect = io::CsvDialect::danish();
    else if (d == "danish-1252") out.csv_dialect = io::CsvDialect::danish(io::TextEncoding::windows1252);
    else if (d != "auto")
        throw UsageError({"", 0, kCsvDialectOption}, "unknown CSV dialect '" + d + "'",
                         "use auto (detect), comma (',' and decimal point, UTF-8), danish (';' and decimal comma, "
                         "UTF-8), or comma-1252 or danish-1252 (the same in Windows-1252)");
    return out;
}

}  // namespace klima::cli
