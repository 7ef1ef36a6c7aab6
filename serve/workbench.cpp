#include "workbench.hpp"

#include "handlers.hpp"
#include "national_routes.hpp"
#include "web_assets.hpp"

#include "klima/error.hpp"

#include <httplib.h>

#include <filesystem>

#include <sys/socket.h>

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
    if (!r.download_name.empty())
        res.set_header("Content-Disposition", "attachment; filename=\"" + r.download_name + "\"");
    for (const auto& [key, value] : r.headers) res.set_header(key, value);
    res.set_content(r.body, type.c_str());
}

// Debian's cpp-httplib is compiled with a listen backlog of 5: a burst of connections (the page's
// slider, the load test's 200 clients) overflows it, and the kernel drops handshakes until the
// clients give up. listen() again on the bound socket widens the queue (POSIX; Linux applies it).
class Server : public httplib::Server {
public:
    void widen_backlog() { ::listen(svr_sock_, SOMAXCONN); }
};

}  // namespace

struct Workbench::Impl {
    Handlers handlers;
    Server server;
    explicit Impl(ServeConfig c) : handlers(std::move(c)) {}
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
    impl_ = std::make_unique<Impl>(std::move(config));
    auto& s = impl_->server;
    const auto& h = impl_->handlers;
    s.set_payload_max_length(h.config().max_body_bytes);  // httplib answers a longer body 413 before reading it
    s.set_default_headers({{"X-Content-Type-Options", "nosniff"}, {"Cache-Control", "no-store"}});

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
    s.Post("/api/scenario/run", [&h](const httplib::Request& req, httplib::Response& res) {
        send(res, h.run(req.body, param(req, "name")));
    });
    s.Post("/api/report", [&h](const httplib::Request& req, httplib::Response& res) {
        send(res, h.report(req.body, param(req, "name"), param(req, "format").value_or("html"),
                           param(req, "year").value_or(""), param(req, "lang").value_or("da"),
                           param(req, "analysis").value_or("1")));
    });
    add_national_routes(s, h.config());  // the national monitor (serve/national_routes.cpp)
    // Whatever escapes a handler is answered 500; the worker thread and the server go on.
    s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        send(res,
             error_reply(500, "internal", "", "the request failed inside the server", "report this as a bug in klima"));
    });
    // Statuses httplib sets itself (404 no route, 413 too large, 400 unreadable request) get a JSON body too.
    s.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return;
        if (res.status == 413 &&
            req.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) == 0)
            send(res, error_reply(413, "usage", "body", "a form-encoded body is limited to 8 KiB",
                                  "send the scenario with Content-Type: application/json"));
        else if (res.status == 413)
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
    return port;
}

bool Workbench::run() { return impl_->server.listen_after_bind(); }

void Workbench::stop() {
    if (impl_) impl_->server.stop();
}

bool Workbench::running() const { return impl_->server.is_running(); }

}  // namespace klima::serve
