// A bounded load test of the workbench (klima serve) on loopback: N clients at
// once (default 200) each POST the same scenario to /api/scenario/run; every
// answer must be 200 and identical to the first. Prints the latency of one
// request alone, then p50, p95 and the slowest of the concurrent ones.
// Usage: build/bin/bench_serve_load [SCENARIO (default koege-plan.json)] [CLIENTS]
#include "serve/workbench.hpp"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

}  // namespace

int main(int argc, char** argv) {
    const std::string name = argc > 1 ? argv[1] : "koege-plan.json";
    const int clients = argc > 2 ? std::stoi(argv[2]) : 200;
    const auto repo = std::filesystem::path(KLIMA_DEFAULT_DATA_DIR).parent_path();
    klima::serve::ServeConfig c;
    c.port = 0;
    c.data_dir = (repo / "data").string();
    c.scenarios_dir = (repo / "scenarios").string();
    std::ifstream in(repo / "scenarios" / name, std::ios::binary);
    const std::string body{std::istreambuf_iterator<char>(in), {}};
    klima::serve::Workbench bench(c);
    const int port = bench.bind();
    std::thread server([&] { bench.run(); });
    while (!bench.running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    const std::string path = "/api/scenario/run?name=" + name;

    auto post = [&](std::string& answer) {
        httplib::Client client("127.0.0.1", port);
        client.set_read_timeout(300, 0);
        client.set_connection_timeout(60, 0);
        const auto r = client.Post(path.c_str(), body, "application/json");
        if (!r) {
            answer = "no answer: " + httplib::to_string(r.error());
            return -1;
        }
        answer = r->body;
        return r->status;
    };
    std::string reference;
    std::vector<double> alone;
    for (int i = 0; i < 5; ++i) {
        const auto t0 = Clock::now();
        if (post(reference) != 200) {
            std::fprintf(stderr, "bench_serve_load: %s is not answered 200: %s\n", name.c_str(), reference.c_str());
            return 1;
        }
        alone.push_back(ms_since(t0));
    }

    std::vector<double> latency(clients);
    std::vector<int> status(clients);
    std::vector<std::string> answers(clients);
    std::vector<std::thread> threads;
    const auto start = Clock::now();
    for (int i = 0; i < clients; ++i)
        threads.emplace_back([&, i] {
            const auto t0 = Clock::now();
            status[i] = post(answers[i]);
            latency[i] = ms_since(t0);
        });
    for (auto& t : threads) t.join();
    const double wall = ms_since(start);
    bench.stop();
    server.join();

    int errors = 0;
    for (int i = 0; i < clients; ++i)
        if (status[i] != 200 || answers[i] != reference) {
            if (errors++ < 3) std::fprintf(stderr, "request %d: status %d, %.200s\n", i, status[i], answers[i].c_str());
        }
    std::printf("%s, %u hardware threads\n", name.c_str(), std::thread::hardware_concurrency());
    std::printf("one request alone:        median %8.1f ms (5 in a row)\n", percentile(alone, 0.5));
    std::printf("%d concurrent requests:  p50 %8.1f ms   p95 %8.1f ms   max %8.1f ms   all in %8.1f ms   errors %d\n",
                clients, percentile(latency, 0.5), percentile(latency, 0.95), percentile(latency, 1.0), wall, errors);
    return errors == 0 ? 0 : 1;
}
