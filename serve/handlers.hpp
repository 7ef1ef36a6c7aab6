// What each route of the workbench answers, as plain functions of the
// request's query and body: they check names and paths against the sandbox,
// call the engine's facades and render as `klima` does. No HTTP types here,
// so that the layer in workbench.cpp stays a table of routes.
#pragma once

#include "sandbox.hpp"
#include "workbench.hpp"

#include "klima/executor.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace klima {
class ReferenceCache;  // klima/plan_inputs.hpp
class InputFileCache;  // klima/input_file_cache.hpp
namespace store {
class ReadPool;  // klima/store/read_pool.hpp
}
}  // namespace klima

namespace klima::serve {

struct Reply {
    Reply(int status_ = 200, std::string type = "application/json", std::string body_ = {}, std::string download = {})
        : status(status_), content_type(std::move(type)), body(std::move(body_)), download_name(std::move(download)) {}
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::string download_name;                                 // set: sent as an attachment with this file name
    std::vector<std::pair<std::string, std::string>> headers;  // further headers
};

// A JSON error body {"error": {kind, file, line, path, problem, fix, message}}.
Reply error_reply(int status, const std::string& kind, const std::string& field, const std::string& problem,
                  const std::string& fix);

// `text` (a municipality) as part of a file name: letters a–z, A–Z, digits and '-' kept, every other
// byte '_', at most 64 bytes; never empty. No '.', '/', quote or control character survives.
std::string safe_file_name(std::string_view text);
// The Content-Disposition value for a download named `file_name` (RFC 6266): an attachment whose
// name holds only letters, digits, '-', '_' and '.' (anything else becomes '_', a leading '.' gets
// a '_' before it), given both as filename and as filename* for clients that prefer it.
std::string content_disposition(const std::string& file_name);

// Every handler may be called concurrently; none throws (errors are replies).
class Handlers {
public:
    // `analysis`: the pool reports' Monte Carlos run on; it must outlive the Handlers. With a store,
    // opens its read pool: throws klima::Error (kind store) for a store this klima cannot read.
    Handlers(ServeConfig config, Executor& analysis);

    // GET /api/scenarios: [{file, name, municipality, measures}] of the scenarios folder.
    Reply list_scenarios() const;
    // GET /api/scenario?name=: the latest saved version's text when the store (--db) holds one
    // (header X-Klima-Version: N), else the scenario file's text (X-Klima-Version: 0).
    Reply scenario(const std::string& name) const;
    // GET /api/scenario/versions?name=: {"store", "name", "latest", "versions": [...], "editor_state"}.
    Reply versions(const std::string& name) const;
    // POST /api/scenario/save?name=: body {"scenario", "comment", "based_on", "author"?, "editor_state"?};
    // 200 {"version"}, 409 with "current" when based_on is not the latest, 400 for a bad scenario or
    // comment and when the server has no store.
    Reply save(const std::string& body, const std::string& name) const;
    // POST /api/scenario/run?name=: the scenario in `body` run as `klima scenario run FILE --format json`
    // runs FILE = the scenarios folder / name (default "workbench.json"), byte for byte.
    Reply run(const std::string& body, const std::optional<std::string>& name) const;
    // POST /api/report?format=html|xlsx|json&year=Y&lang=da|en&name=&analysis=1|0: the DK2020 report of the
    // scenario in `body`; analysis=0 leaves out the Monte Carlo and the MACC (`klima report --no-analysis`),
    // which the page's target and gap figures do not need.
    Reply report(const std::string& body, const std::optional<std::string>& name, const std::string& format,
                 const std::string& year, const std::string& lang, const std::string& analysis = "1") const;

    const ServeConfig& config() const { return config_; }

private:
    ServeConfig config_;
    Sandbox sandbox_;
    Executor* analysis_;  // not owned
    // The data directory's reference data, read on the first run or report and kept for the
    // server's life (a change to data/ needs a restart); the store's factors are read every time.
    std::shared_ptr<ReferenceCache> reference_;
    // The parsed activity, drivers, targets and trends files, kept per path and read again when
    // one changes on disk (size, mtime, inode), so an edit is seen at the next request.
    std::shared_ptr<InputFileCache> input_files_;
    // With --db: the store's read connections, opened once and shared by every request (each
    // request reads on its own lease, in one snapshot); a save writes through a connection of its own.
    std::shared_ptr<store::ReadPool> store_pool_;
};

}  // namespace klima::serve
