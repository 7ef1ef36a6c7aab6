// A report written with --out replaces the old file only when complete
// (issue 11, defect 5): a write that fails half-way (here: a file-size limit,
// as a full disk would) leaves the old report whole and no temporary file,
// and an xlsx failure is klima's one line without libxlsxwriter's own lines
// (defect 10).
#include "support.hpp"

#include "klima/io/csv.hpp"
#include "klima/io/output_file.hpp"

#include <sys/wait.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

using Catch::Contains;
using klima::test::fixture;
namespace fs = std::filesystem;

namespace {

std::string report_args(const std::string& format, const std::string& out) {
    return " report --scenario " + fixture("scenario/two_measures.json") + " --data-dir " + fixture("scenario/data") +
           " --year 2023 --format " + format + " --out " + out;
}

// klima under a file-size limit of 8 KiB (16 blocks of 512 bytes in sh), with SIGXFSZ ignored so
// that a write past the limit fails with EFBIG as on a full disk, instead of killing the process.
klima::test::CliResult run_limited(const std::string& args) {
    klima::test::TempDir io;
    const std::string cmd = "sh -c \"trap '' XFSZ; ulimit -f 16; exec " + std::string(KLIMA_BIN) + args + "\" >" +
                            io.file("out") + " 2>" + io.file("err") + " </dev/null";
    const int status = std::system(cmd.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, klima::io::read_file(io.file("out")),
            klima::io::read_file(io.file("err"))};
}

std::vector<std::string> names_in(const std::string& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("report --out: a failed write leaves the old report whole", "[report][reliability]") {
    klima::test::TempDir dir;
    for (const std::string format : {"html", "xlsx"}) {
        INFO(format);
        const std::string old = "the previous report, " + format + "\n";
        const auto path = dir.write("report." + format, old);
        const auto r = run_limited(report_args(format, path));
        CHECK(r.exit_code == 1);
        CHECK(klima::io::read_file(path) == old);
        CHECK(names_in(dir.path()) == std::vector<std::string>{"report." + format});  // no temporary file left
        // one line of klima's, naming the file and the system's reason; none of libxlsxwriter's "[ERROR]" lines
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK_THAT(r.err, Catch::StartsWith("klima: error: " + path) && Contains("File too large"));
        CHECK(r.out.empty());
        fs::remove(path);
    }
}

TEST_CASE("report --out: a complete write replaces the old report", "[report]") {
    klima::test::TempDir dir;
    const auto path = dir.write("report.html", "old");
    const auto r = klima::test::run_cli(report_args("html", path));
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("wrote " + path));
    const auto html = klima::io::read_file(path);
    CHECK(html.size() > 8192);  // larger than the limit of the failing case above
    CHECK_THAT(html, Catch::StartsWith("<!DOCTYPE html>"));
    CHECK(names_in(dir.path()) == std::vector<std::string>{"report.html"});
}

TEST_CASE("write_file_atomically: a missing directory is an io error naming the path", "[report][errors]") {
    klima::test::TempDir dir;
    const auto path = dir.file("no/such/dir/r.md");
    try {
        klima::io::write_file_atomically(path, "x");
        FAIL("wrote into a missing directory");
    } catch (const klima::Error& e) {
        CHECK(e.kind() == klima::ErrorKind::io);
        CHECK(e.where().file == path);
        CHECK_THAT(e.problem(), Contains("No such file or directory"));
    }
    CHECK(names_in(dir.path()).empty());
}
