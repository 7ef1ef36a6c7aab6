// klima serve over HTTP on a free loopback port: the recompute route answers
// exactly what `klima scenario run --format json` prints, and malformed,
// oversized and path-traversing requests are refused without stopping the server.
#include "support.hpp"

#include "serve/workbench.hpp"

#include "klima/api/scenario.hpp"
#include "klima/api/scenario_versions.hpp"
#include "klima/api/store_import.hpp"
#include "klima/io/data_files.hpp"
#include "klima/report/scenario_report.hpp"

#include <httplib.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

using klima::test::run_cli;

namespace {

const std::string kRepo = std::filesystem::path(KLIMA_DEFAULT_DATA_DIR).parent_path().string();

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// A workbench on 127.0.0.1 and a free port, served by a thread for the test's lifetime.
class RunningServer {
public:
    explicit RunningServer(std::size_t max_body = klima::serve::ServeConfig{}.max_body_bytes,
                           std::optional<std::string> store = std::nullopt) {
        klima::serve::ServeConfig c;
        c.store = store;
        c.port = 0;
        c.data_dir = kRepo + "/data";
        c.scenarios_dir = kRepo + "/scenarios";
        c.max_body_bytes = max_body;
        bench_ = std::make_unique<klima::serve::Workbench>(c);
        port_ = bench_->bind();
        thread_ = std::thread([this] { bench_->run(); });
        for (int i = 0; i < 500 && !bench_->running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    ~RunningServer() {
        bench_->stop();
        thread_.join();
    }
    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port_);
        c.set_read_timeout(60, 0);
        return c;
    }

private:
    std::unique_ptr<klima::serve::Workbench> bench_;
    int port_ = 0;
    std::thread thread_;
};

nlohmann::json error_of(const httplib::Result& r) { return nlohmann::json::parse(r->body).at("error"); }

}  // namespace

TEST_CASE("serve: POST /api/scenario/run answers what klima scenario run --format json prints", "[serve]") {
    RunningServer server;
    auto client = server.client();
    const auto file = kRepo + "/scenarios/koege.json";
    const auto r = client.Post("/api/scenario/run?name=koege.json", read(file), "application/json");
    REQUIRE(r);
    REQUIRE(r->status == 200);
    const auto cli = run_cli("scenario run " + file + " --format json");
    REQUIRE(cli.exit_code == 0);
    CHECK(r->body == cli.out);  // byte for byte
    // …which is render_scenario for the same file (it states the CHP allocation itself)
    klima::api::ScenarioRequest request;
    request.scenario_file = file;
    request.data_dir = kRepo + "/data";
    const auto o = klima::api::run_scenario(request);
    CHECK(r->body == klima::report::render_scenario(o.run, *o.ref, klima::report::Format::json, o.scope));
    CHECK(nlohmann::json::parse(r->body)["chp_allocation"]["set"] == "declared");
    CHECK(nlohmann::json::parse(r->body)["measures"].size() == 9);  // Køge's 9 measures
}

TEST_CASE("serve: an edited scenario is run as edited", "[serve]") {
    RunningServer server;
    auto client = server.client();
    auto doc = nlohmann::json::parse(read(kRepo + "/scenarios/koege.json"));
    doc["measures"].erase(doc["measures"].begin());  // the first measure switched off
    const auto r = client.Post("/api/scenario/run?name=koege.json", doc.dump(), "application/json");
    REQUIRE(r);
    REQUIRE(r->status == 200);
    CHECK(nlohmann::json::parse(r->body)["measures"].size() == 8);
}

TEST_CASE("serve: malformed JSON is a 400 naming the line; a wrong value names its JSON path", "[serve]") {
    RunningServer server;
    auto client = server.client();
    auto r = client.Post("/api/scenario/run?name=koege.json", "{\n  \"name\": \"x\",\n  \"base_year\": ,\n}",
                         "application/json");
    REQUIRE(r);
    CHECK(r->status == 400);
    auto e = error_of(r);
    CHECK(e["kind"] == "input");
    CHECK(e["line"] == 3);  // the ',' where base_year's value should be
    CHECK(e["file"] == kRepo + "/scenarios/koege.json");

    auto doc = nlohmann::json::parse(read(kRepo + "/scenarios/koege.json"));
    doc["measures"][2]["start_year"] = "soon";
    r = client.Post("/api/scenario/run?name=koege.json", doc.dump(), "application/json");
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(error_of(r)["path"] == "/measures/2/start_year");
}

TEST_CASE("serve: a body over the limit is answered 413 and the server goes on", "[serve]") {
    RunningServer server(4096);
    auto client = server.client();
    auto r = client.Post("/api/scenario/run", std::string(4097, ' '), "application/json");
    REQUIRE(r);
    CHECK(r->status == 413);
    CHECK(error_of(r)["path"] == "body");
    r = client.Post("/api/scenario/run", std::string(4096, ' '), "application/json");  // at the limit: read, and
    REQUIRE(r);
    CHECK(r->status == 400);  // refused as JSON, not as too large
    CHECK(klima::serve::ServeConfig{}.max_body_bytes == 2u * 1024 * 1024);
    // a form-encoded body is refused before it is read, whatever its size: the error says to send JSON
    RunningServer roomy;
    auto form = roomy.client().Post("/api/scenario/run", std::string(8193, ' '), "application/x-www-form-urlencoded");
    REQUIRE(form);
    CHECK(form->status == 415);
    CHECK(error_of(form)["fix"] == "send the body with Content-Type: application/json");
}

TEST_CASE("serve: paths outside the data and scenarios folders are refused", "[serve]") {
    RunningServer server;
    auto client = server.client();
    for (const char* name : {"../data/koege/drivers.csv", "..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd.json",
                             "../../../../etc/hostname.json"}) {
        const auto r = client.Get((std::string("/api/scenario?name=") + name).c_str());
        REQUIRE(r);
        CHECK(r->status == 403);
        CHECK(error_of(r)["path"] == "name");
    }
    auto doc = nlohmann::json::parse(read(kRepo + "/scenarios/koege.json"));
    for (const char* activity : {"../../../../etc/passwd", "/etc/passwd", "../data/../../x.csv"}) {
        doc["activity"] = activity;
        const auto r = client.Post("/api/scenario/run?name=koege.json", doc.dump(), "application/json");
        REQUIRE(r);
        CHECK(r->status == 403);
        CHECK(error_of(r)["path"] == "/activity");
    }
    const auto r =
        client.Post("/api/scenario/run?name=../koege.json", read(kRepo + "/scenarios/koege.json"), "application/json");
    REQUIRE(r);
    CHECK(r->status == 403);
    // and the server still answers
    const auto ok = client.Get("/api/scenario?name=koege.json");
    REQUIRE(ok);
    CHECK(ok->status == 200);
    CHECK(ok->body == read(kRepo + "/scenarios/koege.json"));
}

TEST_CASE("serve: the scenario list and the page", "[serve]") {
    RunningServer server;
    auto client = server.client();
    const auto list = client.Get("/api/scenarios");
    REQUIRE(list);
    REQUIRE(list->status == 200);
    const auto j = nlohmann::json::parse(list->body);
    REQUIRE(j.size() == 5);  // ballerup, koege-plan, koege-trends, koege, national-roskilde (sorted)
    CHECK(j[1]["file"] == "koege-plan.json");
    CHECK(j[1]["measures"] == 42);
    CHECK(j[2]["file"] == "koege-trends.json");
    CHECK(j[3]["municipality"] == "koege");
    CHECK(j[4]["file"] == "national-roskilde.json");
    const auto page = client.Get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(page->body.find("/app.js") != std::string::npos);
    const auto missing = client.Get("/secret.txt");
    REQUIRE(missing);
    CHECK(missing->status == 404);
}

TEST_CASE("serve: a scenario with a national history runs and says so", "[serve]") {
    RunningServer server;
    auto client = server.client();
    const auto r = client.Post("/api/scenario/run?name=national-roskilde.json",
                               read(kRepo + "/scenarios/national-roskilde.json"), "application/json");
    REQUIRE(r);
    CHECK(r->status == 200);
    const auto j = nlohmann::json::parse(r->body, nullptr, false);
    REQUIRE(j.is_object());
    CHECK(j.dump().find("sector totals of municipality 0265") != std::string::npos);
}

TEST_CASE("serve: the DK2020 report of the scenario on screen, as html and xlsx", "[serve]") {
    RunningServer server;
    auto client = server.client();
    const auto body = read(kRepo + "/scenarios/koege.json");
    auto r = client.Post("/api/report?format=html&year=2023&lang=en&name=koege.json", body, "application/json");
    REQUIRE(r);
    REQUIRE(r->status == 200);
    const auto cli =
        run_cli("report --scenario " + kRepo + "/scenarios/koege.json --year 2023 --format html --lang en");
    REQUIRE(cli.exit_code == 0);
    CHECK(r->body == cli.out);
    CHECK(r->get_header_value("Content-Disposition") ==
          "attachment; filename=\"klima-report-koege-2023.html\"; filename*=UTF-8''klima-report-koege-2023.html");
    r = client.Post("/api/report?format=xlsx&year=2023&name=koege.json", body, "application/json");
    REQUIRE(r);
    REQUIRE(r->status == 200);
    CHECK(r->body.substr(0, 2) == "PK");  // a zip package
    r = client.Post("/api/report?format=pdf&year=2023", body, "application/json");
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(error_of(r)["path"] == "format");
    CHECK(error_of(r)["problem"] == "unknown report format 'pdf'");  // report::parse_format, as the CLI's
    CHECK(error_of(r)["fix"] == "use html, xlsx or json");           // the workbench's list
    // The page's target and gap request leaves the analysis out, as klima report --no-analysis.
    r = client.Post("/api/report?format=json&year=2023&name=koege.json&analysis=0", body, "application/json");
    REQUIRE(r);
    REQUIRE(r->status == 200);
    const auto lean =
        run_cli("report --scenario " + kRepo + "/scenarios/koege.json --year 2023 --format json --no-analysis");
    REQUIRE(lean.exit_code == 0);
    CHECK(r->body == lean.out);
    CHECK(!nlohmann::json::parse(r->body).contains("abatement"));
    r = client.Post("/api/report?format=json&year=2023&analysis=yes", body, "application/json");
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(error_of(r)["path"] == "analysis");
}

namespace {

// A store holding Køge's activity file (data/koege/activity.csv) as version 1, as
// `klima db import data/koege/activity.csv --db PATH` leaves it.
std::string koege_store(const klima::test::TempDir& dir) {
    const auto ref = klima::io::load_reference_data(kRepo + "/data");
    klima::api::StoreImportRequest import;
    import.store_path = dir.file("klima.db");
    import.file = kRepo + "/data/koege/activity.csv";
    import.comment = "Køge activity";
    klima::api::import_into_store(import, ref);
    return dir.file("klima.db");
}

std::string save_body(const nlohmann::ordered_json& scenario, const std::string& comment,
                      const nlohmann::ordered_json& based_on) {
    return nlohmann::ordered_json{
        {"scenario", scenario}, {"comment", comment}, {"based_on", based_on}, {"author", "test"}}
        .dump();
}

}  // namespace

TEST_CASE("serve: a saved scenario becomes version 1, 2 and is what GET /api/scenario answers", "[serve][save]") {
    klima::test::TempDir dir;
    const auto store = koege_store(dir);
    RunningServer server(klima::serve::ServeConfig{}.max_body_bytes, store);
    auto client = server.client();
    auto r = client.Get("/api/scenario?name=koege.json");
    REQUIRE(r);
    CHECK(r->get_header_value("X-Klima-Version") == "0");  // nothing saved: the file
    CHECK(r->body == read(kRepo + "/scenarios/koege.json"));

    auto doc = nlohmann::ordered_json::parse(read(kRepo + "/scenarios/koege.json"));
    doc["measures"][0]["start_year"] = 2024;
    r = client.Post("/api/scenario/save?name=koege.json", save_body(doc, "district heating from 2024", nullptr),
                    "application/json");
    REQUIRE(r);
    REQUIRE(r->status == 200);
    CHECK(nlohmann::json::parse(r->body)["version"] == 1);
    r = client.Post("/api/scenario/save?name=koege.json", save_body(doc, "the same again", 1), "application/json");
    REQUIRE(r);
    REQUIRE(r->status == 200);
    CHECK(nlohmann::json::parse(r->body)["version"] == 2);

    r = client.Get("/api/scenario?name=koege.json");
    REQUIRE(r);
    CHECK(r->get_header_value("X-Klima-Version") == "2");
    CHECK(r->body == doc.dump(2) + "\n");  // the scenario as sent, keys in their order
    CHECK(nlohmann::json::parse(r->body)["measures"][0]["start_year"] == 2024);
    r = client.Get("/api/scenario/versions?name=koege.json");
    REQUIRE(r);
    const auto v = nlohmann::json::parse(r->body);
    CHECK(v["store"] == true);
    CHECK(v["latest"] == 2);
    REQUIRE(v["versions"].size() == 2);
    CHECK(v["versions"][0]["comment"] == "district heating from 2024");
    CHECK(v["versions"][1]["author"] == "test");

    // klima db scenario prints it, and klima scenario run reads what it prints
    const auto printed = run_cli("db scenario koege.json --db " + store);
    REQUIRE(printed.exit_code == 0);
    CHECK(printed.out == doc.dump(2) + "\n");
    const auto listed = run_cli("db scenarios --db " + store);
    REQUIRE(listed.exit_code == 0);
    CHECK(listed.out.find("koege.json\t2\t") != std::string::npos);
    CHECK(run_cli("db scenario koege.json --version 3 --db " + store).exit_code == 1);
    // versions count from 1: 0 and -1 are a wrong command line (exit 2), not a version missing from the store
    const auto zero = run_cli("db scenario koege.json --version 0 --db " + store);
    CHECK(zero.exit_code == 2);
    CHECK_THAT(zero.err, Catch::Contains("--version"));
    CHECK(run_cli("db scenario koege.json --version -1 --db " + store).exit_code == 2);
}

TEST_CASE("serve: a save from a stale version is 409 and leaves the store as it was", "[serve][save]") {
    klima::test::TempDir dir;
    const auto store = koege_store(dir);
    RunningServer server(klima::serve::ServeConfig{}.max_body_bytes, store);
    auto client = server.client();
    const auto doc = nlohmann::ordered_json::parse(read(kRepo + "/scenarios/koege.json"));
    auto r =
        client.Post("/api/scenario/save?name=koege.json", save_body(doc, "planner A", nullptr), "application/json");
    REQUIRE(r);
    REQUIRE(r->status == 200);
    // planner B's page also loaded the file (based_on null), and saves after A
    r = client.Post("/api/scenario/save?name=koege.json", save_body(doc, "planner B", nullptr), "application/json");
    REQUIRE(r);
    CHECK(r->status == 409);
    const auto j = nlohmann::json::parse(r->body);
    CHECK(j["error"]["kind"] == "conflict");
    CHECK(j["current"]["version"] == 1);
    CHECK(j["current"]["comment"] == "planner A");
    CHECK(j["current"]["author"] == "test");
    // a bad scenario, a missing comment, a bad based_on: 400, nothing written
    auto bad = doc;
    bad["measures"][2]["start_year"] = "soon";
    r = client.Post("/api/scenario/save?name=koege.json", save_body(bad, "bad", 1), "application/json");
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(error_of(r)["path"] == "/measures/2/start_year");
    r = client.Post("/api/scenario/save?name=koege.json",
                    nlohmann::ordered_json{{"scenario", doc}, {"based_on", 1}}.dump(), "application/json");
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(error_of(r)["path"] == "/comment");
    r = client.Post("/api/scenario/save?name=koege.json", save_body(doc, "  ", 1), "application/json");
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(error_of(r)["path"] == "/comment");
    r = client.Post("/api/scenario/save?name=koege.json", save_body(doc, "x", "one"), "application/json");
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(error_of(r)["path"] == "/based_on");
    r = client.Post("/api/scenario/save?name=../koege.json", save_body(doc, "x", 1), "application/json");
    REQUIRE(r);
    CHECK(r->status == 403);
    // based on a version of a name the store holds none of (another store, say): 409 without a current version
    r = client.Post("/api/scenario/save?name=koege-plan.json", save_body(doc, "x", 7), "application/json");
    REQUIRE(r);
    CHECK(r->status == 409);
    CHECK(nlohmann::json::parse(r->body)["current"].is_null());
    const auto kept = klima::api::list_scenario_versions(store, std::nullopt);
    REQUIRE(kept.size() == 1);
    CHECK(kept[0].comment == "planner A");
}

TEST_CASE("serve: without --db saving is refused with the fix, and the versions say there is no store",
          "[serve][save]") {
    RunningServer server;
    auto client = server.client();
    const auto doc = nlohmann::ordered_json::parse(read(kRepo + "/scenarios/koege.json"));
    auto r = client.Post("/api/scenario/save?name=koege.json", save_body(doc, "x", nullptr), "application/json");
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(error_of(r)["path"] == "db");
    CHECK(error_of(r)["fix"] == "start klima serve with --db FILE");
    r = client.Get("/api/scenario/versions?name=koege.json");
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(nlohmann::json::parse(r->body)["store"] == false);
}
