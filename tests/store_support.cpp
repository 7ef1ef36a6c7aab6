#include "store_support.hpp"

#include "klima/io/csv.hpp"
#include "klima/io/data_files.hpp"
#include "klima/sha256.hpp"
#include "klima/store/version_diff.hpp"

#include <sqlite3.h>

#include <stdexcept>

namespace klima::test {

store::Provenance provenance(const std::string& path, const std::string& comment) {
    return {path, sha256_hex(io::read_file(path)), comment};
}

ActivitySet fixture_activity() { return io::load_activity(fixture("activity.csv"), &fixture_reference()); }
ActivitySet revised_activity() {
    return io::load_activity(fixture("store/activity_revised.csv"), &fixture_reference());
}

FactorLibrary fixture_factors() {
    FactorLibrary lib;
    io::load_factors(fixture("data/factors/test_factors.csv"), lib);
    return lib;
}

FactorLibrary revised_factors() {
    FactorLibrary lib;
    io::load_factors(fixture("store/factors_revised.csv"), lib);
    return lib;
}

void seed(store::Store& s) {
    s.import_factors(fixture_factors(), provenance(fixture("data/factors/test_factors.csv"), "fixture factors"));
    s.import_activity(fixture_activity(), provenance(fixture("activity.csv"), "fixture activity"));
}

InventoryResult stored_inventory(const store::Store& s, int version, int year) {
    const auto v = s.version(version);
    // Kept alive for the result's factor pointers; one per thread of use is enough in tests.
    static thread_local ReferenceData ref;
    ref = store::with_factors(fixture_reference(), s.factors(v));
    return compute_inventory(s.activity(v), year, ref, "AR5");
}

long long sql_count(const std::string& db_path, const std::string& sql) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        throw std::runtime_error("cannot open " + db_path);
    }
    sqlite3_stmt* st = nullptr;
    long long n = -1;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    const std::string err = sqlite3_errmsg(db);
    sqlite3_finalize(st);
    sqlite3_close(db);
    if (n < 0) throw std::runtime_error("query failed: " + sql + ": " + err);
    return n;
}

}  // namespace klima::test
