#include "store_path.hpp"
#include "options.hpp"

#include <cstdlib>
#include <filesystem>

namespace klima::cli {

CLI::Option* add_store_option(CLI::App& command, std::optional<std::string>& target) {
    return add_text(command, "--db", target, "PATH",
                    "the inventory store (default $KLIMA_DB, else klima.db beside the imported file or here)");
}

std::string store_path(const std::optional<std::string>& option, const std::string& next_to) {
    if (option) return *option;
    if (const char* env = std::getenv("KLIMA_DB"); env && *env) return env;
    if (next_to.empty()) return "klima.db";
    auto p = std::filesystem::path(next_to);
    if (!p.has_filename()) p = p.parent_path();  // "data/" names the folder data
    const auto folder = p.parent_path();
    return (folder.empty() ? std::filesystem::path("klima.db") : folder / "klima.db").string();
}

}  // namespace klima::cli
