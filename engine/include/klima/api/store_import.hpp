// Importing one file into the inventory store: the one use that the CLI (klima db import)
// and the web server share. Decides what the file is (activity data, a factor CSV, or a data
// directory of factor files), what its SHA-256 covers, checks it against the reference data
// and writes it as a new version. Knows nothing of flags or of where a store lives by default.
#pragma once

#include "klima/io/data_files.hpp"
#include "klima/reference_data.hpp"
#include "klima/store/store.hpp"

#include <cstddef>
#include <string>

namespace klima::api {

struct StoreImportRequest {
    std::string store_path;  // the store to write; created when absent, and only once the file has passed its checks
    // An activity file (.csv, .json, .xlsx), a factor CSV (told apart by its "gas" column),
    // or a data directory (its emission factor files, data/factors/*.csv).
    std::string file;
    std::string comment;           // why this import; kept with the version
    io::ActivityReadOptions read;  // CSV dialect and .xlsx sheet of an activity file
};

struct StoreImportResult {
    store::VersionKind kind = store::VersionKind::activity;
    std::size_t rows = 0;          // activity rows or emission factors the file holds
    store::ImportOutcome outcome;  // the version, and whether identical content was stored before
    std::string store_path;        // the store written (or left unchanged)
};

// `reference`: taxonomy and carriers the file's rows are checked against.
// Throws klima::Error: input for a bad file (naming file, line or field), io when it cannot be
// read, store when the store cannot be opened or written. A refused import writes nothing and
// creates no store. Safe to call concurrently for different stores; for one store, imports are
// serialised by the store's own transactions.
StoreImportResult import_into_store(const StoreImportRequest& request, const ReferenceData& reference);

}  // namespace klima::api
