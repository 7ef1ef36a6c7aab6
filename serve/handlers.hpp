// What each route of the workbench answers, as plain functions of the
// request's query and body: they check names and paths against the sandbox,
// call the engine's facades and render as `klima` does. No HTTP types here,
// so that the layer in workbench.cpp stays a table of routes.
#pragma once

#include "sandbox.hpp"
#include "workbench.hpp"

#include <optional>
#include <string>

namespace klima::serve {

struct Reply {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::string download_name;  // set: sent as an attachment with this file name
};

// A JSON error body {"error": {kind, file, line, path, problem, fix, message}}.
Reply error_reply(int status, const std::string& kind, const std::string& field, const std::string& problem,
                  const std::string& fix);

// Every handler may be called concurrently; none throws (errors are replies).
class Handlers {
public:
    explicit Handlers(ServeConfig config);

    // GET /api/scenarios: [{file, name, municipality, measures}] of the scenarios folder.
    Reply list_scenarios() const;
    // GET /api/scenario?name=: the scenario file's text.
    Reply scenario(const std::string& name) const;
    // POST /api/scenario/run?name=: the scenario in `body` run as `klima scenario run FILE --format json`
    // runs FILE = the scenarios folder / name (default "workbench.json"), byte for byte.
    Reply run(const std::string& body, const std::optional<std::string>& name) const;
    // POST /api/report?format=html|xlsx|json&year=Y&lang=da|en&name=: the DK2020 report of the scenario in `body`.
    Reply report(const std::string& body, const std::optional<std::string>& name, const std::string& format,
                 const std::string& year, const std::string& lang) const;

    const ServeConfig& config() const { return config_; }

private:
    ServeConfig config_;
    Sandbox sandbox_;
};

}  // namespace klima::serve
