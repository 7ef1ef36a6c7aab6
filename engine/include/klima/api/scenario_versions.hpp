// Saved versions of a scenario in the inventory store: what the workbench's Save button and
// `klima db scenarios` / `klima db scenario` share. A scenario is checked as a scenario before it
// is stored, so a store holds only texts that `klima scenario run` reads. Knows nothing of HTTP.
#pragma once

#include "klima/store/store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace klima::api {

struct ScenarioSaveRequest {
    std::string store_path;       // an existing store (migrated to schema 4 on the first save)
    std::string name;             // the scenario's file name, e.g. "koege.json"
    std::string scenario_file;    // where the text is taken to lie: anchors its relative paths, names it in errors
    std::string scenario_json;    // the text saved, as given
    std::string comment;          // why; required (not blank)
    std::string author;           // who, as given; may be empty
    std::optional<int> based_on;  // the version the edit started from; nullopt: the file
    std::optional<std::string> editor_state;  // a JSON object kept with the version, or nullopt
};

// Stores the scenario as version latest+1 of `name` and returns that number. Throws:
// klima::Error kind input (with the JSON path) for a text that is not a scenario, a blank comment
// or an editor state that is not a JSON object; store::ScenarioConflict when `based_on` is not the
// latest version (another writer saved meanwhile); kind store when the store cannot be written.
// Whatever it throws, the store is unchanged.
int save_scenario_version(const ScenarioSaveRequest& request);

// The versions of `name` (every name when nullopt) without their text, oldest first; the store
// is opened read-only and must exist.
std::vector<store::ScenarioVersion> list_scenario_versions(const std::string& store_path,
                                                           const std::optional<std::string>& name);

// Version `version` of `name`, or its latest when nullopt; nullopt when none is saved.
std::optional<store::ScenarioVersion> load_scenario_version(const std::string& store_path, const std::string& name,
                                                            std::optional<int> version);

}  // namespace klima::api
