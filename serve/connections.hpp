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
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <utility>

namespace klima::serve {

struct ConnectionLimits {
    std::chrono::milliseconds idle{2000};               // no byte for this long: the connection is closed
    std::chrono::milliseconds request_deadline{10000};  // a request's line, headers and body, from its first byte
    std::size_t requests_per_connection = 100;          // then the connection is closed (Connection: close)
    std::size_t workers = 32;                           // threads answering requests
    // Requests computing at once (ComputeGate); 0: one a core of the machine.
    std::size_t compute_slots = 0;
};

class FairQueue;

// Admits the requests that compute (a scenario run, a report) to at most `slots` at once, in the
// order they asked: first come, first served. Thirty-two runs at once on two cores each take
// sixteen times as long, and which finishes first is the scheduler's choice; through the gate each
// waits its turn and then runs on a core of its own, so that the slowest wait is a queue's length,
// not a lottery. A caller waits on a worker thread, so no more wait than there are workers; the
// request has been read whole before it asks (no client can hold a slot by sending slowly).
// Thread-safe.
class ComputeGate {
public:
    explicit ComputeGate(std::size_t slots);
    // Held while computing; the slot is given to the next in line when it is destroyed.
    class Turn {
    public:
        explicit Turn(ComputeGate& gate) : gate_(&gate) {}
        Turn(Turn&& other) noexcept : gate_(std::exchange(other.gate_, nullptr)) {}
        Turn(const Turn&) = delete;
        Turn& operator=(const Turn&) = delete;
        Turn& operator=(Turn&&) = delete;
        ~Turn() {
            if (gate_) gate_->leave();
        }

    private:
        ComputeGate* gate_;
    };
    // Blocks until every earlier caller has entered and a slot is free.
    Turn enter();

private:
    // One waiting caller: woken alone when leave() hands it a slot, so a slot given back wakes
    // one thread, not every waiting one (32 workers woke each other to find it was not their turn).
    struct Waiter {
        std::condition_variable wake;
        bool admitted = false;
    };
    void leave();
    std::mutex mutex_;
    std::deque<Waiter*> waiting_;  // in arrival order; each lives on its caller's stack
    std::size_t inside_ = 0;
    const std::size_t slots_;
};

// Not copyable; used as httplib::Server is: set routes, bind, listen_after_bind(), stop() from
// another thread. widen_backlog() after binding.
class Server : public httplib::Server {
public:
    explicit Server(ConnectionLimits limits);
    // Debian's cpp-httplib is compiled with a listen backlog of 5: a burst of connections (the
    // page's slider, the load test's 200 clients) overflows it, and the kernel drops handshakes
    // until the clients give up. listen() again on the bound socket widens the queue (POSIX).
    void widen_backlog();
    // The gate of the requests that compute, sized by ConnectionLimits::compute_slots.
    ComputeGate& compute_gate() { return gate_; }

private:
    bool process_and_close_socket(socket_t sock) override;  // httplib's hook, called on a worker
    // Answers requests on `sock` until it closes, idles, or others wait; then closes or requeues it.
    void serve_connection(socket_t sock, std::size_t requests_left);

    ConnectionLimits limits_;
    ComputeGate gate_;
    FairQueue* queue_ = nullptr;  // made by new_task_queue, owned and deleted by httplib
};

}  // namespace klima::serve
