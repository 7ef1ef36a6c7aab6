#include "sandbox.hpp"

#include <algorithm>

namespace fs = std::filesystem;

namespace klima::serve {

Sandbox::Sandbox(const std::vector<std::string>& roots) {
    for (const auto& r : roots) roots_.push_back(fs::canonical(r));
}

bool Sandbox::contains(const std::string& path) const {
    std::error_code ec;
    const auto p = fs::weakly_canonical(fs::absolute(path), ec);
    if (ec) return false;
    return std::any_of(roots_.begin(), roots_.end(), [&](const fs::path& root) {
        // component by component: /data-other is not under /data
        const auto [r, q] = std::mismatch(root.begin(), root.end(), p.begin(), p.end());
        return r == root.end();
    });
}

bool Sandbox::is_plain_json_name(const std::string& name) {
    if (name.size() < 6 || name.size() > 200 || name.front() == '.') return false;
    if (name.compare(name.size() - 5, 5, ".json") != 0) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
               c == '-';
    });
}

}  // namespace klima::serve
