// Shared helpers for the tests: fixture paths and running the klima binary.
#pragma once

#include "klima/reference_data.hpp"

#include <string>

namespace klima::test {

inline std::string fixture(const std::string& rel) { return std::string(KLIMA_TEST_DIR) + "/fixtures/" + rel; }
inline std::string fixture_data_dir() { return fixture("data"); }

const ReferenceData& fixture_reference();  // loaded once

struct CliResult {
    int exit_code = -1;
    std::string out, err;
};
// Runs build/bin/klima with the given argument string (shell-quoted by the caller).
CliResult run_cli(const std::string& args);
// The same with another binary (KLIMA_CRASHABLE_BIN, the crash tests' klima with its hook).
CliResult run_binary(const std::string& binary, const std::string& args);

class TempDir;
// Runs a shell command (unzip, a DOM check) with its output in `dir`, returns its stdout;
// REQUIREs exit status 0, with the command and its stderr as the failure's context.
std::string shell(const std::string& cmd, const TempDir& dir);

// A fresh empty directory under the system temp dir, removed at exit of the test.
class TempDir {
public:
    TempDir();
    ~TempDir();
    const std::string& path() const { return path_; }
    std::string file(const std::string& name) const { return path_ + "/" + name; }
    std::string write(const std::string& name, const std::string& text) const;

private:
    std::string path_;
};

}  // namespace klima::test
