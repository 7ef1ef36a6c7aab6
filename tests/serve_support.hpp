// A workbench served on 127.0.0.1 and a free port by a thread, for the tests that talk to it
// over HTTP (test_serve_hostile.cpp, test_serve_slow.cpp).
#pragma once

#include "serve/workbench.hpp"

#include <httplib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <thread>

namespace klima::test {

inline const std::string kServeRepo = std::filesystem::path(KLIMA_DEFAULT_DATA_DIR).parent_path().string();

inline std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

class ServedWorkbench {
public:
    explicit ServedWorkbench(std::optional<std::string> store = std::nullopt,
                             const std::function<void(serve::ServeConfig&)>& adjust = {}) {
        serve::ServeConfig c;
        c.store = std::move(store);
        c.port = 0;
        c.data_dir = kServeRepo + "/data";
        c.scenarios_dir = kServeRepo + "/scenarios";
        if (adjust) adjust(c);
        bench_ = std::make_unique<serve::Workbench>(c);
        port_ = bench_->bind();
        thread_ = std::thread([this] { bench_->run(); });
        for (int i = 0; i < 500 && !bench_->running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    ~ServedWorkbench() {
        bench_->stop();
        thread_.join();
    }
    ServedWorkbench(const ServedWorkbench&) = delete;
    ServedWorkbench& operator=(const ServedWorkbench&) = delete;

    int port() const { return port_; }
    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port_);
        c.set_read_timeout(60, 0);
        return c;
    }

private:
    std::unique_ptr<serve::Workbench> bench_;
    int port_ = 0;
    std::thread thread_;
};

}  // namespace klima::test
