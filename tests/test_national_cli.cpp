// klima national and national import-api from the command line, and the workbench's national
// routes answering the same bytes as the command.
#include "support.hpp"

#include "serve/workbench.hpp"

#include <httplib.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <thread>

using Catch::Contains;
using klima::test::run_cli;
using klima::test::TempDir;

namespace {

const std::string kRepo = std::filesystem::path(KLIMA_DEFAULT_DATA_DIR).parent_path().string();

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// A copy of data/ (national and targets) in a temporary directory, for import-api to write into.
std::string copy_data(const TempDir& dir) {
    const auto to = dir.path() + "/data";
    std::filesystem::create_directories(to);
    std::filesystem::copy(kRepo + "/data/national", to + "/national");
    std::filesystem::copy(kRepo + "/data/targets", to + "/targets");
    return to;
}

}  // namespace

TEST_CASE("klima national --format json: 98 municipalities, the three forecasts named, Køge on track", "[national]") {
    const auto r = run_cli("national --format json");
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["municipalities"].size() == 98);
    CHECK(j["methods"].contains("linear"));
    CHECK(j["methods"].contains("smoothed"));
    CHECK(j["methods"].contains("cautious"));
    CHECK(j["national"]["total_t"][5] == Approx(34039454.1).margin(1));
    const auto k = run_cli("national --kommune 0259 --format json");
    REQUIRE(k.exit_code == 0);
    const auto kj = nlohmann::json::parse(k.out)["municipality"];
    CHECK(kj["name"] == "Køge");
    CHECK(kj["forecast_t"]["linear"] == Approx(211794.7).margin(0.1));  // test_national.cpp has the arithmetic
    CHECK(kj["target"]["on_track"]["cautious"] == true);
}

TEST_CASE("klima national: every format in both languages, xlsx as a file", "[national]") {
    for (const char* f : {"table", "md", "csv", "html"})
        for (const char* l : {"da", "en"}) {
            const auto r = run_cli(std::string("national --format ") + f + " --lang " + l);
            INFO(f << " " << l);
            REQUIRE(r.exit_code == 0);
            if (std::string(f) != "csv") CHECK_THAT(r.out, Contains("Energistyrelsen"));
            CHECK_THAT(r.out, Contains("Køge"));
        }
    CHECK_THAT(run_cli("national --format md --lang en").out, Contains("no target on file"));
    CHECK_THAT(run_cli("national --format md --lang da").out, Contains("intet mål registreret"));
    TempDir dir;
    const auto r = run_cli("national --format xlsx --out " + dir.file("n.xlsx"));
    REQUIRE(r.exit_code == 0);
    CHECK(read(dir.file("n.xlsx")).substr(0, 2) == "PK");
}

TEST_CASE("klima national --kommune --format html: a bar per sector and year, the three forecasts marked",
          "[national]") {
    const auto r = run_cli("national --kommune 0259 --format html --lang en");
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("<svg class=\"chart\""));
    // 6 years × 5 sectors = 30 bars, each with its title "sector year: value t"
    const std::regex bar("<title>(energi|transport|landbrug|affald|industri) 20\\d\\d: ");
    const auto bars = std::distance(std::sregex_iterator(r.out.begin(), r.out.end(), bar), std::sregex_iterator());
    CHECK(bars == 30);
    CHECK_THAT(r.out, Contains("<title>linear: 211,795 t</title>"));  // test_national.cpp has the arithmetic
    CHECK_THAT(r.out, Contains("<title>own target: 270,558 t</title>"));
    CHECK(r.out.find("<script") == std::string::npos);
}

TEST_CASE("klima national: a wrong command line is exit 2 and names the flag", "[national]") {
    const auto k = run_cli("national --kommune 9999");
    CHECK(k.exit_code == 2);
    CHECK_THAT(k.err, Contains("--kommune") && Contains("no municipality '9999'"));
    const auto f = run_cli("national --format pdf");
    CHECK(f.exit_code == 2);
    CHECK_THAT(f.err, Contains("--format"));
}

TEST_CASE("national import-api replaces a municipality's year and adds a new one", "[national]") {
    TempDir dir;
    const auto data = copy_data(dir);
    const auto answer = klima::test::fixture("national/answer-synthetic.json");
    const auto r = run_cli("national import-api " + answer + " --kommune 0259 --year 2023 --data-dir " + data);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("replaced 0259 2023"));
    const auto emissions = read(data + "/national/municipal-emissions-2018-2023.csv");
    CHECK_THAT(emissions, Contains("0259,Køge,2023,affald,4500\n"));
    CHECK_THAT(emissions, Contains("0259,Køge,2023,samlet,335000\n"));
    CHECK(emissions.find("375121.8") == std::string::npos);  // the old 2023 total is gone
    // The rest still reads, with Køge's new 2023 total.
    const auto j = nlohmann::json::parse(run_cli("national --kommune 0259 --format json --data-dir " + data).out);
    CHECK(j["municipality"]["total_t"][5] == 335000.0);
    // A 2024 answer for one municipality only: added, and then the data lacks 2024 for the others.
    REQUIRE(run_cli("national import-api " + answer + " --kommune 0259 --year 2024 --data-dir " + data).exit_code == 0);
    const auto missing = run_cli("national --data-dir " + data);
    CHECK(missing.exit_code == 1);
    CHECK_THAT(missing.err, Contains("has no total (samlet) for 2024") && Contains("import-api"));
}

TEST_CASE("national import-api: an unknown code or a bad answer changes nothing", "[national]") {
    TempDir dir;
    const auto data = copy_data(dir);
    const auto before = read(data + "/national/municipal-emissions-2018-2023.csv");
    const auto answer = klima::test::fixture("national/answer-synthetic.json");
    const auto r = run_cli("national import-api " + answer + " --kommune 0999 --year 2023 --data-dir " + data);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Contains("unknown municipality code '0999'"));
    const auto bad = dir.write("bad.json", R"({"data": [{"sektor": "Energi", "type": "x", "enhed": "Ton CO2e"}]})");
    const auto b = run_cli("national import-api " + bad + " --kommune 0259 --year 2023 --data-dir " + data);
    CHECK(b.exit_code == 1);
    CHECK_THAT(b.err, Contains("bad.json: field '/data/0/værdi'"));
    CHECK(read(data + "/national/municipal-emissions-2018-2023.csv") == before);
}

TEST_CASE("national import-api: when the second file cannot be written, the first is not replaced either",
          "[national]") {
    TempDir dir;
    const auto data = copy_data(dir);
    const auto emissions = data + "/national/municipal-emissions-2018-2023.csv";
    const auto per_capita = data + "/national/municipal-per-capita-2018-2023.csv";
    const auto before = read(emissions), before_p = read(per_capita);
    std::filesystem::permissions(per_capita, std::filesystem::perms::owner_read | std::filesystem::perms::group_read |
                                                 std::filesystem::perms::others_read);  // 0444: not klima's to replace
    const auto answer = klima::test::fixture("national/answer-synthetic.json");
    const auto r = run_cli("national import-api " + answer + " --kommune 0259 --year 2023 --data-dir " + data);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Contains("municipal-per-capita-2018-2023.csv") && Contains("read-only"));
    CHECK(read(emissions) == before);  // both files of the vintage as they were
    CHECK(read(per_capita) == before_p);
    std::size_t files = 0;  // and no temporary file left beside them
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(data + "/national")) ++files;
    CHECK(files == 5);  // README.md, the two CSVs, municipalities.csv, municipalities.topo.json
}

TEST_CASE("GET /api/national and /api/municipality/{code} answer the command's JSON byte for byte", "[national]") {
    klima::serve::ServeConfig c;
    c.port = 0;
    c.data_dir = kRepo + "/data";
    c.scenarios_dir = kRepo + "/scenarios";
    klima::serve::Workbench bench(c);
    const int port = bench.bind();
    std::thread server([&] { bench.run(); });
    for (int i = 0; i < 500 && !bench.running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(2));
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(60, 0);
    const auto all = client.Get("/api/national");
    const auto one = client.Get("/api/municipality/0151");
    const auto none = client.Get("/api/municipality/0999");
    const auto page = client.Get("/national");
    const auto script = client.Get("/national.js");
    bench.stop();
    server.join();
    REQUIRE(all);
    CHECK(all->status == 200);
    CHECK(all->body == run_cli("national --format json").out);
    REQUIRE(one);
    CHECK(one->body == run_cli("national --kommune 0151 --format json").out);
    REQUIRE(none);
    CHECK(none->status == 404);
    CHECK_THAT(none->body, Contains("no municipality with code 0999"));
    REQUIRE(page);
    CHECK_THAT(page->body, Contains("<script src=\"/national.js\"></script>"));
    CHECK(page->body.find("<script>") == std::string::npos);  // no inline script under the workbench's CSP
    CHECK_THAT(page->body, Contains("href=\"/national/0259\""));
    REQUIRE(script);
    CHECK_THAT(script->body, Contains("national-table"));
}
