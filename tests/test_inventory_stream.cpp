// A streamed inventory (api::InventoryRequest::stream, what klima inventory
// asks for): a CSV file's year, or a store version's, is computed row by row
// and its lines made again for the output, none held. Its totals, lines,
// outputs and errors are those of the inventory that holds every line, and a
// store's are those of the same rows read from their file.
#include "store_support.hpp"

#include "klima/api/inventory.hpp"
#include "klima/io/data_files.hpp"
#include "klima/report/inventory_report.hpp"

#include <sqlite3.h>
#include <catch2/catch.hpp>

#include <sstream>
#include <vector>

using namespace klima;
using units::in_tonnes;

namespace {

const std::string kHeader = "year,sector,subsector,carrier,quantity,unit,source\n";

api::InventoryRequest request(const std::string& path, int year, bool stream) {
    api::InventoryRequest r;
    r.year = year;
    r.gwp_set = "AR5";
    r.activity_file = path;
    r.stream = stream;
    return r;
}

// "energi/el 200.000000" for each line, in order.
std::vector<std::string> line_list(const InventoryLines& lines) {
    std::vector<std::string> out;
    lines([&](const InventoryLine& l) {
        out.push_back(l.record.sector + "/" + l.record.subsector + "/" + l.record.carrier + " " +
                      std::to_string(in_tonnes(l.co2e)) + " line " + std::to_string(l.record.origin.line));
    });
    return out;
}

std::string output(const api::InventoryRequest& req, const api::InventoryOutcome& o, report::Format format) {
    std::ostringstream out;
    report::write_inventory(out, o.inventory, api::inventory_lines(req, o), o.ref,
                            report::InventoryOutput{format, "t", false, std::nullopt, {}});
    return out.str();
}

// The error message of an inventory of `body` for 2017, streamed or not, with the file named a.csv.
std::string error_of(const std::string& body, bool stream) {
    test::TempDir dir;
    const auto path = dir.write("a.csv", kHeader + body);
    try {
        api::inventory(request(path, 2017, stream), test::fixture_reference());
    } catch (const Error& e) {
        std::string what = e.what();
        for (auto at = what.find(path); at != std::string::npos; at = what.find(path))
            what.replace(at, path.size(), "a.csv");
        return what;
    }
    return "";
}

// A streamed or held request for `year` from the store at `db` (what inventory --db asks for).
api::InventoryRequest from_store(const std::string& db, int year, bool stream) {
    auto r = request("", year, stream);
    r.activity_file.reset();
    r.store = db;
    return r;
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

TEST_CASE("a streamed inventory holds no lines and has the totals of the held one, bit for bit",
          "[inventory][stream]") {
    const auto path = test::fixture("activity.csv");
    const auto held_req = request(path, 2017, false), stream_req = request(path, 2017, true);
    const auto held = api::inventory(held_req, test::fixture_reference());
    const auto streamed = api::inventory(stream_req, test::fixture_reference());
    CHECK(streamed.streamed);
    CHECK(streamed.inventory.lines.empty());
    CHECK_FALSE(held.streamed);
    REQUIRE(held.inventory.lines.size() == 8);
    // Territorial incl. LULUCF (tests/test_inventory.cpp): energi 200 + 40 + 212.7348 = 452.7348 t,
    // transport 26.64 t, landbrug 42 t, lulucf −80 t → 441.3748 t; byggeri is reported apart.
    CHECK(in_tonnes(streamed.inventory.territorial.co2e) == Approx(441.3748));
    CHECK(streamed.inventory.territorial.co2e.value() == held.inventory.territorial.co2e.value());
    CHECK(streamed.inventory.territorial_excl_lulucf.co2e.value() ==
          held.inventory.territorial_excl_lulucf.co2e.value());
    CHECK(streamed.inventory.reported_apart.co2e.value() == held.inventory.reported_apart.co2e.value());
    REQUIRE(streamed.inventory.by_subsector.size() == held.inventory.by_subsector.size());
    for (const auto& [key, t] : held.inventory.by_subsector) {
        CHECK(streamed.inventory.by_subsector.at(key).co2e.value() == t.co2e.value());
        CHECK(streamed.inventory.by_subsector.at(key).lines == t.lines);
    }
    for (const auto& [gas, m] : held.inventory.by_gas_mass)
        CHECK(streamed.inventory.by_gas_mass.at(gas).value() == m.value());
    // The test factors are all illustrative (tests/fixtures/data/factors): every gas line counts.
    CHECK(streamed.inventory.factors_by_status == held.inventory.factors_by_status);
    // The lines, made again from the file, in the file's order.
    const auto lines = line_list(api::inventory_lines(stream_req, streamed));
    CHECK(lines == line_list(api::inventory_lines(held_req, held)));
    REQUIRE(lines.size() == 8);
    CHECK(lines.front() == "energi/el/el 200.000000 line 2");  // 1000 MWh × 200 kg/MWh = 200 t
}

TEST_CASE("a streamed inventory writes the bytes of the held one in every format", "[inventory][stream]") {
    const auto path = test::fixture("activity.csv");
    for (int year : {2017, 2023}) {  // 2023 has a missing value and a confirmed zero
        const auto held_req = request(path, year, false), stream_req = request(path, year, true);
        const auto held = api::inventory(held_req, test::fixture_reference());
        const auto streamed = api::inventory(stream_req, test::fixture_reference());
        for (auto format : {report::Format::table, report::Format::json, report::Format::csv})
            CHECK(output(stream_req, streamed, format) == output(held_req, held, format));
    }
}

TEST_CASE("a streamed inventory gives the copies of counted subsectors after the file's rows", "[inventory][stream]") {
    // Bundled taxonomy: husdyr counts also in goedning (one head count feeds both), so a file with
    // only the husdyr row has a goedning line too, appended as add_counted_subsectors appends it.
    const auto ref = io::load_reference_data(std::string(KLIMA_TEST_DIR) + "/../data");
    test::TempDir dir;
    const auto path = dir.write("a.csv", kHeader +
                                             "2017,landbrug,husdyr,svin,1000,head,a\n"
                                             "2017,energi,el,el,1000,MWh,a\n"
                                             "2023,landbrug,husdyr,svin,900,head,a\n");
    const auto held_req = request(path, 2017, false), stream_req = request(path, 2017, true);
    const auto held = api::inventory(held_req, ref);
    const auto streamed = api::inventory(stream_req, ref);
    const auto lines = line_list(api::inventory_lines(stream_req, streamed));
    REQUIRE(lines.size() == 3);
    CHECK(lines[2].rfind("landbrug/goedning/svin ", 0) == 0);
    CHECK(lines == line_list(api::inventory_lines(held_req, held)));
    CHECK(output(stream_req, streamed, report::Format::json) == output(held_req, held, report::Format::json));
}

TEST_CASE("a streamed inventory refuses bad data with the error of the held one", "[inventory][stream]") {
    const std::string ok = "2017,energi,el,el,1000,MWh,a\n";
    for (const std::string& body : {
             ok + ok,                                                           // a row pasted twice: both rows named
             ok + "2023,energi,el,el,lots,MWh,a\n",                             // a bad cell in another year
             ok + "2017,energi,el,koks,10,MWh,a\n",                             // a carrier the data does not know
             ok + "2017,energi,el,el,1000,MWh,b\n2017,energi,el,el,x,MWh,c\n",  // a bad cell after good rows
             std::string("2023,energi,el,el,1000,MWh,a\n"),                     // no row of the year
             // each line 4e306 head × 1.5 kg CH4 × 28 = 1.68e308 kg, finite; the two together are not
             ok + "2017,landbrug,husdyr,svin,4e306,head,b\n2017,landbrug,husdyr,svin,4e306,head,c\n",
         }) {
        const auto streamed = error_of(body, true);
        CAPTURE(body);
        CHECK_FALSE(streamed.empty());
        CHECK(streamed == error_of(body, false));
    }
}

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
    api::inventory_lines(from_store(db, 2017, true),
                         streamed)([&](const InventoryLine& l) { sources.push_back(l.record.source); });
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
        const auto file_req = request(test::fixture("activity.csv"), year, true);
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

TEST_CASE("a streamed store inventory refuses rows that changed between its two reads", "[inventory][stream][store]") {
    // A version's rows never change once imported; a store damaged between the totals and the
    // lines must not give lines that disagree with the totals printed above them.
    test::TempDir dir;
    const auto db = seeded_store(dir);
    const auto req = from_store(db, 2017, true);
    const auto streamed = api::inventory(req, test::fixture_reference());
    exec_sql(db,
             "DELETE FROM activity WHERE version_id = 2 AND year = 2017 AND row_no = "
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
