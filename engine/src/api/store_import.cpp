#include "klima/api/store_import.hpp"
#include "klima/national/national_history.hpp"

#include "klima/io/csv.hpp"
#include "klima/io/factor_overrides.hpp"
#include "klima/io/status_file.hpp"
#include "klima/sha256.hpp"

#include <filesystem>

namespace klima::api {
namespace {

namespace fs = std::filesystem;

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

// A factor file read for another allocation keeps other rows: it hashes apart.
std::string with_allocation(std::string bytes, ChpAllocation a) {
    if (a != ChpAllocation::declared) bytes += std::string("\0CHP allocation ", 16) + std::string(to_string(a));
    return bytes;
}

StoreImportResult import_factors(const StoreImportRequest& request, const FactorLibrary& factors,
                                 const store::Provenance& from) {
    store::Store::check_import(factors, from);  // a refused import creates no store
    store::Store db(request.store_path);
    StoreImportResult r{store::VersionKind::factors,
                        false,
                        factors.size(),
                        db.import_factors(factors, from),
                        db.path(),
                        from.allocation,
                        std::nullopt};
    return r;
}

// A status version: read and checked before the store is opened, so a refused file creates no
// store and writes nothing. Recorded with the allocation of the store's current version.
StoreImportResult import_status(const StoreImportRequest& request, store::Provenance from) {
    const auto statuses = io::load_status(request.file);
    from.sha256 = sha256_hex(io::read_file(request.file));
    store::Store::check_import(statuses, from);
    store::Store db(request.store_path);
    if (const auto cur = db.current()) from.allocation = cur->allocation;
    StoreImportResult r;
    r.kind = store::VersionKind::status;
    r.rows = statuses.size();
    r.outcome = db.import_status(statuses, from);
    r.store_path = db.path();
    r.allocation = from.allocation;
    return r;
}

}  // namespace

std::string factor_dir_sha256(const std::string& data_dir, ChpAllocation allocation) {
    return sha256_hex(with_allocation(factor_dir_bytes(data_dir), allocation));
}

std::optional<int> ensure_factor_set(store::Store& db, const std::string& data_dir,
                                     std::optional<ChpAllocation> allocation) {
    const auto cur = db.current();
    const auto set = cur ? db.factor_set_of(*cur) : std::nullopt;
    std::optional<store::Version> set_version;
    if (set) set_version = db.version(*set);
    if (set_version && (!allocation || *allocation == set_version->allocation)) return std::nullopt;
    if (data_dir.empty() && !set_version) return std::nullopt;  // read with the bundled set of whoever reads it
    const auto wanted = allocation.value_or(ChpAllocation::declared);
    if (set_version &&
        (data_dir.empty() || set_version->sha256 != factor_dir_sha256(data_dir, set_version->allocation)))
        throw Error({db.path(), 0, "allocation"},
                    "the store's factor set (version " + std::to_string(set_version->id) + ", " + set_version->file +
                        ") was read for CHP allocation " + std::string(to_string(set_version->allocation)) + ", not " +
                        std::string(to_string(wanted)),
                    "import that factor file again for CHP allocation " + std::string(to_string(wanted)) +
                        ", or ask for no allocation to keep " + std::string(to_string(set_version->allocation)))
            .about(Subject::request);
    const auto bundled = io::load_reference_data(data_dir, wanted);
    store::Provenance from{data_dir, factor_dir_sha256(data_dir, wanted),
                           set_version
                               ? "the factor set of " + data_dir + " for CHP allocation " +
                                     std::string(to_string(wanted)) + ", recorded by klima"
                               : "the factor set of " + data_dir + ", recorded by klima when the store was made",
                           wanted};
    const auto outcome = db.import_factors(bundled.factors, from);
    if (outcome.already_stored)
        throw Error({db.path(), 0, "allocation"},
                    "the factor set of " + data_dir + " for CHP allocation " + std::string(to_string(wanted)) +
                        " is stored as version " + std::to_string(outcome.version) + ", which a later set replaced",
                    "copy the data directory to a new folder and import it for CHP allocation " +
                        std::string(to_string(wanted)))
            .about(Subject::request);
    return outcome.version;
}

StoreImportResult import_into_store(const StoreImportRequest& request, const ReferenceData& reference) {
    const auto& file = request.file;
    if (!fs::exists(file)) throw Error({file, 0, ""}, "file not found", "check the path");
    store::Provenance from{file, "", request.comment, request.allocation.value_or(ChpAllocation::declared)};

    if (request.status && request.overrides)
        throw Error({file, 0, ""}, "a file cannot be both factor overrides and an action status",
                    "import the status file without the overrides option", ErrorKind::usage);
    if (request.national_code && (request.status || request.overrides))
        throw Error({file, 0, ""}, "a national directory is neither factor overrides nor an action status",
                    "import the national folder alone, without overrides or a status", ErrorKind::usage);
    if (request.status) return import_status(request, from);
    if (request.national_code) {  // the regnskab's sector totals of one municipality, as activity
        if (!fs::is_regular_file(fs::path(file) / "municipalities.csv")) {
            const bool parent = fs::is_regular_file(fs::path(file) / "national" / "municipalities.csv");
            throw Error({file, 0, ""},
                        fs::is_directory(file) ? "not a national folder: it holds no municipalities.csv"
                                               : "not a folder: a national import reads a folder",
                        parent ? "give its national/ folder, " + (fs::path(file) / "national").string() +
                                     " (data/national: municipalities.csv and the regnskab's figures)"
                               : "give the folder of municipalities.csv and the regnskab's figures, data/national");
        }
        const auto figures = national::load_national(file);
        const std::string emissions = (fs::path(file) / "municipal-emissions-2018-2023.csv").string();
        const auto records = national::history_records(figures, *request.national_code, emissions, {file, 0, ""});
        for (const auto& rec : records) reference.validate(rec);
        from.file = emissions;
        from.sha256 = sha256_hex("national " + *request.national_code + "\n" + io::read_file(emissions));
        from.comment = request.comment + " (" + figures.source + ", vintage " + figures.vintage +
                       ", sector totals of " + *request.national_code + ")";
        store::Store::check_import(records, from);
        store::Store db(request.store_path);
        StoreImportResult r;
        r.bundled_version = ensure_factor_set(db, request.data_dir, request.allocation);
        if (const auto cur = db.current())
            if (const auto set = db.factor_set_of(*cur)) from.allocation = db.version(*set).allocation;
        r.allocation = from.allocation;
        r.store_path = db.path();
        r.rows = records.size();
        r.outcome = db.import_activity(records, from);
        return r;
    }
    if (fs::is_directory(file)) {  // a data directory: its emission factors
        const auto dir_ref = io::load_reference_data(file, from.allocation);
        from.sha256 = factor_dir_sha256(file, from.allocation);
        return import_factors(request, dir_ref.factors, from);
    }
    const auto ext = fs::path(file).extension();
    bool factors = false;
    {  // the bytes only for the hash and the header: the loaders below read the file themselves
        const auto text = io::read_file(file);
        factors = !request.overrides && ext != ".json" && ext != ".xlsx" &&
                  io::CsvTable::parse_header(text, file, request.read.csv_dialect).column("gas") >= 0;
        from.sha256 = sha256_hex(factors ? with_allocation(text, from.allocation) : text);
    }
    if (factors) {
        FactorLibrary lib;
        io::load_factors(file, lib, from.allocation);
        for (const auto* f : lib.all()) reference.carriers.require(f->carrier, f->origin);
        return import_factors(request, lib, from);
    }
    StoreImportResult r;
    FactorLibrary overrides;
    ActivitySet records;
    if (request.overrides) {
        overrides = io::load_factor_overrides(file, reference, request.read.csv_dialect);
        store::Store::check_import(overrides, from);
    } else {
        records = io::load_activity(file, &reference, request.read);
        store::Store::check_import(records, from);
    }
    store::Store db(request.store_path);
    r.bundled_version = ensure_factor_set(db, request.data_dir, request.allocation);
    if (const auto cur = db.current())
        if (const auto set = db.factor_set_of(*cur)) from.allocation = db.version(*set).allocation;
    r.allocation = from.allocation;
    r.store_path = db.path();
    if (request.overrides) {
        r.kind = store::VersionKind::factors;
        r.overrides = true;
        r.rows = overrides.size();
        r.outcome = db.import_overrides(overrides, from);
    } else {
        r.rows = records.size();
        r.outcome = db.import_activity(records, from);
    }
    return r;
}

}  // namespace klima::api
