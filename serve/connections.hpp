// How the workbench's HTTP server holds its connections: cpp-httplib's server with its
// connection loop replaced, so that no client can hold a worker for long. Each request must
// arrive whole (line, headers, body) within a deadline from its first byte, with no pause
// between bytes longer than the idle limit; an idle kept-open connection is closed after the
// idle limit; and a worker that has answered one request on a kept-open connection goes to the
// next waiting connection first when any wait (round robin), so that 8 busy connections cannot
// keep the workers from the others. Knows nothing of routes; workbench.cpp sets those.
#pragma once

#include <httplib.h>

#include <chrono>
#include <cstddef>

namespace klima::serve {

struct ConnectionLimits {
    std::chrono::milliseconds idle{2000};               // no byte for this long: the connection is closed
    std::chrono::milliseconds request_deadline{10000};  // a request's line, headers and body, from its first byte
    std::size_t requests_per_connection = 100;          // then the connection is closed (Connection: close)
    std::size_t workers = 32;                           // threads answering requests
};

class FairQueue;

// Not copyable; used as httplib::Server is: set routes, bind, listen_after_bind(), stop() from
// another thread. widen_backlog() after binding.
class Server : public httplib::Server {
public:
    explicit Server(ConnectionLimits limits);
    // Debian's cpp-httplib is compiled with a listen backlog of 5: a burst of connections (the
    // page's slider, the load test's 200 clients) overflows it, and the kernel drops handshakes
    // until the clients give up. listen() again on the bound socket widens the queue (POSIX).
    void widen_backlog();

private:
    bool process_and_close_socket(socket_t sock) override;  // httplib's hook, called on a worker
    // Answers requests on `sock` until it closes, idles, or others wait; then closes or requeues it.
    void serve_connection(socket_t sock, std::size_t requests_left);

    ConnectionLimits limits_;
    FairQueue* queue_ = nullptr;  // made by new_task_queue, owned and deleted by httplib
};

}  // namespace klima::serve
