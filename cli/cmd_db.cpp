// klima db import | versions | diff | recalc: the inventory store. Parses files
// with io::load_*, hands engine objects to klima::store, prints the outcome.
#include "args.hpp"
#include "cmd_db.hpp"
#include "commands.hpp"
#include "store_path.hpp"

#include "klima/io/csv.hpp"
#include "klima/io/data_files.hpp"
#include "klima/sha256.hpp"
#include "klima/store.hpp"
#include "klima/version_diff.hpp"

#include <filesystem>
#include <iomanip>
#include <ostream>

namespace klima::cli {
namespace {

namespace fs = std::filesystem;

const char* const kUsage = "klima db import FILE|DIR --comment TEXT | versions | diff V1 V2 | recalc  [--db PATH]";

// The bytes a factor import of a data directory stands for: each factor
// file's name and contents, in name order.
std::string factor_dir_bytes(const std::string& dir) {
    std::string bytes;
    for (const auto& f : io::factor_files(dir)) {
        const auto text = io::read_file(f);
        bytes += fs::path(f).filename().string() + '\0' + std::to_string(text.size()) + '\0' + text;
    }
    return bytes;
}

void print_outcome(std::ostream& out, const store::ImportOutcome& o, store::VersionKind kind, std::size_t rows,
                   const std::string& db) {
    if (o.already_stored) {
        out << "already stored as version " << o.version << "; nothing written to " << db << "\n";
        return;
    }
    out << "stored " << rows << " " << (kind == store::VersionKind::activity ? "activity rows" : "emission factors")
        << " as version " << o.version << " in " << db << "\n";
}

int db_import(const Args& args, std::ostream& out) {
    if (args.positional().size() != 2)
        throw UsageError({"", 0, "FILE"}, "db import takes one file or data directory",
                    "write klima db import FILE --comment TEXT");
    const auto& file = args.positional()[1];
    const auto comment = args.require("--comment", "\"why this import\"");
    if (!fs::exists(file)) throw Error({file, 0, ""}, "file not found", "check the path");
    const auto ref = io::load_reference_data(data_dir(args));
    store::Provenance from{file, "", comment};

    if (fs::is_directory(file)) {  // a data directory: its emission factors
        auto dir_ref = io::load_reference_data(file);
        from.sha256 = sha256_hex(factor_dir_bytes(file));
        store::Store::check_import(dir_ref.factors, from);  // a refused import creates no store
        store::Store db(store_path(args, file));
        const auto n = dir_ref.factors.size();
        print_outcome(out, db.import_factors(dir_ref.factors, from), store::VersionKind::factors, n, db.path());
        return 0;
    }
    const bool json = fs::path(file).extension() == ".json";
    const auto read = activity_read_options(args);
    const bool xlsx = fs::path(file).extension() == ".xlsx";
    bool factors = false;
    {  // the bytes only for the hash and the header: the loaders below read the file themselves
        const auto text = io::read_file(file);
        from.sha256 = sha256_hex(text);
        factors = !json && !xlsx && io::CsvTable::parse_header(text, file, read.csv_dialect).column("gas") >= 0;
    }
    if (factors) {
        FactorLibrary lib;
        io::load_factors(file, lib);
        for (const auto* f : lib.all()) ref.carriers.require(f->carrier, f->origin);
        store::Store::check_import(lib, from);
        store::Store db(store_path(args, file));
        print_outcome(out, db.import_factors(lib, from), store::VersionKind::factors, lib.size(), db.path());
        return 0;
    }
    const auto records = io::load_activity(file, &ref, read);
    // The store's rows know energy, distance, mass, area and counts; until
    // engine/src/store reads volumes back, refuse them here rather than store
    // rows that the store then cannot read.
    for (const auto& r : records)
        if (r.amount && units::kind_of(*r.amount) == units::AmountKind::volume)
            throw Error(r.at("unit"), "the store cannot keep volumes (" + r.unit + ") yet",
                        "give this fuel in energy or mass for klima db import, or read the file with klima "
                        "inventory --data");
    store::Store::check_import(records, from);
    store::Store db(store_path(args, file));
    print_outcome(out, db.import_activity(records, from), store::VersionKind::activity, records.size(), db.path());
    return 0;
}

std::string opt_id(const std::optional<int>& v) { return v ? std::to_string(*v) : "-"; }

int db_versions(const Args& args, std::ostream& out) {
    const store::Store db(store_path(args), store::Open::read_only);
    const auto all = db.versions();
    if (all.empty()) {
        out << "the store " << db.path() << " holds no versions yet\n";
        return 0;
    }
    out << std::left << std::setw(4) << "id" << std::setw(7) << "parent" << std::setw(10) << "kind" << std::setw(9)
        << "activity" << std::setw(8) << "factors" << std::setw(22) << "imported (UTC)" << std::setw(14) << "sha256"
        << "file — comment\n";
    for (const auto& v : all)
        out << std::left << std::setw(4) << v.id << std::setw(7) << opt_id(v.parent) << std::setw(10)
            << store::to_string(v.kind) << std::setw(9) << opt_id(v.activity_from) << std::setw(8)
            << opt_id(v.factors_from) << std::setw(22) << v.imported_at << std::setw(14) << v.sha256.substr(0, 12)
            << v.file << " — " << v.comment << "\n";
    out << "current: version " << all.back().id << "\n";
    return 0;
}

int parse_version(const std::string& s, const char* which) {
    try {
        return io::parse_integer(s);
    } catch (const Error& e) {
        throw UsageError({"", 0, which}, e.problem(), "write klima db diff V1 V2 with version numbers from klima db versions");
    }
}

}  // namespace

int cmd_db(const Argv& argv, std::ostream& out) {
    const Args args(argv, {"--db", "--comment", "--data-dir", "--gwp", kCsvDialectOption, kSheetOption});
    if (args.positional().empty())
        throw UsageError({"", 0, "db"}, "db needs a subcommand", std::string("write ") + kUsage);
    const auto& sub = args.positional()[0];
    if (sub == "import") return db_import(args, out);
    if (sub == "versions") return db_versions(args, out);
    if (sub == "diff") {
        if (args.positional().size() != 3)
            throw UsageError({"", 0, "diff"}, "db diff takes two version numbers", "write klima db diff V1 V2");
        return db_diff(args, parse_version(args.positional()[1], "V1"), parse_version(args.positional()[2], "V2"),
                       out);
    }
    if (sub == "recalc") return db_recalc(args, out);
    throw UsageError({"", 0, "db"}, "unknown db subcommand '" + sub + "'", "use import, versions, diff or recalc");
}

}  // namespace klima::cli
