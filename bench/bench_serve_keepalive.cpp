// Fairness of the workbench (klima serve) under load on kept-open connections (issue 26 item 4):
// CLIENTS clients (default 32), each on one kept-open connection, POST the same scenario to
// /api/scenario/run ROUNDS times (default 20) one after the other; prints p50, p99 and the
// slowest request. WORKERS (default: ServeConfig's) sets the server's worker threads, SLOTS the
// runs computing at once (default 0: one a core), to compare. The clients set TCP_NODELAY, as
// browsers do (without it each request waited up to 40 ms for a delayed ACK).
// Usage: build/bin/bench_serve_keepalive [SCENARIO (default koege.json)] [CLIENTS] [ROUNDS] [WORKERS] [SLOTS]
#include "serve/workbench.hpp"

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

}  // namespace

int main(int argc, char** argv) {
    const std::string name = argc > 1 ? argv[1] : "koege.json";
    const int clients = argc > 2 ? std::stoi(argv[2]) : 32;
    const int rounds = argc > 3 ? std::stoi(argv[3]) : 20;
    const auto repo = std::filesystem::path(KLIMA_DEFAULT_DATA_DIR).parent_path();
    klima::serve::ServeConfig c;
    c.port = 0;
    c.data_dir = (repo / "data").string();
    c.scenarios_dir = (repo / "scenarios").string();
    if (argc > 4) c.workers = static_cast<std::size_t>(std::stoi(argv[4]));
    if (argc > 5) c.compute_slots = static_cast<std::size_t>(std::stoi(argv[5]));
    std::ifstream in(repo / "scenarios" / name, std::ios::binary);
    const std::string body{std::istreambuf_iterator<char>(in), {}};
    klima::serve::Workbench bench(c);
    const int port = bench.bind();
    std::thread server([&] { bench.run(); });
    while (!bench.running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    const std::string path = "/api/scenario/run?name=" + name;

    std::mutex mutex;
    std::vector<double> latency;
    std::atomic<int> errors{0};
    std::vector<std::thread> threads;
    const auto start = Clock::now();
    for (int i = 0; i < clients; ++i)
        threads.emplace_back([&] {
            httplib::Client client("127.0.0.1", port);
            client.set_keep_alive(true);
            client.set_tcp_nodelay(true);  // as browsers do: the body is not held back for an ACK
            client.set_read_timeout(300, 0);
            for (int k = 0; k < rounds; ++k) {
                const auto t0 = Clock::now();
                const auto r = client.Post(path.c_str(), body, "application/json");
                const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
                if (!r || r->status != 200) ++errors;
                std::lock_guard<std::mutex> lock(mutex);
                latency.push_back(ms);
            }
        });
    for (auto& t : threads) t.join();
    const double all = std::chrono::duration<double>(Clock::now() - start).count();
    bench.stop();
    server.join();
    std::printf(
        "%s, %d clients x %d requests on kept-open connections, %zu workers, %zu compute slots: p50 %.0f ms, p99 %.0f "
        "ms, "
        "max %.0f ms, all in %.1f s, %d errors\n",
        name.c_str(), clients, rounds, c.workers, c.compute_slots, percentile(latency, 0.5), percentile(latency, 0.99),
        percentile(latency, 1.0), all, errors.load());
    return errors ? 1 : 0;
}
