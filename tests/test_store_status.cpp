// The yearly status in the store (issue 24, schema 6): a status file is a version revising the
// years it holds, read back row for row; a refused file changes nothing; a store of schema 5
// migrates with its versions; db versions, db diff and klima status --db name the status.
// Fixture tests/fixtures/status/status.csv: ev 2023 ikke påbegyndt; ev 2024 igangsat 50 chargers,
// 5.000.000,5 kr., note "Halvdelen"; tog 2024 forsinket.
#include "store_support.hpp"

#include "klima/api/store_import.hpp"
#include "klima/io/csv.hpp"
#include "klima/io/data_files.hpp"
#include "klima/report/store_report.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>

using namespace klima;
using Catch::Contains;
using test::fixture;

namespace {

api::StoreImportResult import_status(const std::string& db, const std::string& file) {
    api::StoreImportRequest request;  // by field: GCC 12 warns falsely on a braced {} for `read`
    request.store_path = db;
    request.file = file;
    request.comment = "status of " + std::filesystem::path(file).filename().string();
    request.data_dir = test::fixture_data_dir();
    request.status = true;
    return api::import_into_store(request, test::fixture_reference());
}

const status::ActionStatus& find(const std::vector<status::ActionStatus>& all, const std::string& action, int year) {
    for (const auto& s : all)
        if (s.action == action && s.year == year) return s;
    FAIL("no status of " << action << " in " << year);
    return all.front();
}

constexpr const char* kHeader = "action,year,status,uptake,unit,spent_dkk,note,source,date\n";

}  // namespace

TEST_CASE("store status: a status file round-trips row for row", "[store][status]") {
    test::TempDir dir;
    const auto db = dir.file("klima.db");
    const auto r = import_status(db, fixture("status/status.csv"));
    CHECK(r.kind == store::VersionKind::status);
    CHECK(r.rows == 3);
    CHECK(r.outcome.version == 1);  // a status import records no factor set: it touches no emissions
    const store::Store s(db, store::Open::read_only);
    const auto v = s.version(1);
    CHECK(v.kind == store::VersionKind::status);
    CHECK(store::kind_label(v) == "status");
    CHECK(v.status_from == 1);
    CHECK(s.status_years_imported(1) == std::vector<int>{2023, 2024});
    const auto all = s.statuses(v);
    REQUIRE(all.size() == 3);
    const auto& ev = find(all, "ev", 2024);
    CHECK(ev.state == status::ActionState::in_progress);
    REQUIRE(ev.uptake);
    CHECK(*ev.uptake == 50.0);
    CHECK(ev.unit == "chargers");
    REQUIRE(ev.spent);
    CHECK(units::in_dkk(*ev.spent) == 5000000.5);  // "5000000,5" with the decimal comma of the ';' dialect
    CHECK(ev.note == "Halvdelen");
    CHECK(ev.source == "test fixture");
    CHECK(ev.date == "2025-01-31");
    CHECK(ev.origin.file == fixture("status/status.csv"));
    CHECK(ev.origin.line == 3);  // header line 1, ev 2023 line 2
    CHECK(find(all, "ev", 2023).state == status::ActionState::not_started);
    CHECK(!find(all, "ev", 2023).uptake);  // not given stays not given, never 0
    CHECK(find(all, "tog", 2024).state == status::ActionState::delayed);

    SECTION("the same bytes again store nothing") {
        const auto again = import_status(db, fixture("status/status.csv"));
        CHECK(again.outcome.already_stored);
        CHECK(again.outcome.version == 1);
    }
}

TEST_CASE("store status: an import replaces only its years, as activity does", "[store][status][years]") {
    test::TempDir dir;
    const auto db = dir.file("klima.db");
    import_status(db, fixture("status/status.csv"));
    // 2024 revised: ev completed at 100 chargers; tog left out of 2024, so it is gone from 2024.
    const auto revised =
        dir.write("status-2024.csv", std::string(kHeader) + "ev,2024,gennemført,100,chargers,,,revised,2025-03-01\n");
    const auto r = import_status(db, revised);
    CHECK(r.outcome.version == 2);
    const store::Store s(db, store::Open::read_only);
    const auto now = s.statuses(s.version(2));
    REQUIRE(now.size() == 2);  // ev 2023 from version 1, ev 2024 from version 2
    CHECK(find(now, "ev", 2023).state == status::ActionState::not_started);
    CHECK(find(now, "ev", 2024).state == status::ActionState::completed);
    CHECK(*find(now, "ev", 2024).uptake == 100.0);
    CHECK(s.status_years(s.version(2)) == std::vector<std::pair<int, int>>{{2023, 1}, {2024, 2}});
    // version 1 is immutable: it still sees its own three rows
    CHECK(s.statuses(s.version(1)).size() == 3);

    const auto versions = report::render_versions(s.versions(), s.path());
    CHECK_THAT(versions, Contains("status") && Contains("status-2024.csv — status of status-2024.csv"));
    const auto touched = store::touched_between(s, 1, 2);
    REQUIRE(touched.size() == 1);
    CHECK(touched[0].years == std::vector<int>{2024});
}

TEST_CASE("store status: a refused status file leaves the store as it was", "[store][status][refused]") {
    test::TempDir dir;
    const auto db = dir.file("klima.db");
    import_status(db, fixture("status/status.csv"));
    const auto before = io::read_file(db);
    const auto count = [&](const char* sql) { return test::sql_count(db, sql); };
    REQUIRE(count("SELECT count(*) FROM versions") == 1);
    REQUIRE(count("SELECT count(*) FROM status") == 3);
    const auto bad = dir.write(
        "bad.csv", std::string(kHeader) + "ev,2024,gennemført,100,chargers,,,x,\n" + "tog,2024,halvvejs,,,,,x,\n");
    try {
        import_status(db, bad);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::input);
        CHECK(e.where().file == bad);
        CHECK(e.where().line == 3);
        CHECK_THAT(e.problem(), Contains("unknown status 'halvvejs'"));
        CHECK_THAT(e.fix(), Contains("igangsat") && Contains("in progress"));
    }
    CHECK(count("SELECT count(*) FROM versions") == 1);
    CHECK(count("SELECT count(*) FROM status") == 3);
    CHECK(count("SELECT count(*) FROM status_years") == 2);
    CHECK(io::read_file(db) == before);  // not a byte written
    // A refused file into a new path creates no store.
    CHECK_THROWS_AS(import_status(dir.file("new.db"), bad), Error);
    CHECK(!std::filesystem::exists(dir.file("new.db")));
}

TEST_CASE("store status: a store of schema 5 migrates, keeping every version", "[store][status][migration]") {
    test::TempDir dir;
    const auto db = dir.file("klima.db");
    {
        store::Store old(db, store::Open::create, 5);  // as klima wrote it before it kept the status
        test::seed(old);                               // v1 factors, v2 activity
        CHECK_THROWS_WITH(old.import_status({{"ev", 2024}}, test::provenance(fixture("status/status.csv"), "x")),
                          Contains("cannot keep the status of actions"));
    }
    {
        const store::Store read(db, store::Open::read_only);  // read as it is: no status, no migration
        CHECK(read.schema_version() == 5);
        CHECK(read.versions().size() == 2);
        CHECK(!read.version(2).status_from);
        CHECK(read.statuses(read.version(2)).empty());
    }
    const auto r = import_status(db, fixture("status/status.csv"));  // opens for writing: migrates
    CHECK(r.outcome.version == 3);
    const store::Store s(db, store::Open::read_only);
    CHECK(s.schema_version() == store::Store::kSchemaVersion);
    CHECK(s.schema_version() == 6);
    const auto v3 = s.version(3);
    CHECK(v3.parent == 2);
    CHECK(v3.activity_from == 2);  // the status version keeps what was current
    CHECK(v3.factors_from == 1);
    CHECK(v3.status_from == 3);
    CHECK(s.version(2).kind == store::VersionKind::activity);
    CHECK(s.version(1).kind == store::VersionKind::factors);
    // the status version computes the inventory of the activity and factors it kept
    CHECK(units::in_tonnes(test::stored_inventory(s, 3, 2023).territorial.co2e) ==
          Approx(units::in_tonnes(test::stored_inventory(s, 2, 2023).territorial.co2e)));
    CHECK(test::sql_count(db, "SELECT count(*) FROM pragma_foreign_key_check") == 0);
    CHECK(s.integrity_check() == "ok");
}

TEST_CASE("cli status: db import --status, then klima status --db reads it", "[cli][status][store]") {
    test::TempDir dir;
    const auto db = dir.file("klima.db");
    const auto data = " --data-dir " + fixture("scenario/data");
    auto r = test::run_cli("db import " + fixture("scenario/activity.csv") + " --comment activity --db " + db + data);
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    r = test::run_cli("db import " + fixture("status/status.csv") + " --status --comment 'status 2024' --db " + db +
                      data);
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("stored 3 action statuses as version 3") &&
                          Contains("status years revised: 2023, 2024; every other year stays as it was"));
    const auto versions = test::run_cli("db versions --db " + db);
    CHECK_THAT(versions.out, Contains("3   2      status"));

    const auto common =
        "status --scenario " + fixture("scenario/two_measures.json") + data + " --year 2024 --format json --db " + db;
    const auto from_store = test::run_cli(common);
    const auto from_file = test::run_cli(common + " --status " + fixture("status/status.csv"));
    INFO(from_store.err);
    REQUIRE(from_store.exit_code == 0);
    REQUIRE(from_file.exit_code == 0);
    CHECK(from_store.out == from_file.out);  // the stored status is the file's, row for row
    const auto j = nlohmann::json::parse(from_store.out);
    CHECK(j["actions"][0]["realised_t"].get<double>() == Approx(624));  // test_status_cli.cpp's arithmetic

    SECTION("a refused status file exits 1 and changes nothing") {
        const auto before = io::read_file(db);
        const auto bad = dir.write("bad.csv", std::string(kHeader) + "ev,2024,igangsat,12,,,,x,\n");
        const auto refused = test::run_cli("db import " + bad + " --status --comment bad --db " + db + data);
        CHECK(refused.exit_code == 1);
        CHECK_THAT(refused.err, Contains("bad.csv") && Contains("has no unit"));
        CHECK(io::read_file(db) == before);
    }
    SECTION("db diff names the status version and what it revised") {
        const auto revised =
            dir.write("status-2024b.csv", std::string(kHeader) + "ev,2024,gennemført,100,chargers,,,revised,\n");
        REQUIRE(test::run_cli("db import " + revised + " --status --comment revised --db " + db + data).exit_code == 0);
        const auto diff = test::run_cli("db diff 3 4 --db " + db + data);
        INFO(diff.err);
        CHECK(diff.exit_code == 0);
        CHECK_THAT(diff.out, Contains("(status, " + revised + ") revised the action status of year 2024"));
        CHECK_THAT(diff.out, Contains("no change"));  // a status touches no emissions
    }
    SECTION("a store without a status: exit 1, naming the store") {
        const auto empty = dir.file("activity-only.db");
        REQUIRE(test::run_cli("db import " + fixture("scenario/activity.csv") + " --comment a --db " + empty + data)
                    .exit_code == 0);
        const auto none = test::run_cli("status --scenario " + fixture("scenario/two_measures.json") + data +
                                        " --year 2024 --db " + empty);
        CHECK(none.exit_code == 1);
        CHECK_THAT(none.err, Contains("holds no status of actions"));
    }
    SECTION("neither --status nor --db is a wrong command line") {
        const auto none =
            test::run_cli("status --scenario " + fixture("scenario/two_measures.json") + data + " --year 2024");
        CHECK(none.exit_code == 2);
        CHECK_THAT(none.err, Contains("--status"));
    }
}
