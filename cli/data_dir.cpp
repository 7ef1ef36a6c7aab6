#include "data_dir.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace klima::cli {

namespace fs = std::filesystem;

namespace {

// ../share/klima/data from the running executable, when it holds a taxonomy;
// empty otherwise (a build-tree binary, or /proc not mounted).
std::string installed_data_dir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    const fs::path dir = (exe.parent_path() / ".." / "share" / "klima" / "data").lexically_normal();
    return fs::exists(dir / "taxonomy" / "sectors.csv", ec) ? dir.string() : std::string();
}

}  // namespace

std::string bundled_data_dir() {
    if (auto installed = installed_data_dir(); !installed.empty()) return installed;
    return KLIMA_DEFAULT_DATA_DIR;
}

DataDirChoice choose_data_dir(const std::optional<std::string>& option) {
    if (option) return {*option, "--data-dir"};
    if (const char* env = std::getenv("KLIMA_DATA_DIR"); env && *env) return {env, "KLIMA_DATA_DIR"};
    if (auto installed = installed_data_dir(); !installed.empty()) return {installed, "installed next to the binary"};
    return {KLIMA_DEFAULT_DATA_DIR, "the source tree klima was built from"};
}

}  // namespace klima::cli
