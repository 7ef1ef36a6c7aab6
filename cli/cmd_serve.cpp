// klima serve: the planner workbench in the browser (docs/workbench.md). Parses the
// options into serve::ServeConfig and runs the server (serve/workbench.hpp) until stopped.
#include "commands.hpp"
#include "data_dir.hpp"
#include "options.hpp"

#include "serve/workbench.hpp"

#include "klima/error.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <memory>
#include <ostream>

namespace klima::cli {
namespace {

struct ServeOptions {
    std::optional<int> port;
    std::optional<std::string> host, data_dir, scenarios, db;
    ChpAllocation allocation = ChpAllocation::declared;
};

int serve(const ServeOptions& o, std::ostream& out) {
    serve::ServeConfig c;
    c.host = o.host.value_or("127.0.0.1");
    c.port = o.port.value_or(8080);
    if (c.port < 0 || c.port > 65535)
        throw UsageError({"", 0, "--port"}, "port " + std::to_string(c.port) + " is outside 0–65535",
                         "give a port such as 8080 (0: any free port)");
    c.data_dir = data_dir(o.data_dir);
    c.scenarios_dir =
        o.scenarios.value_or((std::filesystem::path(bundled_data_dir()).parent_path() / "scenarios").string());
    c.store = o.db;
    c.allocation = o.allocation;
    serve::Workbench bench(c);
    const int port = bench.bind();
    out << "klima serve: the workbench is at http://" << c.host << ":" << port << "/ (scenarios from "
        << c.scenarios_dir << "; Ctrl-C stops it)" << std::endl;
    return bench.run() ? 0 : 1;
}

}  // namespace

Action define_serve(CLI::App& command) {
    auto o = std::make_shared<ServeOptions>();
    add_integer(command, "--port", o->port, "PORT", "the TCP port to listen on (default 8080; 0: any free port)");
    add_text(command, "--host", o->host, "ADDRESS",
             "the address to listen on (default 127.0.0.1: only this machine can connect)");
    add_data_dir(command, o->data_dir);
    add_text(command, "--scenarios", o->scenarios, "DIR",
             "the scenarios the page offers (default scenarios/ of the source tree)");
    add_text(command, "--db", o->db, "PATH",
             "take the activity from this inventory store: each year from the newest version that holds it");
    add_allocation(command, o->allocation);
    return [o](std::ostream& out) { return serve(*o, out); };
}

}  // namespace klima::cli
