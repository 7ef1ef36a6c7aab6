// The store writes only into its own files (issue 11, defects 1, 9 and 12):
// a SQLite database that is not a klima store, and a 0-byte file, are refused
// unchanged by every command; a refused import creates no store file; a read
// command writes nothing (no WAL switch, no migration), so a store the user
// may not write can still be read.
#include "store_support.hpp"

#include "klima/io/csv.hpp"

#include <sqlite3.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <filesystem>

using namespace klima;
using Catch::Contains;
namespace fs = std::filesystem;

namespace {

void sql_exec(const std::string& db_path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(db_path.c_str(), &db) == SQLITE_OK);
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
}

// The current journal mode, read without changing it ("delete", "wal").
std::string journal_mode(const std::string& db_path) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    std::string mode;
    if (sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        mode = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return mode;
}

std::string opts(const std::string& db) { return " --data-dir " + test::fixture_data_dir() + " --db " + db; }

// Every command that opens a store, reading or writing.
const std::vector<std::string> kStoreCommands{"db versions", "db diff 1 2", "db recalc", "inventory --year 2017",
                                              "db import " + test::fixture("activity.csv") + " --comment x"};

}  // namespace

TEST_CASE("store: a SQLite database that is not klima's is refused by every command, unchanged", "[store][errors]") {
    test::TempDir dir;
    const auto db = dir.file("o.db");
    sql_exec(db, "CREATE TABLE customers(id INT); INSERT INTO customers VALUES (7);");
    const auto before = io::read_file(db);
    for (const auto& cmd : kStoreCommands) {
        INFO(cmd);
        const auto r = test::run_cli(cmd + opts(db));
        CHECK(r.exit_code == 1);
        CHECK_THAT(r.err, Contains(db) && Contains("is not a klima store") && Contains("fix:"));
        CHECK(r.out.empty());
        CHECK(io::read_file(db) == before);
        CHECK_FALSE(fs::exists(db + "-wal"));
    }
    // still only the customers table, user_version 0, no WAL
    CHECK(test::sql_count(db, "SELECT count(*) FROM sqlite_master") == 1);
    CHECK(test::sql_count(db, "PRAGMA user_version") == 0);
    CHECK(journal_mode(db) == "delete");
    // the engine says the same, with the kind the CLI maps to exit 1
    try {
        store::Store s(db);
        FAIL("opened a foreign database");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::store);
    }
}

TEST_CASE("store: a 0-byte file is not turned into a store by a read command", "[store][errors]") {
    test::TempDir dir;
    const auto db = dir.write("empty.db", "");
    for (const auto& cmd : {"db versions", "db diff 1 2", "inventory --year 2017"}) {
        INFO(cmd);
        const auto r = test::run_cli(cmd + opts(db));
        CHECK(r.exit_code == 1);
        CHECK_THAT(r.err, Contains(db) && Contains("the file is empty, not a klima store"));
        CHECK(fs::file_size(db) == 0);
    }
}

TEST_CASE("store: a refused import creates no store file", "[store][errors]") {
    test::TempDir dir;
    const auto db = dir.file("klima.db");
    const auto activity = dir.write("header.csv", "year,sector,subsector,carrier,quantity,unit,source\n");
    const auto factors = dir.write("factors.csv", "carrier,subsector,gas,value,unit,year_from,year_to,status,source\n");
    const auto a = test::run_cli("db import " + activity + " --comment x" + opts(db));
    CHECK(a.exit_code == 1);
    CHECK_THAT(a.err, Contains("no activity records to import"));
    CHECK_FALSE(fs::exists(db));
    const auto f = test::run_cli("db import " + factors + " --comment x" + opts(db));
    CHECK(f.exit_code == 1);
    CHECK_THAT(f.err, Contains("no emission factors to import"));
    CHECK_FALSE(fs::exists(db));
    const auto v = test::run_cli("db versions" + opts(db));
    CHECK(v.exit_code == 1);
    CHECK_THAT(v.err, Contains("no store at this path"));
    CHECK_FALSE(fs::exists(db));
}

TEST_CASE("store: read commands write nothing, so a read-only store can be read", "[store][reliability]") {
    test::TempDir dir;
    const auto db = dir.file("klima.db");
    REQUIRE(test::run_cli("db import " + test::fixture_data_dir() + " --comment f" + opts(db)).exit_code == 0);
    REQUIRE(test::run_cli("db import " + test::fixture("activity.csv") + " --comment a" + opts(db)).exit_code == 0);
    // As a copy made with sqlite3 .backup would be: a rollback journal, not WAL. Read-only for everyone.
    sql_exec(db, "PRAGMA journal_mode=DELETE");
    fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    const auto before = io::read_file(db);
    const std::vector<std::string> reads{"db versions", "db diff 2 2", "inventory --year 2017 --format json"};
    for (const auto& cmd : reads) {
        INFO(cmd);
        const auto r = test::run_cli(cmd + opts(db));
        INFO(r.err);
        CHECK(r.exit_code == 0);
    }
    // version 2 = fixture factors + fixture activity: 441.3748 t in 2017 (test_cli_db.cpp)
    CHECK_THAT(test::run_cli(reads[2] + opts(db)).out, Contains("441.3748"));
    CHECK(journal_mode(db) == "delete");
    CHECK(io::read_file(db) == before);
    CHECK_FALSE(fs::exists(db + "-wal"));
}

TEST_CASE("store: a store in a folder the reader may not write can be read", "[store][reliability]") {
    // WAL (as klima leaves a store) needs a -shm file beside it, which this reader cannot create
    test::TempDir dir;
    const auto db = dir.file("klima.db");
    REQUIRE(test::run_cli("db import " + test::fixture_data_dir() + " --comment f" + opts(db)).exit_code == 0);
    REQUIRE(test::run_cli("db import " + test::fixture("activity.csv") + " --comment a" + opts(db)).exit_code == 0);
    REQUIRE(journal_mode(db) == "wal");
    // as the last writer leaves it: no -shm, no -wal (the read above left an empty -wal and a -shm)
    REQUIRE(fs::file_size(db + "-wal") == 0);
    fs::remove(db + "-wal");
    fs::remove(db + "-shm");
    const auto read_only = fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read;
    fs::permissions(db, read_only);
    fs::permissions(dir.path(), read_only | fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec);
    const auto before = io::read_file(db);
    // root may write anything: then read as the user nobody, who may not
    const std::string as_reader = geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
    test::TempDir out;
    const std::string cmd = as_reader + KLIMA_BIN + " inventory --year 2017 --format json" + opts(db) + " >" +
                            out.file("o") + " 2>" + out.file("e");
    const int status = std::system(cmd.c_str());
    INFO(io::read_file(out.file("e")));
    CHECK(status == 0);
    // version 2 = fixture factors + fixture activity: 441.3748 t in 2017 (test_cli_db.cpp)
    CHECK_THAT(io::read_file(out.file("o")), Contains("441.3748"));
    CHECK(io::read_file(db) == before);
    fs::permissions(dir.path(), fs::perms::owner_all);  // so that the folder can be removed
}
