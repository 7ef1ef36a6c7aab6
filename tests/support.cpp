#include "support.hpp"

#include "klima/io/csv.hpp"
#include "klima/io/data_files.hpp"

#include <sys/wait.h>
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace klima::test {

const ReferenceData& fixture_reference() {
    static const ReferenceData ref = io::load_reference_data(fixture_data_dir());
    return ref;
}

TempDir::TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "klima-test-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

std::string TempDir::write(const std::string& name, const std::string& text) const {
    const auto p = file(name);
    std::ofstream(p, std::ios::binary) << text;
    return p;
}

CliResult run_cli(const std::string& args) { return run_binary(KLIMA_BIN, args); }

CliResult run_binary(const std::string& binary, const std::string& args) {
    TempDir dir;
    const auto out = dir.file("out"), err = dir.file("err");
    const std::string cmd = binary + " " + args + " >" + out + " 2>" + err + " </dev/null";
    const int status = std::system(cmd.c_str());
    CliResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = io::read_file(out);
    r.err = io::read_file(err);
    return r;
}

std::string shell(const std::string& cmd, const TempDir& dir) {
    const auto out = dir.file("shell.out");
    const int status = std::system((cmd + " >" + out + " 2>" + dir.file("shell.err")).c_str());
    INFO(cmd << "\n" << io::read_file(dir.file("shell.err")));
    REQUIRE(status == 0);
    return io::read_file(out);
}

}  // namespace klima::test
