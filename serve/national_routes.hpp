// The workbench's national monitor (klima national, docs/national.md): GET /api/national and
// GET /api/municipality/{code} answer the bytes of `klima national --format json` (and
// `--kommune CODE`), GET /national the page with the map (its script external, /national.js,
// for the Content-Security-Policy) and GET /national/{code} one municipality's page.
// The status is computed once, on the first request, from the server's data directory.
#pragma once

#include "workbench.hpp"

#include "klima/executor.hpp"

namespace httplib {
class Server;
}

namespace klima::serve {

// Registers the routes on `server`; `config` and `bootstrap` (the pool the national bootstrap runs on,
// once, at the first request) must outlive it. Safe for concurrent requests.
void add_national_routes(httplib::Server& server, const ServeConfig& config, Executor& bootstrap);

}  // namespace klima::serve
