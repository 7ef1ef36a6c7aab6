#include "connections.hpp"

#include <algorithm>
#include <array>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace klima::serve {

using Clock = std::chrono::steady_clock;

// httplib's ThreadPool with a count of the tasks waiting for a worker, which the connection loop
// asks to decide whether to yield. Tasks run in the order given; after shutdown() the workers
// finish every task queued (a requeued connection is then closed, as the server has stopped).
class FairQueue : public httplib::TaskQueue {
public:
    explicit FairQueue(std::size_t workers) {
        for (std::size_t i = 0; i < workers; ++i) threads_.emplace_back([this] { work(); });
    }
    ~FairQueue() override { shutdown(); }

    void enqueue(std::function<void()> task) override {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            tasks_.push_back(std::move(task));
        }
        ready_.notify_one();
    }
    void shutdown() override {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (stopping_) return;
            stopping_ = true;
        }
        ready_.notify_all();
        for (auto& t : threads_) t.join();
    }
    std::size_t waiting() {
        std::lock_guard<std::mutex> lock(mutex_);
        return tasks_.size();
    }

private:
    void work() {
        for (;;) {
            std::function<void()> task;
            {
                std::unique_lock<std::mutex> lock(mutex_);
                ready_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
                if (tasks_.empty()) return;  // stopping, and nothing left
                task = std::move(tasks_.front());
                tasks_.pop_front();
            }
            task();
        }
    }

    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::function<void()>> tasks_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

namespace {

// Waits up to `timeout` for `events` on `sock`; false on a timeout or an error.
bool wait_for(int sock, short events, std::chrono::milliseconds timeout) {
    pollfd p{sock, events, 0};
    for (;;) {
        const int n = ::poll(&p, 1, static_cast<int>(std::max<std::chrono::milliseconds::rep>(0, timeout.count())));
        if (n < 0 && errno == EINTR) continue;
        return n > 0 && (p.revents & (events | POLLHUP)) != 0;
    }
}

void endpoint(const sockaddr_storage& addr, socklen_t len, std::string& ip, int& port) {
    std::array<char, NI_MAXHOST> host{};
    std::array<char, NI_MAXSERV> serv{};
    if (::getnameinfo(reinterpret_cast<const sockaddr*>(&addr), len, host.data(), host.size(), serv.data(), serv.size(),
                      NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
        ip = host.data();
        port = std::atoi(serv.data());
    }
}

// A socket read against a deadline: each read waits at most the idle limit, and none is
// served once the request's deadline has passed. Buffered, as httplib reads a request's
// line and headers one byte at a time.
class DeadlineStream final : public httplib::Stream {
public:
    DeadlineStream(int sock, Clock::time_point deadline, std::chrono::milliseconds idle,
                   std::chrono::milliseconds write_timeout)
        : sock_(sock), deadline_(deadline), idle_(idle), write_timeout_(write_timeout) {}

    bool is_readable() const override { return off_ < len_ || wait_for(sock_, POLLIN, read_wait()); }
    bool is_writable() const override { return wait_for(sock_, POLLOUT, write_timeout_); }

    ssize_t read(char* ptr, size_t size) override {
        if (off_ == len_) {
            if (Clock::now() >= deadline_ || !wait_for(sock_, POLLIN, read_wait())) {
                timed_out_ = true;
                return -1;
            }
            ssize_t n;
            do n = ::recv(sock_, buf_.data(), buf_.size(), 0);
            while (n < 0 && errno == EINTR);
            if (n <= 0) return n;
            off_ = 0;
            len_ = static_cast<std::size_t>(n);
        }
        const auto n = std::min(size, len_ - off_);
        std::memcpy(ptr, buf_.data() + off_, n);
        off_ += n;
        return static_cast<ssize_t>(n);
    }

    ssize_t write(const char* ptr, size_t size) override {
        if (!is_writable()) return -1;
        ssize_t n;
        do n = ::send(sock_, ptr, size, MSG_NOSIGNAL);
        while (n < 0 && errno == EINTR);
        return n;
    }

    void get_remote_ip_and_port(std::string& ip, int& port) const override {
        sockaddr_storage addr{};
        socklen_t len = sizeof(addr);
        if (::getpeername(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) endpoint(addr, len, ip, port);
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override {
        sockaddr_storage addr{};
        socklen_t len = sizeof(addr);
        if (::getsockname(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) endpoint(addr, len, ip, port);
    }
    socket_t socket() const override { return sock_; }
    // A read gave up: the idle limit or the deadline passed (httplib may still have answered 400).
    bool timed_out() const { return timed_out_; }

private:
    std::chrono::milliseconds read_wait() const {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now());
        return std::max(std::chrono::milliseconds(0), std::min(idle_, left));
    }

    int sock_;
    Clock::time_point deadline_;
    std::chrono::milliseconds idle_, write_timeout_;
    std::array<char, 16384> buf_{};
    std::size_t off_ = 0, len_ = 0;
    bool timed_out_ = false;
};

}  // namespace

ComputeGate::ComputeGate(std::size_t slots)
    : slots_(slots > 0 ? slots : std::max<std::size_t>(1, std::thread::hardware_concurrency())) {}

ComputeGate::Turn ComputeGate::enter() {
    std::unique_lock<std::mutex> lock(mutex_);
    if (waiting_.empty() && inside_ < slots_) {
        ++inside_;
        return Turn(*this);
    }
    Waiter me;
    waiting_.push_back(&me);
    me.wake.wait(lock, [&] { return me.admitted; });  // leave() counted this caller inside
    return Turn(*this);
}

void ComputeGate::leave() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (waiting_.empty()) {
        --inside_;
        return;
    }
    // The slot passes straight to the first in line: inside_ stays, and no later caller can take it.
    Waiter* next = waiting_.front();
    waiting_.pop_front();
    next->admitted = true;
    next->wake.notify_one();  // under the lock: `next` cannot return and leave its stack before this
}

Server::Server(ConnectionLimits limits) : limits_(limits), gate_(limits.compute_slots) {
    new_task_queue = [this] { return queue_ = new FairQueue(std::max<std::size_t>(1, limits_.workers)); };
}

void Server::widen_backlog() { ::listen(svr_sock_, SOMAXCONN); }

bool Server::process_and_close_socket(socket_t sock) {
    // A reply goes out in two writes (headers, then body): with Nagle's algorithm the body waits
    // for the client's ACK of the headers, which a client delays up to 40 ms (delayed ACK). On a
    // kept-open connection that was most of a recompute's latency.
    const int one = 1;
    ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    serve_connection(sock, std::max<std::size_t>(1, limits_.requests_per_connection));
    return true;
}

void Server::serve_connection(socket_t sock, std::size_t requests_left) {
    const auto write_timeout = std::chrono::milliseconds(write_timeout_sec_ * 1000 + write_timeout_usec_ / 1000);
    while (requests_left > 0 && svr_sock_ != INVALID_SOCKET) {
        // The next request's first byte, in slices so that stop() is noticed within 100 ms.
        bool arrived = false;
        for (auto waited = std::chrono::milliseconds(0);
             !arrived && waited < limits_.idle && svr_sock_ != INVALID_SOCKET; waited += std::chrono::milliseconds(100))
            arrived = wait_for(sock, POLLIN, std::min(std::chrono::milliseconds(100), limits_.idle - waited));
        if (!arrived) break;
        DeadlineStream stream(sock, Clock::now() + limits_.request_deadline, limits_.idle, write_timeout);
        bool closed = false;
        const bool ok = process_request(stream, requests_left == 1, closed, nullptr);
        --requests_left;
        if (!ok || closed || stream.timed_out()) break;
        if (requests_left > 0 && queue_ && queue_->waiting() > 0) {  // others wait: this one goes to the back
            queue_->enqueue([this, sock, requests_left] { serve_connection(sock, requests_left); });
            return;
        }
    }
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
}

}  // namespace klima::serve
