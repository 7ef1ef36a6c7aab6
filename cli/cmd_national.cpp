// klima national: the status of all 98 municipalities from the Energi- og CO2-regnskab's figures
// (data/national/), or one municipality's page; and `national import-api`, which brings one answer
// of the regnskab's API into data/national/ (docs/national.md).
#include "commands.hpp"
#include "options.hpp"

#include "klima/draws.hpp"
#include "klima/io/csv.hpp"
#include "klima/io/status_export_file.hpp"
#include "klima/national/national_report.hpp"
#include "klima/report/status_counts_report.hpp"

#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>

namespace klima::cli {

namespace {

struct NationalOptions {
    std::optional<std::string> format, kommune, out, data;
    std::optional<int> draws, threads;
    std::optional<std::uint64_t> seed;
    report::Lang lang = report::Lang::da;
    std::vector<std::string> status_exports;  // files or folders of klima status --format export-csv
};

// Loads and computes what `klima national` shows: the same call the workbench makes.
national::NationalStatus status(const NationalOptions& o) {
    const auto dir = data_dir(o.data);
    national::NationalParams p;
    if (o.draws) p.draws = *o.draws;
    if (o.threads) p.threads = *o.threads;
    if (o.seed) p.seed = *o.seed;
    if (p.draws < 1 || p.draws > kMaxDraws)
        throw UsageError({"", 0, "--draws"}, "--draws must be 1–" + std::to_string(kMaxDraws),
                         "give e.g. --draws " + std::to_string(kDefaultDraws));
    if (p.threads < 0 || p.threads > 256)
        throw UsageError({"", 0, "--threads"}, "--threads must be 0–256", "give 0 for the hardware's count");
    return national::compute_status(national::load_national(dir + "/national"),
                                    national::load_coded_targets(dir + "/targets"), p);
}

// --status-export: the municipalities' actions counted by status, from their exports.
int run_status_counts(const NationalOptions& o, std::ostream& out) {
    // "table", the word of national's default output, gives the counts' table in Markdown.
    const auto word = o.format.value_or("md");
    const auto format =
        word == "table" ? report::Format::md : checked_format(word, report::kStatusCountFormats, "--status-export");
    if (o.kommune)
        throw UsageError({"", 0, "--kommune"}, "--status-export counts every municipality it is given",
                         "drop --kommune, or give only that municipality's export");
    const auto text = report::render_status_counts(status::count_by_status(io::load_status_exports(o.status_exports)),
                                                   format, o.lang);
    return write_output(o.out, text, out);  // a failed write leaves the old file whole
}

int run_national(const NationalOptions& o, std::ostream& out) {
    if (!o.status_exports.empty()) return run_status_counts(o, out);
    const auto format = checked_format(o.format.value_or("table"), national::kNationalFormats);  // before any read
    if (o.kommune && format == report::Format::xlsx)
        throw UsageError({"", 0, "--kommune"}, "the xlsx workbook holds all 98 municipalities, not one",
                         "drop --kommune for the workbook, or give --format md, html, csv or json for one "
                         "municipality's page");
    const auto s = status(o);
    std::optional<std::size_t> m;
    if (o.kommune) {
        m = s.data.find(*o.kommune);
        if (!m)
            throw UsageError(
                {"", 0, "--kommune"}, "no municipality '" + *o.kommune + "'",
                "give a kommunekode (0259) or a name as data/national/municipalities.csv spells it (Køge)");
    }
    if (format == report::Format::xlsx) {
        const auto path = o.out.value_or("klima-national.xlsx");
        national::write_national_xlsx(s, o.lang, path);
        out << "wrote " << path << "\n";
        return 0;
    }
    std::string text;
    if (m) {
        text = national::render_municipality(s, *m, format, o.lang);
    } else {
        std::optional<national::NationalMap> map;
        if (format == report::Format::html)
            map = national::load_map(data_dir(o.data) + "/national/municipalities.topo.json");
        text = national::render_national(s, format, o.lang, map ? &*map : nullptr);
    }
    return write_output(o.out, text, out);  // a failed write leaves the old file whole
}

struct ImportOptions {
    std::optional<std::string> file, kommune, data;
    std::optional<int> year;
};

int run_import(const ImportOptions& o, std::ostream& out) {
    if (*o.year < 1990 || *o.year > 2050)
        throw UsageError({"", 0, "--year"}, "--year " + std::to_string(*o.year) + " is outside 1990–2050",
                         "give the year of the answer, e.g. --year 2024");
    const auto dir = data_dir(o.data) + "/national";
    const auto figures = national::parse_api_answer(io::read_file(*o.file), *o.file);
    const bool replaced = national::merge_api_answer(dir, *o.kommune, *o.year, figures);
    out << (replaced ? "replaced " : "added ") << *o.kommune << " " << *o.year << " in " << dir << "\n";
    return 0;
}

}  // namespace

Action define_national(CLI::App& command) {
    auto o = std::make_shared<NationalOptions>();
    add_text(command, "--format", o->format, "FORMAT",
             "output: table (default), md, csv, json, html (map, sortable table, small multiples) or xlsx");
    add_lang(command, o->lang);
    add_text(command, "--kommune", o->kommune, "CODE|NAME", "one municipality's page, e.g. 0259 or Køge");
    add_text(command, "--out", o->out, "FILE", "write to FILE (xlsx: default klima-national.xlsx)");
    add_integer(command, "--draws", o->draws, "N",
                "bootstrap draws per municipality (default " + std::to_string(kDefaultDraws) + ")");
    add_seed(command, o->seed, "seed of the bootstrap (default " + std::to_string(kDefaultSeed) + ")");
    add_integer(command, "--threads", o->threads, "T",
                "threads for the bootstrap (default 0: all); results do not depend on it");
    add_data_dir(command, o->data);
    command
        .add_option("--status-export", o->status_exports,
                    "count the actions by status of every municipality whose export (klima status --format "
                    "export-csv) is given: files, or folders of .csv files; output md, csv or json")
        ->type_name("FILE|DIR...");
    return [o](std::ostream& out) { return run_national(*o, out); };
}

Action define_national_import(CLI::App& command) {
    auto o = std::make_shared<ImportOptions>();
    add_text(command, "FILE", o->file, "FILE", "the regnskab's API answer (JSON) for one municipality and year")
        ->required();
    add_text(command, "--kommune", o->kommune, "CODE", "the answer's municipality code, e.g. 0259")->required();
    add_integer(command, "--year", o->year, "YEAR", "the answer's year")->required();
    add_data_dir(command, o->data);
    return [o](std::ostream& out) { return run_import(*o, out); };
}

}  // namespace klima::cli
