// The store-import facade (klima/api/store_import.hpp) that klima db import and the web
// server share: what a file is, what it stores, and that a refused import leaves no store.
#include "support.hpp"

#include "klima/api/store_import.hpp"
#include "klima/api/store_versions.hpp"
#include "klima/report/store_report.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace klima;
using test::fixture;

namespace {

api::StoreImportResult import(const std::string& store, const std::string& file, const std::string& comment = "x") {
    return api::import_into_store({store, file, comment, {}}, test::fixture_reference());
}

}  // namespace

TEST_CASE("store import api: a data directory, a factor CSV and activity data each become a version", "[store][api]") {
    test::TempDir dir;
    const auto db = dir.file("s.db");
    // the fixture data directory holds 15 factors; the fixture activity file 11 rows
    const auto factors = import(db, test::fixture_data_dir(), "fixture factors");
    CHECK(factors.kind == store::VersionKind::factors);
    CHECK(factors.rows == 15);
    CHECK(factors.outcome.version == 1);
    CHECK_FALSE(factors.outcome.already_stored);
    CHECK(factors.store_path == db);

    const auto activity = import(db, fixture("activity.csv"));
    CHECK(activity.kind == store::VersionKind::activity);
    CHECK(activity.rows == 11);
    CHECK(activity.outcome.version == 2);

    // a .csv with a gas column is a factor file, whatever its name
    const auto revised = import(db, fixture("store/factors_revised.csv"));
    CHECK(revised.kind == store::VersionKind::factors);
    CHECK(revised.outcome.version == 3);

    // the same bytes again: nothing new
    const auto again = import(db, fixture("activity.csv"));
    CHECK(again.outcome.already_stored);
    CHECK(again.outcome.version == 2);

    const store::Store s(db, store::Open::read_only);
    CHECK(s.versions().size() == 3);
    CHECK(s.versions()[2].comment == "x");
}

TEST_CASE("store import api: a refused import creates no store", "[store][api][errors]") {
    test::TempDir dir;
    const auto db = dir.file("s.db");
    const auto bad = dir.write("bad.csv",
                               "year,sector,subsector,carrier,quantity,unit,source\n"
                               "2017,energi,atom,el,5,MWh,x\n");
    CHECK_THROWS_WITH(import(db, bad), Catch::Contains("bad.csv:2"));
    CHECK_THROWS_WITH(import(db, dir.file("absent.csv")), Catch::Contains("absent.csv: file not found"));
    CHECK_FALSE(std::filesystem::exists(db));
}

TEST_CASE("store versions api: diff and recalc read the store at a path; the tables say so in text", "[store][api]") {
    test::TempDir dir;
    const auto db = dir.file("s.db");
    CHECK(report::render_versions({}, db) == "the store " + db + " holds no versions yet\n");
    import(db, test::fixture_data_dir());
    import(db, fixture("activity.csv"));
    // the same version against itself: every total unchanged
    const auto same = api::compare_versions(db, 2, 2, test::fixture_reference(), "AR5");
    CHECK_FALSE(same.empty());
    CHECK_THAT(report::render_version_diff(same, 2, 2, "AR5"), Catch::EndsWith("no change\n"));
    const auto r = api::recalculate_store(db, test::fixture_reference(), "AR5");
    CHECK(r.version == 2);
    CHECK_FALSE(r.previous);
    CHECK_THAT(report::render_recalculation(r, "AR5"), Catch::Contains("no earlier computed version to compare with"));
    try {
        api::compare_versions(db, 2, 9, test::fixture_reference(), "AR5");
        FAIL("version 9 does not exist");
    } catch (const Error& e) {
        CHECK(e.subject() == Subject::store_version);  // the CLI adds "klima db versions" to the fix
        CHECK_THAT(e.fix(), Catch::Contains("from 1 to 2") && !Catch::Contains("klima"));
    }
}
