// klima db scenarios and klima db scenario: the scenario versions saved from the workbench
// (klima serve --db), listed or printed, so that a saved version can be run with klima scenario run.
#include "cmd_db.hpp"
#include "commands.hpp"
#include "options.hpp"
#include "store_path.hpp"

#include "klima/api/scenario_versions.hpp"
#include "klima/error.hpp"

#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>

namespace klima::cli {
namespace {

struct ScenarioOptions {
    StoreOptions store;
    std::string name;
    std::optional<int> version;
};

int list(const ScenarioOptions& o, std::ostream& out) {
    const auto path = store_path(o.store.db);
    const auto all =
        api::list_scenario_versions(path, o.name.empty() ? std::nullopt : std::optional<std::string>(o.name));
    if (all.empty()) {
        out << "no saved scenario versions" << (o.name.empty() ? "" : " of " + o.name) << " in " << path << "\n";
        return 0;
    }
    out << "scenario\tversion\tsaved (UTC)\tby\tsha256\tcomment\n";
    for (const auto& v : all)
        out << v.name << "\t" << v.version << "\t" << v.created_at << "\t" << (v.author.empty() ? "-" : v.author)
            << "\t" << v.sha256.substr(0, 12) << "\t" << v.comment << "\n";
    return 0;
}

int print(const ScenarioOptions& o, std::ostream& out) {
    if (o.version && *o.version < 1)  // a wrong command line, before the store is opened
        throw UsageError({"", 0, "--version"},
                         "version " + std::to_string(*o.version) + " cannot exist: versions count from 1",
                         "write --version N with N as klima db scenarios NAME lists them");
    const auto path = store_path(o.store.db);
    const auto v = api::load_scenario_version(path, o.name, o.version);
    if (!v)
        throw Error({path, 0, ""}, "no saved version of " + o.name + " in the store",
                    "save it from the workbench (klima serve --db) first; klima db scenarios lists what is saved",
                    ErrorKind::store);
    out << v->scenario;
    return 0;
}

}  // namespace

Action define_db_scenarios(CLI::App& command) {
    auto o = std::make_shared<ScenarioOptions>();
    command.add_option("NAME", o->name, "only the versions of this scenario file name (e.g. koege.json)");
    add_store_options(command, o->store, false);
    return [o](std::ostream& out) { return list(*o, out); };
}

Action define_db_scenario(CLI::App& command) {
    auto o = std::make_shared<ScenarioOptions>();
    command.add_option("NAME", o->name, "the scenario file name the version was saved under (e.g. koege.json)")
        ->required();
    add_integer(command, "--version", o->version, "N", "the version to print (default: the latest)");
    add_store_options(command, o->store, false);
    return [o](std::ostream& out) { return print(*o, out); };
}

}  // namespace klima::cli
