#include "options.hpp"
#include "data_dir.hpp"

#include "klima/io/output_file.hpp"
#include "klima/join.hpp"

#include <CLI/CLI.hpp>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <vector>

namespace klima::cli {
namespace {

// The words an option accepts and the engine value each stands for.
template <class E>
struct Word {
    const char* word;
    E value;
};

// "a, b or c"
template <class E>
std::string listed(const std::vector<Word<E>>& words, const char* last_joiner = " or ") {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i)
        out.append(i == 0 ? "" : i + 1 == words.size() ? last_joiner : ", ").append(words[i].word);
    return out;
}

// An option taking one of `words`; an unknown word is a UsageError "unknown <what> 'x'" with `fix`.
template <class E>
CLI::Option* add_choice(CLI::App& command, const std::string& name, E& target, std::vector<Word<E>> words,
                        const std::string& description, const std::string& what, const std::string& fix) {
    std::string type;
    for (const auto& w : words) type.append(type.empty() ? "" : "|").append(w.word);
    return command
        .add_option_function<std::string>(
            name,
            [&target, words, name, what, fix](const std::string& given) {
                for (const auto& w : words)
                    if (given == w.word) {
                        target = w.value;
                        return;
                    }
                throw UsageError({"", 0, name}, "unknown " + what + " '" + given + "'", fix);
            },
            description)
        ->type_name(type);
}

int whole_number(const std::string& name, const std::string& value_name, const std::string& given) {
    int v = 0;
    const auto [end, ec] = std::from_chars(given.data(), given.data() + given.size(), v);
    if (given.empty() || ec != std::errc() || end != given.data() + given.size())
        throw UsageError({"", 0, name}, "'" + given + "' is not a whole number",
                         name.rfind("--", 0) == 0 ? "write " + name + " " + value_name + ", a whole number"
                                                  : "give " + name + " as a whole number");
    return v;
}

}  // namespace

CLI::Option* add_text(CLI::App& command, const std::string& name, std::optional<std::string>& target,
                      const std::string& value_name, const std::string& description) {
    return command
        .add_option_function<std::string>(
            name, [&target](const std::string& given) { target = given; }, description)
        ->type_name(value_name);
}

CLI::Option* add_integer(CLI::App& command, const std::string& name, std::optional<int>& target,
                         const std::string& value_name, const std::string& description) {
    return command
        .add_option_function<std::string>(
            name,
            [&target, name, value_name](const std::string& given) { target = whole_number(name, value_name, given); },
            description)
        ->type_name(value_name);
}

CLI::Option* add_seed(CLI::App& command, std::optional<std::uint64_t>& target, const std::string& description) {
    return command
        .add_option_function<std::string>(
            "--seed",
            [&target](const std::string& given) {
                // the whole unsigned 64-bit range: 0 to 18446744073709551615
                std::uint64_t seed = 0;
                const auto [end, ec] = std::from_chars(given.data(), given.data() + given.size(), seed);
                if (!given.empty() && given.front() == '-')
                    throw UsageError({"", 0, "--seed"}, "the seed must be 0 or more", "write --seed S, e.g. --seed 1");
                if (ec == std::errc::result_out_of_range)
                    throw UsageError({"", 0, "--seed"},
                                     "'" + given + "' is larger than 18446744073709551615 (2^64 - 1)",
                                     "write --seed S with S from 0 to 18446744073709551615");
                if (given.empty() || ec != std::errc() || end != given.data() + given.size())
                    throw UsageError({"", 0, "--seed"}, "'" + given + "' is not a whole number",
                                     "write --seed S, a whole number");
                target = seed;
            },
            description)
        ->type_name("S");
}

CLI::Option* add_number(CLI::App& command, const std::string& name, std::optional<double>& target,
                        const std::string& value_name, const std::string& description) {
    return command
        .add_option_function<std::string>(
            name,
            [&target, name, value_name](const std::string& given) {
                double v = 0.0;
                const auto [end, ec] = std::from_chars(given.data(), given.data() + given.size(), v);
                if (given.empty() || ec != std::errc() || end != given.data() + given.size() || !std::isfinite(v))
                    throw UsageError({"", 0, name}, "'" + given + "' is not a number",
                                     "write " + name + " " + value_name + ", e.g. " + name + " 3.5");
                target = v;
            },
            description)
        ->type_name(value_name);
}

CLI::Option* add_format(CLI::App& command, report::Format& target, report::Formats supported,
                        const std::string& description, std::string_view kind) {
    std::string type;
    for (const auto f : supported) type.append(type.empty() ? "" : "|").append(report::format_name(f));
    return command
        .add_option_function<std::string>(
            "--format",
            [&target, supported, kind = std::string(kind)](const std::string& given) {
                target = checked_format(given, supported, kind);
            },
            description)
        ->type_name(type);
}

report::Format checked_format(std::string_view word, report::Formats supported, std::string_view kind,
                              std::span<const std::string_view> more) {
    return report::parse_format(word, supported, {"", 0, "--format"}, kind, more);
}

CLI::Option* add_lang(CLI::App& command, report::Lang& target) {
    using report::Lang;
    return add_choice<Lang>(command, "--lang", target, {{"da", Lang::da}, {"en", Lang::en}},
                            "language of the report: Danish or English (default da)", "language", "use da or en");
}

CLI::Option* add_allocation(CLI::App& command, ChpAllocation& target) {
    std::vector<Word<ChpAllocation>> words;
    for (const auto a : kAllChpAllocations) words.push_back({to_string(a).data(), a});  // views of literals
    return add_choice(command, "--allocation", target, words,
                      "CHP allocation set of the electricity and district-heat factors (default declared: "
                      "electricity 125 %, district heat 200 %)",
                      "CHP allocation",
                      "use one of " + listed(words, ", ") + " (declared: electricity 125 %, district heat 200 %)");
}

void add_read_options(CLI::App& command, io::ActivityReadOptions& target) {
    using io::CsvDialect;
    using io::TextEncoding;
    auto& dialect = target.csv_dialect;
    using D = std::optional<CsvDialect>;
    add_choice<D>(command, "--csv-dialect", dialect,
                  {{"auto", std::nullopt},
                   {"comma", CsvDialect::comma()},
                   {"danish", CsvDialect::danish()},
                   {"comma-1252", CsvDialect{',', '.', TextEncoding::windows1252}},
                   {"danish-1252", CsvDialect::danish(TextEncoding::windows1252)}},
                  "how a CSV activity file is written (default auto: detected)", "CSV dialect",
                  "use auto (detect), comma (',' and decimal point, UTF-8), danish (';' and decimal comma, "
                  "UTF-8), or comma-1252 or danish-1252 (the same in Windows-1252)");
    command
        .add_option_function<std::string>(
            "--sheet", [&target](const std::string& given) { target.sheet = given; },
            "the sheet of an .xlsx workbook to read (default the first)")
        ->type_name("NAME");
}

CLI::Option* add_gwp(CLI::App& command, std::string& target) {
    return command
        .add_option(
            "--gwp", target,
            std::string("GWP-100 set of the data directory, e.g. AR4, AR5, AR6 (default ") + kDefaultGwpSet + ")")
        ->type_name("SET");
}

CLI::Option* add_data_dir(CLI::App& command, std::optional<std::string>& target) {
    return add_text(command, "--data-dir", target, "DIR",
                    "reference data: taxonomy, factors, GWP sets (default $KLIMA_DATA_DIR, else the data installed "
                    "with klima; klima --version says which)");
}

std::string data_dir(const std::optional<std::string>& option) { return choose_data_dir(option).path; }

const std::string& checked_gwp(const std::string& name, const GwpTable& sets) {
    for (const auto& s : sets.all())
        if (s.name == name) return name;
    throw UsageError({"", 0, "--gwp"}, "unknown GWP set '" + name + "'",
                     "use one of " + join(sets.all(), ", ", [](const GwpSet& s) { return s.name; }));
}

int write_output(const std::optional<std::string>& path, const std::string& text, std::ostream& out) {
    if (path) {
        io::write_file_atomically(*path, text);
        out << "wrote " << *path << "\n";
        return 0;
    }
    out << text;
    return 0;
}

}  // namespace klima::cli
