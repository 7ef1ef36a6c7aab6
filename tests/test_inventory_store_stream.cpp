// A streamed inventory from the store (what klima inventory --db asks for): the
// version's year is read and computed row by row, and its lines are read and
// made again for the output, none held. Its outputs are the bytes of the
// inventory that holds every line, and of the same rows read from their file.
#include "store_support.hpp"

#include "klima/api/inventory.hpp"
#include "klima/report/inventory_report.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <sstream>

using namespace klima;
using units::in_tonnes;

namespace {

api::InventoryRequest from_store(const std::string& db, int year, bool stream) {
    api::InventoryRequest r;
    r.year = year;
    r.gwp_set = "AR5";
    r.store = db;
    r.stream = stream;
    return r;
}

api::InventoryRequest from_file(const std::string& path, int year) {
    api::InventoryRequest r;
    r.year = year;
    r.gwp_set = "AR5";
    r.activity_file = path;
    r.stream = true;
    return r;
}

std::string output(const api::InventoryRequest& req, const api::InventoryOutcome& o, report::Format format) {
    std::ostringstream out;
    report::write_inventory(out, o.inventory, api::inventory_lines(req, o), o.ref,
                            report::InventoryOutput{format, "t", false, std::nullopt, {}});
    return out.str();
}

// A store of the fixture: version 1 its factors, version 2 its activity (2017 and 2023).
std::string seeded_store(const test::TempDir& dir) {
    const auto path = dir.file("klima.db");
    store::Store s(path);
    test::seed(s);
    return path;
}

void exec_sql(const std::string& db_path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(db_path.c_str(), &db) == SQLITE_OK);
    char* err = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    const std::string message = err ? err : "";
    sqlite3_free(err);
    sqlite3_close(db);
    INFO(message);
    REQUIRE(rc == SQLITE_OK);
}

}  // namespace

TEST_CASE("a streamed store inventory holds no lines and has the totals of the held one, bit for bit",
          "[inventory][stream][store]") {
    test::TempDir dir;
    const auto db = seeded_store(dir);
    const auto held = api::inventory(from_store(db, 2017, false), test::fixture_reference());
    const auto streamed = api::inventory(from_store(db, 2017, true), test::fixture_reference());
    CHECK(streamed.streamed);
    CHECK(streamed.from_store);
    CHECK(streamed.store_version == 2);
    CHECK(streamed.title == "klima.db version 2");
    CHECK(streamed.inventory.lines.empty());
    REQUIRE(held.inventory.lines.size() == 8);
    // tests/test_inventory.cpp: energi 200 + 40 + 212.7348 = 452.7348 t, transport 26.64 t,
    // landbrug 42 t, lulucf −80 t → 441.3748 t territorial incl. LULUCF.
    CHECK(in_tonnes(streamed.inventory.territorial.co2e) == Approx(441.3748));
    CHECK(streamed.inventory.territorial.co2e.value() == held.inventory.territorial.co2e.value());
    CHECK(streamed.inventory.reported_apart.co2e.value() == held.inventory.reported_apart.co2e.value());
    CHECK(streamed.inventory.territorial.lines + streamed.inventory.reported_apart.lines == 8);
    // The lines, read again, carry their sources (the first pass left them unread).
    std::vector<std::string> sources;
    api::inventory_lines(from_store(db, 2017, true), streamed)(
        [&](const InventoryLine& l) { sources.push_back(l.record.source); });
    std::vector<std::string> held_sources;
    for (const auto& l : held.inventory.lines) held_sources.push_back(l.record.source);
    CHECK(sources == held_sources);
    REQUIRE(sources.size() == 8);
    CHECK_FALSE(sources.front().empty());
}

TEST_CASE("a streamed store inventory writes the bytes of the held one and of the file's, in every format",
          "[inventory][stream][store]") {
    test::TempDir dir;
    const auto db = seeded_store(dir);
    for (int year : {2017, 2023}) {  // 2023 has a missing value and a confirmed zero
        CAPTURE(year);
        const auto held_req = from_store(db, year, false), stream_req = from_store(db, year, true);
        const auto file_req = from_file(test::fixture("activity.csv"), year);
        const auto held = api::inventory(held_req, test::fixture_reference());
        const auto streamed = api::inventory(stream_req, test::fixture_reference());
        const auto file = api::inventory(file_req, test::fixture_reference());
        for (auto format : {report::Format::table, report::Format::json, report::Format::csv}) {
            const auto bytes = output(stream_req, streamed, format);
            CHECK(bytes == output(held_req, held, format));
            CHECK(bytes == output(file_req, file, format));
        }
    }
}

TEST_CASE("a streamed store inventory names the years the store holds for an absent year",
          "[inventory][stream][store]") {
    test::TempDir dir;
    const auto db = seeded_store(dir);
    try {
        api::inventory(from_store(db, 2020, true), test::fixture_reference());
        FAIL("no error for a year the store lacks");
    } catch (const Error& e) {
        CHECK(e.where().file == db);
        CHECK(e.problem() == "no activity records for 2020 in version 2");
        CHECK(e.fix() == "choose one of the years the store holds: 2017, 2023");
    }
}

TEST_CASE("a streamed store inventory refuses rows that changed between its two reads",
          "[inventory][stream][store]") {
    // A version's rows never change once imported; a store damaged between the totals and the
    // lines must not give lines that disagree with the totals printed above them.
    test::TempDir dir;
    const auto db = seeded_store(dir);
    const auto req = from_store(db, 2017, true);
    const auto streamed = api::inventory(req, test::fixture_reference());
    exec_sql(db, "DELETE FROM activity WHERE version_id = 2 AND year = 2017 AND row_no = "
                 "(SELECT max(row_no) FROM activity WHERE version_id = 2 AND year = 2017)");
    int lines = 0;
    try {
        api::inventory_lines(req, streamed)([&](const InventoryLine&) { ++lines; });
        FAIL("no error for a row removed between the two reads");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::store);
        CHECK(e.where().file == db);
        CHECK_THAT(e.problem(), Catch::Contains("changed while they were being read"));
    }
    CHECK(lines == 7);  // 8 rows less the one removed, given before the count was known
}
