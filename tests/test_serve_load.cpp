// The workbench under load, in CI (ctest serve_load, not in the default test run): 200 clients at
// once POST scenarios/koege.json to /api/scenario/run on loopback; every answer must be 200 and
// byte for byte what `klima scenario run --format json` prints. No timing is asserted: the
// latencies are measured by bench/bench_serve_load.cpp (docs/performance.md).
#include "support.hpp"

#include "serve/workbench.hpp"

#include <httplib.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace {

const std::string kRepo = std::filesystem::path(KLIMA_DEFAULT_DATA_DIR).parent_path().string();

// KLIMA_SERVE_LOAD_CLIENTS overrides the 200 (the sanitizer build of .ci may lower it; see docs/workbench.md).
int clients() {
    const char* env = std::getenv("KLIMA_SERVE_LOAD_CLIENTS");
    return env ? std::max(1, std::atoi(env)) : 200;
}

}  // namespace

TEST_CASE("serve load: 200 concurrent recomputes of koege.json all answer what klima scenario run prints",
          "[.serve_load]") {
    const auto file = kRepo + "/scenarios/koege.json";
    const auto cli = klima::test::run_cli("scenario run " + file + " --format json");
    REQUIRE(cli.exit_code == 0);
    std::ifstream in(file, std::ios::binary);
    const std::string body{std::istreambuf_iterator<char>(in), {}};

    klima::serve::ServeConfig c;
    c.port = 0;
    c.data_dir = kRepo + "/data";
    c.scenarios_dir = kRepo + "/scenarios";
    klima::serve::Workbench bench(c);
    const int port = bench.bind();
    std::thread server([&] { bench.run(); });
    for (int i = 0; i < 5000 && !bench.running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));

    const int n = clients();
    std::vector<int> status(static_cast<std::size_t>(n), -1);
    std::vector<std::string> answers(static_cast<std::size_t>(n));
    std::vector<std::thread> threads;
    for (int i = 0; i < n; ++i)
        threads.emplace_back([&, i] {
            httplib::Client client("127.0.0.1", port);
            client.set_connection_timeout(120, 0);
            client.set_read_timeout(120, 0);
            const auto r = client.Post("/api/scenario/run?name=koege.json", body, "application/json");
            const auto k = static_cast<std::size_t>(i);
            if (r) {
                status[k] = r->status;
                answers[k] = r->body;
            } else {
                answers[k] = httplib::to_string(r.error());
            }
        });
    for (auto& t : threads) t.join();
    bench.stop();
    server.join();

    int wrong = 0;
    for (int i = 0; i < n; ++i) {
        const auto k = static_cast<std::size_t>(i);
        if (status[k] == 200 && answers[k] == cli.out) continue;
        if (++wrong <= 3)
            UNSCOPED_INFO("request " << i << ": status " << status[k] << ", " << answers[k].substr(0, 200));
    }
    CHECK(wrong == 0);
}
