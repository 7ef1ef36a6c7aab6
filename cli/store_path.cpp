#include "store_path.hpp"

#include <cstdlib>
#include <filesystem>

namespace klima::cli {

std::string store_path(const Args& args, const std::string& next_to) {
    if (auto d = args.get("--db")) return *d;
    if (const char* env = std::getenv("KLIMA_DB"); env && *env) return env;
    if (next_to.empty()) return "klima.db";
    auto p = std::filesystem::path(next_to);
    if (!p.has_filename()) p = p.parent_path();  // "data/" names the folder data
    const auto folder = p.parent_path();
    return (folder.empty() ? std::filesystem::path("klima.db") : folder / "klima.db").string();
}

}  // namespace klima::cli
