// Slow clients against the workbench (issue 20 item 7): connections that send a request's
// headers a line at a time must not keep the workers from everyone else. Each case is a
// bounded loop on loopback; the waits asserted are generous bounds, not measurements.
#include "serve_support.hpp"
#include "support.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

using klima::test::ServedWorkbench;
using Clock = std::chrono::steady_clock;

namespace {

// A client that has sent a request line and then sends one header line at a time.
class Trickler {
public:
    explicit Trickler(int port) : sock_(::socket(AF_INET, SOCK_STREAM, 0)) {
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<std::uint16_t>(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::connect(sock_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0);
        send("GET /api/scenarios HTTP/1.1\r\n");
    }
    ~Trickler() { ::close(sock_); }
    Trickler(const Trickler&) = delete;
    Trickler& operator=(const Trickler&) = delete;

    void send(const std::string& s) { closed_ = closed_ || ::send(sock_, s.data(), s.size(), MSG_NOSIGNAL) <= 0; }
    void next_line() { send("X-Slow: " + std::to_string(++lines_) + "\r\n"); }
    // True once the server has closed the connection (recv sees the end, or an error).
    bool closed_by_server() {
        pollfd p{sock_, POLLIN, 0};
        while (!closed_ && ::poll(&p, 1, 0) > 0) {
            char buf[4096];
            if (::recv(sock_, buf, sizeof(buf), MSG_DONTWAIT) <= 0) closed_ = true;
        }
        return closed_;
    }

private:
    int sock_;
    int lines_ = 0;
    bool closed_ = false;
};

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

}  // namespace

TEST_CASE("serve: eight clients trickling a header line every 3 s do not block the workbench", "[serve][slow]") {
    ServedWorkbench server;  // the defaults: 2 s idle limit, 32 workers
    std::vector<std::unique_ptr<Trickler>> slow;
    for (int i = 0; i < 8; ++i) slow.push_back(std::make_unique<Trickler>(server.port()));
    // issue 20: a request took 25 s while they trickled. Now it is answered at once…
    auto client = server.client();
    auto t0 = Clock::now();
    const auto r = client.Get("/api/scenarios");
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(seconds_since(t0) < 1.5);
    // …and each trickler is closed when it has sent nothing for 2 s, before its next line at 3 s.
    t0 = Clock::now();
    bool all_closed = false;
    while (!all_closed && seconds_since(t0) < 6) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        all_closed = true;
        for (auto& s : slow) all_closed = s->closed_by_server() && all_closed;
    }
    CHECK(all_closed);
    CHECK(seconds_since(t0) < 3.0);  // closed by the 2 s idle limit, not after a 3 s line
}

TEST_CASE("serve: a client trickling within the idle limit is closed at the request deadline", "[serve][slow]") {
    // Two workers, both taken by clients that send a header line every 200 ms (under the 1 s idle
    // limit); the request deadline of 1.5 s closes them, and a waiting request is then answered.
    ServedWorkbench server(std::nullopt, [](klima::serve::ServeConfig& c) {
        c.workers = 2;
        c.idle_timeout = std::chrono::milliseconds(1000);
        c.request_deadline = std::chrono::milliseconds(1500);
    });
    std::vector<std::unique_ptr<Trickler>> slow;
    for (int i = 0; i < 2; ++i) slow.push_back(std::make_unique<Trickler>(server.port()));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // both are with a worker
    std::thread waiting([&] {
        auto client = server.client();
        const auto t0 = Clock::now();
        const auto r = client.Get("/api/scenarios");
        CHECK(r);
        if (r) CHECK(r->status == 200);
        CHECK(seconds_since(t0) < 5.0);  // the deadline (1.5 s) and a little: without it, never
    });
    const auto t0 = Clock::now();
    bool all_closed = false;
    for (int tick = 0; tick < 40 && !all_closed; ++tick) {  // at most 8 s of 200 ms lines
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        all_closed = true;
        for (auto& s : slow) {
            if (!s->closed_by_server()) s->next_line();
            all_closed = s->closed_by_server() && all_closed;
        }
    }
    waiting.join();
    CHECK(all_closed);
    CHECK(seconds_since(t0) < 4.0);
}
