// Scenario versions in the store (schema 4): numbered saves, the second of two writers from
// the same version refused, a bad scenario or comment storing nothing, and a schema-3 store
// migrated with its data kept.
#include "store_support.hpp"

#include "klima/api/scenario_versions.hpp"
#include "klima/sha256.hpp"
#include "klima/store/store.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>
#include <vector>

using namespace klima;

namespace {

const std::string kScenarios = std::filesystem::path(KLIMA_DEFAULT_DATA_DIR).parent_path().string() + "/scenarios";

std::string koege_text() {
    std::ifstream in(kScenarios + "/koege.json", std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

api::ScenarioSaveRequest request(const std::string& store, const std::string& text, std::optional<int> based_on,
                                 const std::string& comment = "test") {
    api::ScenarioSaveRequest r;
    r.store_path = store;
    r.name = "koege.json";
    r.scenario_file = kScenarios + "/koege.json";
    r.scenario_json = text;
    r.comment = comment;
    r.author = "tester";
    r.based_on = based_on;
    return r;
}

// A store as `klima db import` leaves it: the fixture factors and activity (versions 1 and 2).
std::string seeded_store(const test::TempDir& dir, int schema = store::Store::kSchemaVersion) {
    store::Store s(dir.file("klima.db"), store::Open::create, schema);
    test::seed(s);
    return dir.file("klima.db");
}

}  // namespace

TEST_CASE("scenario versions: saves are numbered 1, 2 per name and read back as saved", "[store][scenario_versions]") {
    test::TempDir dir;
    const auto db = seeded_store(dir);
    const auto text = koege_text();
    CHECK_FALSE(api::load_scenario_version(db, "koege.json", std::nullopt).has_value());
    CHECK(api::save_scenario_version(request(db, text, std::nullopt, "first")) == 1);
    auto second = request(db, text + "\n", 1, "second");
    second.editor_state = R"({"controls":[]})";
    CHECK(api::save_scenario_version(second) == 2);

    const auto all = api::list_scenario_versions(db, std::string("koege.json"));
    REQUIRE(all.size() == 2);
    CHECK(all[0].version == 1);
    CHECK(all[0].comment == "first");
    CHECK(all[0].author == "tester");
    CHECK(all[0].sha256 == sha256_hex(text));
    CHECK(all[0].scenario.empty());  // lists carry no text
    CHECK(all[1].version == 2);
    const auto latest = api::load_scenario_version(db, "koege.json", std::nullopt);
    REQUIRE(latest);
    CHECK(latest->version == 2);
    CHECK(latest->scenario == text + "\n");
    CHECK(latest->editor_state == std::optional<std::string>(R"({"controls":[]})"));
    const auto first = api::load_scenario_version(db, "koege.json", 1);
    CHECK(first->scenario == text);
    CHECK_FALSE(first->editor_state.has_value());
    CHECK_THROWS_WITH(api::load_scenario_version(db, "koege.json", 3),
                      Catch::Contains("no version 3 of koege.json") && Catch::Contains("from 1 to 2"));
    // another name starts at 1; the activity versions are untouched
    auto other = request(db, text, std::nullopt);
    other.name = "other.json";
    CHECK(api::save_scenario_version(other) == 1);
    CHECK(api::list_scenario_versions(db, std::nullopt).size() == 3);
    CHECK(store::Store(db, store::Open::read_only).versions().size() == 2);
}

TEST_CASE("scenario versions: a save from a stale version is a conflict and writes nothing",
          "[store][scenario_versions]") {
    test::TempDir dir;
    const auto db = seeded_store(dir);
    const auto text = koege_text();
    REQUIRE(api::save_scenario_version(request(db, text, std::nullopt, "planner A")) == 1);
    SECTION("a second writer who also started from the file") {
        try {
            api::save_scenario_version(request(db, text, std::nullopt, "planner B"));
            FAIL("no conflict");
        } catch (const store::ScenarioConflict& e) {
            CHECK(e.kind() == ErrorKind::store);
            REQUIRE(e.latest());
            CHECK(e.latest()->version == 1);
            CHECK(e.latest()->comment == "planner A");
            CHECK(e.latest()->author == "tester");
            CHECK(std::string(e.what()).find("version 1 of koege.json was saved") != std::string::npos);
        }
    }
    SECTION("a writer who started from version 1 while version 2 was saved") {
        REQUIRE(api::save_scenario_version(request(db, text, 1, "planner A again")) == 2);
        CHECK_THROWS_AS(api::save_scenario_version(request(db, text, 1, "planner B")), store::ScenarioConflict);
    }
    SECTION("based on a version the store does not hold") {
        CHECK_THROWS_AS(api::save_scenario_version(request(db, text, 5)), store::ScenarioConflict);
    }
    SECTION("based on a version of a name the store holds none of: a conflict without a latest version") {
        try {
            auto other = request(db, text, 1, "planner C");
            other.name = "other.json";
            api::save_scenario_version(other);
            FAIL("no conflict");
        } catch (const store::ScenarioConflict& e) {
            CHECK(!e.latest());
            CHECK(e.problem().find("holds no saved version") != std::string::npos);
        }
    }
    CHECK(test::sql_count(db, "SELECT max(version) FROM scenario_versions") ==
          static_cast<long long>(api::list_scenario_versions(db, std::nullopt).size()));
    CHECK(test::sql_count(db, "SELECT count(*) FROM scenario_versions WHERE comment = 'planner B'") == 0);
}

TEST_CASE("scenario versions: of eight concurrent writers from the same version exactly one wins",
          "[store][scenario_versions]") {
    test::TempDir dir;
    const auto db = seeded_store(dir);
    const auto text = koege_text();
    std::atomic<int> won{0}, conflicts{0}, other{0};
    std::vector<std::thread> writers;
    for (int i = 0; i < 8; ++i)
        writers.emplace_back([&, i] {
            try {
                api::save_scenario_version(request(db, text, std::nullopt, "writer " + std::to_string(i)));
                ++won;
            } catch (const store::ScenarioConflict&) {
                ++conflicts;
            } catch (...) {
                ++other;
            }
        });
    for (auto& t : writers) t.join();
    CHECK(won == 1);
    CHECK(conflicts == 7);
    CHECK(other == 0);
    CHECK(test::sql_count(db, "SELECT count(*) FROM scenario_versions") == 1);
}

TEST_CASE("scenario versions: a bad scenario, a blank comment or a bad editor state stores nothing",
          "[store][scenario_versions]") {
    test::TempDir dir;
    const auto db = seeded_store(dir);
    auto text = koege_text();
    SECTION("malformed JSON") {
        CHECK_THROWS_WITH(api::save_scenario_version(request(db, "{\"name\": ", std::nullopt)),
                          Catch::Contains("koege.json"));
    }
    SECTION("a wrong value, named by its JSON path") {
        const auto at = text.find("\"start_year\": ");
        REQUIRE(at != std::string::npos);
        text.replace(at, 14, "\"start_year\": \"soon\", \"x\": ");
        try {
            api::save_scenario_version(request(db, text, std::nullopt));
            FAIL("accepted");
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::input);
            CHECK(e.where().field.rfind("/measures/0/", 0) == 0);
        }
    }
    SECTION("a blank comment") {
        CHECK_THROWS_WITH(api::save_scenario_version(request(db, text, std::nullopt, " \n")),
                          Catch::Contains("needs a comment"));
    }
    SECTION("an editor state that is not an object") {
        auto r = request(db, text, std::nullopt);
        r.editor_state = "[1, 2]";
        CHECK_THROWS_WITH(api::save_scenario_version(r), Catch::Contains("not a JSON object"));
    }
    CHECK(api::list_scenario_versions(db, std::nullopt).empty());
}

TEST_CASE("scenario versions: a schema-3 store migrates to 4 with its data kept", "[store][scenario_versions]") {
    test::TempDir dir;
    const auto db = seeded_store(dir, 3);  // as the klima before scenario versions left it
    CHECK(test::sql_count(db, "PRAGMA user_version") == 3);
    // read-only, the old store is read as it is: no scenario versions, no migration
    CHECK(api::list_scenario_versions(db, std::nullopt).empty());
    CHECK_FALSE(api::load_scenario_version(db, "koege.json", std::nullopt).has_value());
    CHECK(test::sql_count(db, "PRAGMA user_version") == 3);
    // the first save migrates it
    CHECK(api::save_scenario_version(request(db, koege_text(), std::nullopt)) == 1);
    CHECK(test::sql_count(db, "PRAGMA user_version") == store::Store::kSchemaVersion);  // 5 since issue 23
    const store::Store s(db, store::Open::read_only);
    REQUIRE(s.versions().size() == 2);
    CHECK(s.activity(*s.current()).size() == 11);  // tests/fixtures/activity.csv: 11 rows, as seeded
    CHECK(s.factors(*s.current()).size() == test::fixture_factors().size());
    CHECK(s.integrity_check() == "ok");
}
