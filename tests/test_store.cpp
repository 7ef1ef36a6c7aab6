// The inventory store: versions with provenance, round trips of activity and
// factors, missing values, schema migrations and error cases.
#include "store_support.hpp"

#include "klima/io/csv.hpp"
#include "klima/sha256.hpp"
#include "klima/store/store.hpp"

#include <sqlite3.h>
#include <catch2/catch.hpp>

#include <regex>
#include <string>

using namespace klima;
using test::fixture;
using units::in_tonnes;

TEST_CASE("sha256: FIPS 180-4 examples and padding boundaries", "[store][sha256]") {
    // FIPS 180-4 / NIST CSRC example values.
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    // 55 bytes (padding fits one block) and 64 bytes (padding needs a second), as coreutils sha256sum gives them.
    CHECK(sha256_hex(std::string(55, 'a')) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    CHECK(sha256_hex(std::string(64, 'a')) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST_CASE("store: each import becomes a version with provenance", "[store]") {
    test::TempDir dir;
    store::Store s(dir.file("klima.db"));
    CHECK_FALSE(s.current().has_value());
    test::seed(s);
    const auto all = s.versions();
    REQUIRE(all.size() == 2);
    CHECK(all[0].id == 1);
    CHECK_FALSE(all[0].parent.has_value());
    CHECK(all[0].kind == store::VersionKind::factors);
    CHECK(all[0].factors_from == 1);
    CHECK_FALSE(all[0].activity_from.has_value());
    CHECK(all[1].parent == 1);
    CHECK(all[1].kind == store::VersionKind::activity);
    CHECK(all[1].activity_from == 2);
    CHECK(all[1].factors_from == 1);  // the current factors carried over
    CHECK(all[1].file == fixture("activity.csv"));
    CHECK(all[1].sha256 == sha256_hex(io::read_file(fixture("activity.csv"))));
    CHECK(all[1].comment == "fixture activity");
    CHECK(std::regex_match(all[1].imported_at, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
    CHECK(s.current()->id == 2);
    CHECK(s.schema_version() == store::Store::kSchemaVersion);
    // WAL mode is a property of the file: a second connection sees it.
    CHECK(test::sql_count(dir.file("klima.db"), "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode='wal'") ==
          1);
}

TEST_CASE("store: identical content is not stored again", "[store]") {
    test::TempDir dir;
    store::Store s(dir.file("klima.db"));
    test::seed(s);
    const auto again = s.import_activity(test::fixture_activity(), test::provenance(fixture("activity.csv"), "again"));
    CHECK(again.already_stored);
    CHECK(again.version == 2);
    const auto f =
        s.import_factors(test::fixture_factors(), test::provenance(fixture("data/factors/test_factors.csv"), "again"));
    CHECK(f.already_stored);
    CHECK(f.version == 1);
    CHECK(s.versions().size() == 2);
    // 11 activity rows and 15 factor rows (tests/fixtures/data/factors/test_factors.csv), each stored once
    CHECK(test::sql_count(dir.file("klima.db"), "SELECT count(*) FROM activity") == 11);
    CHECK(test::sql_count(dir.file("klima.db"), "SELECT count(*) FROM factors") == 15);
}

TEST_CASE("store: a missing value is NULL in the table and std::nullopt back, a zero stays zero", "[store]") {
    test::TempDir dir;
    store::Store s(dir.file("klima.db"));
    test::seed(s);
    const auto db = dir.file("klima.db");
    // activity.csv line 11: soe 2023 with an empty quantity; line 12: busser 2023 quantity 0
    CHECK(test::sql_count(db, "SELECT count(*) FROM activity WHERE quantity_si IS NULL") == 1);
    CHECK(test::sql_count(db, "SELECT count(*) FROM activity WHERE quantity_si IS NULL AND subsector='soe'") == 1);
    CHECK(test::sql_count(db, "SELECT count(*) FROM activity WHERE quantity_si = 0 AND subsector='busser'") == 1);

    const auto records = s.activity(*s.current());
    REQUIRE(records.size() == 11);
    CHECK_FALSE(records[9].amount.has_value());
    REQUIRE(records[10].amount.has_value());
    CHECK(units::display_value(*records[10].amount) == 0.0);
    // the first row: 1000 MWh of electricity in 2017, from line 2 of the file
    CHECK(units::in_mwh(std::get<units::Energy>(*records[0].amount)) == Approx(1000.0));
    CHECK(records[0].origin.file == fixture("activity.csv"));
    CHECK(records[0].origin.line == 2);
    CHECK(records[7].source == "test fixture, with a comma");

    // 2023 from the store: el 1000 MWh × 100 kg/MWh = 100 t; busser 0 t; soe missing, counted
    const auto inv = test::stored_inventory(s, 2, 2023);
    CHECK(in_tonnes(inv.territorial.co2e) == Approx(100.0));
    CHECK(inv.missing_cells() == 1);
    CHECK(inv.by_sector.at("transport").missing == 1);
    CHECK(inv.by_sector.at("transport").lines == 2);
}

TEST_CASE("store: an inventory from the store equals the one from files", "[store]") {
    test::TempDir dir;
    store::Store s(dir.file("klima.db"));
    test::seed(s);
    const auto inv = test::stored_inventory(s, 2, 2017);
    // as test_inventory.cpp: 452.7348 + 26.64 + 42 − 80 = 441.3748 t territorial; byggeri 600 t apart
    CHECK(in_tonnes(inv.territorial.co2e) == Approx(441.3748));
    CHECK(in_tonnes(inv.by_subsector.at("energi/individuel_opvarmning").co2e) == Approx(212.7348));
    CHECK(in_tonnes(inv.reported_apart.co2e) == Approx(600.0));
}

TEST_CASE("store: factors keep value, unit kind, subsector, status and source", "[store]") {
    test::TempDir dir;
    store::Store s(dir.file("klima.db"));
    test::seed(s);
    const auto lib = s.factors(*s.current());
    CHECK(lib.size() == 15);  // the 15 rows of test_factors.csv
    const auto el = lib.lookup("el", "el", 2017);
    REQUIRE(el.size() == 1);
    CHECK(units::in_kg_per_mwh(std::get<units::MassPerEnergy>(el[0]->value)) == Approx(200.0));
    CHECK(el[0]->illustrative);
    CHECK(el[0]->source == "test fixture");
    CHECK(el[0]->origin.line == 9);
    // wood in stoves: the subsector row (200 g/GJ = 0.2 kg/GJ) wins over the generic 10 g/GJ
    const auto trae = lib.lookup("trae", "individuel_opvarmning", 2017);
    REQUIRE(trae.size() == 2);
    CHECK(trae[0]->gas == Gas::CH4);
    CHECK(units::in_kg_per_gj(std::get<units::MassPerEnergy>(trae[0]->value)) == Approx(0.2));
    // new forest −8 t CO2/ha
    const auto skov = lib.lookup("skov_ny", "skov", 2017);
    REQUIRE(skov.size() == 1);
    CHECK(units::display_factor_value(skov[0]->value) == Approx(-8000.0));  // kg/ha
}

TEST_CASE("store: each version keeps its own activity and factors", "[store]") {
    test::TempDir dir;
    store::Store s(dir.file("klima.db"));
    test::seed(s);
    s.import_factors(test::revised_factors(), test::provenance(fixture("store/factors_revised.csv"), "el revised"));
    const auto v3 = s.version(3);
    CHECK(v3.parent == 2);
    CHECK(v3.activity_from == 2);
    CHECK(v3.factors_from == 3);
    // version 2 still at 200 kg/MWh: 441.3748 t; version 3 at 150 kg/MWh: 441.3748 − 1000 × 0.05 t = 391.3748 t
    CHECK(in_tonnes(test::stored_inventory(s, 2, 2017).territorial.co2e) == Approx(441.3748));
    CHECK(in_tonnes(test::stored_inventory(s, 3, 2017).territorial.co2e) == Approx(391.3748));
}

TEST_CASE("store: migrations bring an old store to the current schema, keeping its data", "[store]") {
    test::TempDir dir;
    const auto db = dir.file("klima.db");
    {
        store::Store v1(db, store::Open::create, 1);  // as the first klima with a store wrote it
        CHECK(v1.schema_version() == 1);
        test::seed(v1);
    }
    CHECK(test::sql_count(db, "PRAGMA user_version") == 1);
    CHECK(test::sql_count(db, "SELECT count(*) FROM sqlite_master WHERE name = 'inventories'") == 0);
    store::Store s(db);
    CHECK(s.schema_version() == store::Store::kSchemaVersion);
    CHECK(test::sql_count(db, "SELECT count(*) FROM sqlite_master WHERE name = 'inventories'") == 1);
    CHECK(s.versions().size() == 2);
    CHECK(s.activity(*s.current()).size() == 11);
    s.save_inventories(2, "AR5", {test::stored_inventory(s, 2, 2017)});
    CHECK(test::sql_count(db, "SELECT count(*) FROM inventories WHERE version_id = 2") > 0);
    // opening again is a no-op
    store::Store again(db);
    CHECK(again.schema_version() == store::Store::kSchemaVersion);
}

TEST_CASE("store: errors name the store and the fix", "[store][errors]") {
    test::TempDir dir;
    SECTION("a store that must exist but does not") {
        CHECK_THROWS_WITH(store::Store(dir.file("absent.db"), store::Open::existing),
                          Catch::Contains("absent.db") && Catch::Contains("no store") &&
                              Catch::Contains("create one by importing a file into it") &&
                              !Catch::Contains("klima db"));  // the CLI adds the command (test_cli_db.cpp)
    }
    SECTION("a file that is not a database") {
        const auto p = dir.write("junk.db", std::string(4096, 'x'));
        CHECK_THROWS_WITH(store::Store(p), Catch::Contains("junk.db") && Catch::Contains("not a klima store"));
    }
    SECTION("a store written by a newer klima") {
        { store::Store s(dir.file("new.db")); }
        {
            const auto p = dir.file("new.db");
            sqlite3* raw = nullptr;
            sqlite3_open(p.c_str(), &raw);
            sqlite3_exec(raw, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
            sqlite3_close(raw);
        }
        CHECK_THROWS_WITH(store::Store(dir.file("new.db")),
                          Catch::Contains("schema version 99") && Catch::Contains("newer klima"));
    }
    SECTION("versions that do not exist or lack a half") {
        store::Store s(dir.file("klima.db"));
        CHECK_THROWS_WITH(s.version(1), Catch::Contains("no version 1") && Catch::Contains("store is empty"));
        s.import_factors(test::fixture_factors(), test::provenance(fixture("data/factors/test_factors.csv"), "f"));
        CHECK_THROWS_WITH(s.version(7), Catch::Contains("no version 7") && Catch::Contains("from 1 to 1"));
        CHECK_THROWS_WITH(s.activity(s.version(1)), Catch::Contains("has no activity data"));
        store::Store other(dir.file("other.db"));
        other.import_activity(test::fixture_activity(), test::provenance(fixture("activity.csv"), "a"));
        CHECK_THROWS_WITH(other.factors(other.version(1)), Catch::Contains("has no emission factors"));
    }
    SECTION("an empty factor set or an import without a hash") {
        store::Store s(dir.file("klima.db"));
        CHECK_THROWS_WITH(s.import_factors(FactorLibrary{}, test::provenance(fixture("activity.csv"), "x")),
                          Catch::Contains("no emission factors to import"));
        CHECK_THROWS_WITH(s.import_activity(test::fixture_activity(), {"f.csv", "", "x"}),
                          Catch::Contains("without a SHA-256"));
        CHECK(s.versions().empty());
    }
}
