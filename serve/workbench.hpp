// The planner workbench: `klima serve`'s HTTP server. A thin layer over the
// engine's facades (klima/api/scenario.hpp, klima/api/report.hpp): each route
// reads its query and body, calls serve/handlers.hpp, and writes the reply.
// The page (serve/web/) is compiled into the binary. Knows nothing of CLI flags.
#pragma once

#include "klima/factors.hpp"

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

namespace klima::serve {

struct ServeConfig {
    std::string host = "127.0.0.1";    // loopback unless the caller asks otherwise
    int port = 8080;                   // 0: any free port (bind() says which)
    std::string data_dir;              // reference data; scenario inputs may lie under it
    std::string scenarios_dir;         // the scenarios listed and served; edited scenarios are anchored here
    std::optional<std::string> store;  // activity from this inventory store instead of the scenarios' files
    ChpAllocation allocation = ChpAllocation::declared;
    std::size_t max_body_bytes = 2 * 1024 * 1024;  // a larger request body is answered 413
    // Slow clients (docs/reliability.md): a connection is closed when no byte arrives for idle_timeout,
    // and when a request's line, headers and body have not all arrived within request_deadline of its
    // first byte; a kept-open connection answers at most requests_per_connection requests.
    std::chrono::milliseconds idle_timeout{2000};
    std::chrono::milliseconds request_deadline{10000};
    std::size_t requests_per_connection = 100;
    std::size_t workers = 32;  // threads answering requests; a connection yields its worker when others wait
    // Runs and reports computing at once, the others queued first come, first served; 0: one a core.
    std::size_t compute_slots = 0;
    // Threads of the one pool every report's Monte Carlo and the national bootstrap run on (shared:
    // two analyses take turns on it, each on all its threads); 0: one a core. Results do not depend on it.
    std::size_t analysis_threads = 0;
};

// Owns the HTTP server. bind() and then run() (blocking) or stop() from another
// thread; every request is handled on the server's own worker threads, and an
// exception in one is answered 500 without stopping the others.
class Workbench {
public:
    // Throws klima::Error (kind usage) when data_dir or scenarios_dir is not a directory.
    explicit Workbench(ServeConfig config);
    ~Workbench();
    Workbench(const Workbench&) = delete;
    Workbench& operator=(const Workbench&) = delete;

    // Binds host:port and returns the port bound; throws klima::Error (kind io) when it cannot.
    int bind();
    // Serves until stop(); returns false when listening failed.
    bool run();
    // Safe to call from any thread, also before run().
    void stop();
    bool running() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace klima::serve
