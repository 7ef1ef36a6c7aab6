// Which files the workbench may read: only those under its roots (the data
// directory and the scenarios directory), after symbolic links and ".." are
// resolved. Knows nothing of HTTP.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace klima::serve {

class Sandbox {
public:
    // The roots must exist (canonicalised here); throws std::filesystem_error otherwise.
    explicit Sandbox(const std::vector<std::string>& roots);

    // Whether `path`, resolved, lies under one of the roots.
    bool contains(const std::string& path) const;

    // A scenario file name as the scenarios folder lists it: letters, digits,
    // '.', '_', '-', ending in .json, no folder part and no leading dot.
    static bool is_plain_json_name(const std::string& name);

private:
    std::vector<std::filesystem::path> roots_;
};

}  // namespace klima::serve
