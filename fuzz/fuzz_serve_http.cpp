// The workbench's HTTP surface (klima serve): method, path and query, headers and body, sent
// over loopback to one server that runs for the whole fuzzing session, without a store and
// with the bundled scenarios. The input is "METHOD\nPATH\nHeader: value\n…\n\nBODY"; the
// target adds Host (the server's own, unless the input gives one), Content-Length and
// Connection: close, so that most inputs reach the routes rather than the Host check.
// A finding: a crash or sanitizer report (the server runs in this process), a hang (libFuzzer's
// -timeout), or an answer 500 or above, which the workbench sends only for a bug in klima.
#include "serve/workbench.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <thread>

namespace {

struct Served {
    std::unique_ptr<klima::serve::Workbench> bench;
    int port = 0;
    std::thread thread;
};

Served& server() {
    static Served* s = [] {
        const auto repo = std::filesystem::path(KLIMA_DEFAULT_DATA_DIR).parent_path().string();
        klima::serve::ServeConfig c;
        c.port = 0;
        c.data_dir = repo + "/data";
        c.scenarios_dir = repo + "/scenarios";
        auto* out = new Served;  // lives until the process ends, as the fuzzing session
        out->bench = std::make_unique<klima::serve::Workbench>(c);
        out->port = out->bench->bind();
        out->thread = std::thread([b = out->bench.get()] { b->run(); });
        out->thread.detach();
        while (!out->bench->running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        return out;
    }();
    return *s;
}

std::string_view take_line(std::string_view& rest) {
    const auto nl = rest.find('\n');
    const auto line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    return line;
}

// The request the input describes, as bytes on the wire.
std::string request_of(std::string_view input, int port) {
    auto rest = input;
    const auto method = take_line(rest);
    const auto path = take_line(rest);
    std::string head = std::string(method) + " " + std::string(path) + " HTTP/1.1\r\n";
    bool has_host = false;
    for (auto line = take_line(rest); !line.empty(); line = take_line(rest)) {
        if (line.size() >= 5 && (line.substr(0, 5) == "Host:" || line.substr(0, 5) == "host:")) has_host = true;
        head.append(line).append("\r\n");
    }
    if (!has_host) head += "Host: 127.0.0.1:" + std::to_string(port) + "\r\n";
    head += "Content-Length: " + std::to_string(rest.size()) + "\r\nConnection: close\r\n\r\n";
    return head.append(rest);
}

// Sends `bytes` and reads the answer until the server closes; returns its status (0: none).
int exchange(const std::string& bytes, int port) {
    const int sock = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(sock, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
        std::perror("fuzz_serve_http: connect");
        std::abort();  // the server is gone
    }
    for (std::size_t sent = 0; sent < bytes.size();) {
        const auto n = ::send(sock, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) break;  // the server closed early (a refused request is not read): fine
        sent += static_cast<std::size_t>(n);
    }
    ::shutdown(sock, SHUT_WR);
    std::string answer;
    char buf[65536];
    pollfd p{sock, POLLIN, 0};
    while (::poll(&p, 1, 30000) > 0) {
        const auto n = ::recv(sock, buf, sizeof(buf), 0);
        if (n <= 0) break;
        if (answer.size() < 64) answer.append(buf, static_cast<std::size_t>(n));
    }
    ::close(sock);
    if (answer.size() < 12 || answer.compare(0, 5, "HTTP/") != 0) return 0;
    return std::atoi(answer.c_str() + 9);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto& s = server();
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const int status = exchange(request_of(input, s.port), s.port);
    if (status >= 500) {
        std::fprintf(stderr, "fuzz_serve_http: the workbench answered %d (a bug in klima)\n", status);
        std::abort();
    }
    return 0;
}
