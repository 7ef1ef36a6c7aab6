#include "klima/api/store_import.hpp"

#include "klima/io/csv.hpp"
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

StoreImportResult import_factors(const StoreImportRequest& request, const FactorLibrary& factors,
                                 const store::Provenance& from) {
    store::Store::check_import(factors, from);  // a refused import creates no store
    store::Store db(request.store_path);
    return {store::VersionKind::factors, factors.size(), db.import_factors(factors, from), db.path()};
}

}  // namespace

StoreImportResult import_into_store(const StoreImportRequest& request, const ReferenceData& reference) {
    const auto& file = request.file;
    if (!fs::exists(file)) throw Error({file, 0, ""}, "file not found", "check the path");
    store::Provenance from{file, "", request.comment};

    if (fs::is_directory(file)) {  // a data directory: its emission factors
        const auto dir_ref = io::load_reference_data(file);
        from.sha256 = sha256_hex(factor_dir_bytes(file));
        return import_factors(request, dir_ref.factors, from);
    }
    const auto ext = fs::path(file).extension();
    bool factors = false;
    {  // the bytes only for the hash and the header: the loaders below read the file themselves
        const auto text = io::read_file(file);
        from.sha256 = sha256_hex(text);
        factors = ext != ".json" && ext != ".xlsx" &&
                  io::CsvTable::parse_header(text, file, request.read.csv_dialect).column("gas") >= 0;
    }
    if (factors) {
        FactorLibrary lib;
        io::load_factors(file, lib);
        for (const auto* f : lib.all()) reference.carriers.require(f->carrier, f->origin);
        return import_factors(request, lib, from);
    }
    const auto records = io::load_activity(file, &reference, request.read);
    store::Store::check_import(records, from);
    store::Store db(request.store_path);
    return {store::VersionKind::activity, records.size(), db.import_activity(records, from), db.path()};
}

}  // namespace klima::api
