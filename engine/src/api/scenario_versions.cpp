#include "klima/api/scenario_versions.hpp"

#include "klima/error.hpp"
#include "klima/io/json_limits.hpp"
#include "klima/io/scenario_file.hpp"

#include <nlohmann/json.hpp>

namespace klima::api {
namespace {

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

int save_scenario_version(const ScenarioSaveRequest& r) {
    if (r.name.empty())
        throw Error({r.store_path, 0, "name"}, "a saved scenario needs a name", "give the scenario's file name",
                    ErrorKind::usage);
    if (blank(r.comment))
        throw Error({r.scenario_file, 0, "comment"}, "a saved version needs a comment",
                    "say in a few words what this version changes", ErrorKind::input);
    io::parse_scenario(r.scenario_json, r.scenario_file);  // throws with the JSON path; nothing is written
    if (r.editor_state) {
        try {  // the size and depth before nlohmann parses it
            io::check_json_limits(*r.editor_state, r.scenario_file, io::kEditorStateLimits);
        } catch (const Error& e) {
            throw Error({r.scenario_file, 0, "editor_state"}, "the editor state: " + e.problem(),
                        "keep it under 512 KiB and 16 levels deep", ErrorKind::input);
        }
        const auto state = nlohmann::json::parse(*r.editor_state, nullptr, false);
        if (!state.is_object())
            throw Error({r.scenario_file, 0, "editor_state"}, "the editor state is not a JSON object",
                        "send a JSON object, or none", ErrorKind::input);
    }
    store::Store db(r.store_path, store::Open::existing);
    return db.save_scenario({r.name, r.scenario_json, r.comment, r.author, r.based_on, r.editor_state});
}

std::vector<store::ScenarioVersion> list_scenario_versions(const std::string& store_path,
                                                           const std::optional<std::string>& name) {
    const store::Store db(store_path, store::Open::read_only);
    return db.scenario_versions(name);
}

std::optional<store::ScenarioVersion> load_scenario_version(const std::string& store_path, const std::string& name,
                                                            std::optional<int> version) {
    const store::Store db(store_path, store::Open::read_only);
    return db.scenario_version(name, version);
}

}  // namespace klima::api
