#include "workbench.hpp"

#include "connections.hpp"
#include "handlers.hpp"
#include "national_routes.hpp"
#include "web_assets.hpp"

#include "klima/draws.hpp"
#include "klima/error.hpp"
#include "klima/executor.hpp"

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <thread>

namespace klima::serve {
namespace {

std::optional<std::string> param(const httplib::Request& req, const char* key) {
    if (!req.has_param(key)) return std::nullopt;
    return req.get_param_value(key);
}

// JSON goes out as "application/json; charset=utf-8", which Debian's cpp-httplib (0.11) does not
// compress: for "application/json" it would answer a browser (Accept-Encoding: br) with Brotli at
// quality 11, which took 1.8 s of the 2 s a 42-measure recompute took (docs/performance.md). On
// loopback the 0.7 MB of a run answer cost nothing to send as it is.
void send(httplib::Response& res, const Reply& r) {
    res.status = r.status;
    const auto type =
        r.content_type == "application/json" ? std::string("application/json; charset=utf-8") : r.content_type;
    if (!r.download_name.empty()) res.set_header("Content-Disposition", content_disposition(r.download_name));
    for (const auto& [key, value] : r.headers) res.set_header(key, value);
    res.set_content(r.body, type.c_str());
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// The media type of a Content-Type value, without parameters and blanks, in lower case.
std::string media_type(const std::string& content_type) {
    auto type = lower(content_type.substr(0, content_type.find(';')));
    type.erase(std::remove_if(type.begin(), type.end(), [](unsigned char c) { return std::isspace(c); }), type.end());
    return type;
}

// The Host values of requests the server answers: the loopback names and the address it is bound
// to (an IPv6 address in brackets), each with the port; without it too for port 80, which a
// browser leaves out of Host and Origin. Lower case.
std::set<std::string> allowed_hosts(const std::string& bound_host, int port) {
    const auto bound = lower(bound_host);
    std::set<std::string> names{"127.0.0.1", "localhost", "[::1]"};
    names.insert(bound.find(':') != std::string::npos && bound.front() != '[' ? "[" + bound + "]" : bound);
    std::set<std::string> out;
    for (const auto& name : names) {
        std::string with_port = name;
        with_port += ':';
        with_port += std::to_string(port);
        out.insert(with_port);
        if (port == 80) out.insert(name);
    }
    return out;
}

// The page loads only its own script and style; nothing inline, nothing from elsewhere, no frames.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

}  // namespace

struct Workbench::Impl {
    ThreadPool analysis_pool;  // shared by every report's Monte Carlo and the national bootstrap
    Handlers handlers;
    Server server;
    std::set<std::string> hosts;  // the Host values the server answers to (lower case), set by bind()
    explicit Impl(ServeConfig c)
        : analysis_pool(analysis_threads(c)),
          handlers(std::move(c), analysis_pool),
          server(limits_of(handlers.config())) {}
    static int analysis_threads(const ServeConfig& c) {
        const std::size_t n = c.analysis_threads ? c.analysis_threads : std::thread::hardware_concurrency();
        return static_cast<int>(std::clamp<std::size_t>(n, 1, kMaxThreads));
    }
    static ConnectionLimits limits_of(const ServeConfig& c) {
        return {c.idle_timeout, c.request_deadline, c.requests_per_connection, c.workers, c.compute_slots};
    }

    // The threat model of docs/reliability.md: any web page the planner opens may send requests
    // to this server. A Host other than the bound address (DNS rebinding), an Origin other than
    // the server's own and a POST that is not JSON (a form or a "simple" cross-site request that
    // needs no preflight) are refused before the route runs.
    std::optional<Reply> refusal(const httplib::Request& req) const {
        const auto host = lower(req.get_header_value("Host"));
        if (!hosts.count(host))
            return error_reply(
                403, "usage", "Host",
                "the Host '" + req.get_header_value("Host") + "' is not the address this workbench listens on",
                "open the workbench at the address klima serve printed");
        if (req.has_header("Origin") && lower(req.get_header_value("Origin")) != "http://" + host)
            return error_reply(403, "usage", "Origin",
                               "a request from the page of another site ('" + req.get_header_value("Origin") + "')",
                               "use the workbench from its own page");
        if (req.method == "POST" && media_type(req.get_header_value("Content-Type")) != "application/json")
            return error_reply(415, "usage", "Content-Type", "the request body is not sent as application/json",
                               "send the body with Content-Type: application/json");
        if (req.method != "GET" && req.method != "HEAD" && req.method != "POST")
            return error_reply(405, "usage", "method", "the workbench answers GET and POST only",
                               "see docs/workbench.md for the routes");
        return std::nullopt;
    }
};

Workbench::Workbench(ServeConfig config) {
    for (const auto* dir : {&config.data_dir, &config.scenarios_dir})
        if (!std::filesystem::is_directory(*dir))
            throw Error({*dir, 0, ""}, "not a directory", "give the folder's path", ErrorKind::usage)
                .about(dir == &config.data_dir ? Subject::data_dir : Subject::none);
    if (config.store && !std::filesystem::is_regular_file(*config.store))
        throw Error({*config.store, 0, ""}, "no store at this path", "create one by importing the activity into it",
                    ErrorKind::usage)
            .about(Subject::store_contents);
    // A store this klima cannot use (a newer schema, a file that is not a store) is refused before
    // anything listens, with the store's own reason, rather than answered 500 on every request:
    // the handlers open the store's read pool (klima/store/read_pool.hpp) as they are made.
    impl_ = std::make_unique<Impl>(std::move(config));
    auto& s = impl_->server;
    const auto& h = impl_->handlers;
    s.set_payload_max_length(h.config().max_body_bytes);  // httplib answers a longer body 413 before reading it
    s.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                           {"Cache-Control", "no-store"},
                           {"Content-Security-Policy", kContentSecurityPolicy},
                           {"X-Frame-Options", "DENY"},
                           {"Referrer-Policy", "no-referrer"},
                           {"Cross-Origin-Resource-Policy", "same-origin"}});
    s.set_pre_routing_handler([impl = impl_.get()](const httplib::Request& req, httplib::Response& res) {
        const auto refused = impl->refusal(req);
        if (!refused) return httplib::Server::HandlerResponse::Unhandled;
        send(res, *refused);
        res.set_header("Connection", "close");  // its body, if any, is not read
        return httplib::Server::HandlerResponse::Handled;
    });

    for (std::size_t i = 0; i < kWebAssetCount; ++i) {
        const auto& a = kWebAssets[i];
        s.Get(std::string(a.path), [&a](const httplib::Request&, httplib::Response& res) {
            res.set_content(a.bytes.data(), a.bytes.size(), std::string(a.content_type).c_str());
        });
    }
    s.Get("/api/scenarios", [&h](const httplib::Request&, httplib::Response& res) { send(res, h.list_scenarios()); });
    s.Get("/api/scenario", [&h](const httplib::Request& req, httplib::Response& res) {
        send(res, h.scenario(param(req, "name").value_or("")));
    });
    s.Get("/api/scenario/versions", [&h](const httplib::Request& req, httplib::Response& res) {
        send(res, h.versions(param(req, "name").value_or("")));
    });
    s.Post("/api/scenario/save", [&h](const httplib::Request& req, httplib::Response& res) {
        send(res, h.save(req.body, param(req, "name").value_or("")));
    });
    // The routes that compute wait their turn at the gate (serve/connections.hpp); the reply is
    // written after the turn is given back.
    auto& gate = s.compute_gate();
    s.Post("/api/scenario/run", [&h, &gate](const httplib::Request& req, httplib::Response& res) {
        const auto turn = gate.enter();
        send(res, h.run(req.body, param(req, "name")));
    });
    s.Post("/api/report", [&h, &gate](const httplib::Request& req, httplib::Response& res) {
        const auto turn = gate.enter();
        send(res, h.report(req.body, param(req, "name"), param(req, "format").value_or("html"),
                           param(req, "year").value_or(""), param(req, "lang").value_or("da"),
                           param(req, "analysis").value_or("1")));
    });
    add_national_routes(s, h.config(), impl_->analysis_pool);  // the national monitor (serve/national_routes.cpp)
    // Whatever escapes a handler is answered 500; the worker thread and the server go on.
    s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        send(res,
             error_reply(500, "internal", "", "the request failed inside the server", "report this as a bug in klima"));
    });
    // Statuses httplib sets itself (404 no route, 413 too large, 400 unreadable request) get a JSON body too.
    s.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return;
        if (res.status == 413)
            send(res, error_reply(413, "usage", "body", "the request body is larger than the server accepts",
                                  "send a smaller scenario"));
        else if (res.status == 404)
            send(res, error_reply(404, "usage", "path", "no such page or API route: " + req.path,
                                  "see docs/workbench.md for the routes"));
        else send(res, error_reply(res.status, "usage", "", "the request could not be served", "check the request"));
    });
}

Workbench::~Workbench() { stop(); }

int Workbench::bind() {
    const auto& c = impl_->handlers.config();
    const int port = c.port == 0 ? impl_->server.bind_to_any_port(c.host)
                                 : (impl_->server.bind_to_port(c.host, c.port) ? c.port : -1);
    if (port < 0)
        throw Error({c.host + ":" + std::to_string(c.port), 0, ""}, "cannot listen on this address",
                    "choose another port, or stop what uses it", ErrorKind::io);
    impl_->server.widen_backlog();
    impl_->hosts = allowed_hosts(c.host, port);
    return port;
}

bool Workbench::run() { return impl_->server.listen_after_bind(); }

void Workbench::stop() {
    if (impl_) impl_->server.stop();
}

bool Workbench::running() const { return impl_->server.is_running(); }

}  // namespace klima::serve
