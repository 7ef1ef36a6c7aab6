// The workbench's one store connection pool (klima/store/read_pool.hpp, issue 21 item 4): a
// connection is lent to one request at a time and kept; a write by another connection is seen by
// the next request; a store replaced on disk is read anew and one deleted is a clear error; and
// concurrent requests over `serve --db` answer what `klima scenario run --db` prints. Not timed.
#include "serve_support.hpp"
#include "support.hpp"

#include "klima/api/store_import.hpp"
#include "klima/error.hpp"
#include "klima/io/data_files.hpp"
#include "klima/store/read_pool.hpp"

#include <sqlite3.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

using klima::test::kServeRepo;
using klima::test::read_all;
using klima::test::run_cli;

namespace {

// Imports `file` (relative to the repository) into the store at `store`, as `klima db import` does.
void import(const std::string& store, const std::string& file) {
    static const auto ref = klima::io::load_reference_data(kServeRepo + "/data");
    klima::api::import_into_store({store, file, "test import", {}}, ref);
}

// Køge's 2023 activity with the electricity use doubled (450,000 → 900,000 MWh): an activity
// import that revises 2023 alone, so every run from 2023 on changes.
std::string koege_2023_revised(const klima::test::TempDir& dir) {
    std::istringstream in(read_all(kServeRepo + "/data/koege/activity.csv"));
    std::string line, out;
    std::getline(in, line);
    out = line + "\n";
    while (std::getline(in, line)) {
        if (line.rfind("2023,", 0) != 0) continue;
        const std::string el = "2023,energi,el,el,450000,";
        if (line.rfind(el, 0) == 0) line = "2023,energi,el,el,900000," + line.substr(el.size());
        out += line + "\n";
    }
    return dir.write("activity-2023.csv", out);
}

std::string run_body() { return read_all(kServeRepo + "/scenarios/koege.json"); }

std::string cli_run(const std::string& store) {
    const auto cli = run_cli("scenario run " + kServeRepo + "/scenarios/koege.json --db " + store + " --format json");
    REQUIRE(cli.exit_code == 0);
    return cli.out;
}

}  // namespace

TEST_CASE("store read pool: a lease is kept for the next, two at once are two connections", "[store][pool]") {
    const klima::test::TempDir dir;
    const auto path = dir.file("klima.db");
    import(path, kServeRepo + "/data/koege/activity.csv");
    klima::store::ReadPool pool(path, 1);
    CHECK(pool.idle() == 1);  // the connection opened to check the store
    const klima::store::Store* first = nullptr;
    {
        const auto a = pool.lend();
        first = &*a;
        CHECK(pool.idle() == 0);
        const auto b = pool.lend();  // while `a` is out: a second connection
        CHECK(&*b != first);
        CHECK(b->current()->id == 1);  // one import: version 1
    }
    CHECK(pool.idle() == 1);  // of the two given back, one is kept (max_idle 1)
    const auto again = pool.lend();
    CHECK(pool.idle() == 0);
}

TEST_CASE(
    "store read pool: a write is seen by the next lease, a replaced store is read anew, a deleted one is "
    "a store error",
    "[store][pool]") {
    const klima::test::TempDir dir;
    const auto path = dir.file("klima.db");
    import(path, kServeRepo + "/data/koege/activity.csv");
    klima::store::ReadPool pool(path);
    CHECK(pool.lend()->versions().size() == 1);
    import(path, koege_2023_revised(dir));  // another connection writes version 2
    CHECK(pool.lend()->versions().size() == 2);

    // another store (one import: 1 version) renamed over the path: the pool's connections read the old
    // file. Its -wal stays beside the path (a connection is open), and SQLite would lay it over any file
    // there: checkpointed to empty first, as docs/store.md says a store must be before it is replaced.
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    CHECK(sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    const klima::test::TempDir other;
    import(other.file("klima.db"), kServeRepo + "/data/koege/activity.csv");
    std::filesystem::rename(other.file("klima.db"), path);
    CHECK(pool.lend()->versions().size() == 1);

    std::filesystem::remove(path);
    try {
        (void)pool.lend();
        FAIL("a deleted store was lent");
    } catch (const klima::Error& e) {
        CHECK(e.kind() == klima::ErrorKind::store);
        CHECK(e.where().file == path);
        CHECK(e.problem().find("no longer at this path") != std::string::npos);
    }
}

TEST_CASE("serve --db: concurrent runs answer what klima scenario run --db prints; a write between two is seen",
          "[serve][pool]") {
    const klima::test::TempDir dir;
    const auto store = dir.file("klima.db");
    import(store, kServeRepo + "/data/koege/activity.csv");
    const auto before = cli_run(store);
    const klima::test::ServedWorkbench server(store);

    // 8 clients × 3 runs on kept-open connections, all on the pool at once
    std::mutex mutex;
    std::vector<std::string> bodies;
    std::vector<std::thread> clients;
    for (int i = 0; i < 8; ++i)
        clients.emplace_back([&] {
            auto client = server.client();
            client.set_keep_alive(true);
            for (int k = 0; k < 3; ++k) {
                const auto r = client.Post("/api/scenario/run?name=koege.json", run_body(), "application/json");
                const std::lock_guard lock(mutex);
                bodies.push_back(r && r->status == 200 ? r->body : "failed");
            }
        });
    for (auto& t : clients) t.join();
    REQUIRE(bodies.size() == 24);
    for (const auto& b : bodies) CHECK(b == before);  // byte for byte

    import(store, koege_2023_revised(dir));  // a write between two requests (another connection)
    const auto after = cli_run(store);
    REQUIRE(after != before);
    auto client = server.client();
    const auto r = client.Post("/api/scenario/run?name=koege.json", run_body(), "application/json");
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->body == after);
}

TEST_CASE("serve --db: a store deleted while the workbench runs is a store error naming it, and the server goes on",
          "[serve][pool]") {
    const klima::test::TempDir dir;
    const auto store = dir.file("klima.db");
    import(store, kServeRepo + "/data/koege/activity.csv");
    const klima::test::ServedWorkbench server(store);
    auto client = server.client();
    REQUIRE(client.Post("/api/scenario/run?name=koege.json", run_body(), "application/json")->status == 200);
    for (const auto* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(store + suffix);
    const auto r = client.Post("/api/scenario/run?name=koege.json", run_body(), "application/json");
    REQUIRE(r);
    CHECK(r->status == 500);  // kind store: the server's data, not the request, is at fault
    const auto error = nlohmann::json::parse(r->body).at("error");
    CHECK(error["kind"] == "store");
    CHECK(error["file"] == store);
    CHECK(error["fix"].get<std::string>().find("put the store back") != std::string::npos);
    const auto versions = client.Get("/api/scenario/versions?name=koege.json");
    REQUIRE(versions);
    CHECK(versions->status == 500);
    CHECK(client.Get("/api/scenarios")->status == 200);  // the rest of the workbench still answers
}
