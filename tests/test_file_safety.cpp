// What klima reads and writes, under hostile paths (issue 20, defects 4 and 6):
// reads take only regular files up to a stated size and refuse a device or a
// FIFO at once, without blocking; writes replace only a regular file or a new
// name, write through a symbolic link, and refuse the rest with nothing on
// disk changed.
#include "support.hpp"

#include "klima/error.hpp"
#include "klima/io/input_file.hpp"
#include "klima/io/output_file.hpp"

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

using Catch::Contains;
using klima::test::fixture;
namespace fs = std::filesystem;
namespace io = klima::io;

namespace {

std::vector<std::string> names_in(const std::string& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

mode_t lmode(const std::string& path) {
    struct stat st {};
    REQUIRE(::lstat(path.c_str(), &st) == 0);
    return st.st_mode;
}

// klima with `args`, stopped after 20 s: a read that blocks on a FIFO shows as exit 124, not as a hung test.
klima::test::CliResult run_bounded(const std::string& args) {
    return klima::test::run_binary("timeout 20 " + std::string(KLIMA_BIN), args);
}

// The message of the io::Error that `write` throws; fails the test when it throws none.
std::string refusal(const std::string& path) {
    try {
        io::write_file_atomically(path, std::string_view("the new report\n"));
    } catch (const klima::Error& e) {
        CHECK(e.kind() == klima::ErrorKind::io);
        CHECK(e.subject() == klima::Subject::output_path);
        return e.what();
    }
    FAIL("no error for " << path);
    return {};
}

}  // namespace

TEST_CASE("writes: a FIFO, a directory, a link to a device and a read-only file are refused, unchanged",
          "[io][reliability]") {
    klima::test::TempDir dir;
    const auto fifo = dir.file("fifo.html");
    REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
    const auto folder = dir.file("folder.html");
    fs::create_directory(folder);
    const auto device_link = dir.file("null.html");
    fs::create_symlink("/dev/null", device_link);
    const auto readonly = dir.write("readonly.html", "the old report\n");
    fs::permissions(readonly, fs::perms(0444));
    const auto before = names_in(dir.path());

    CHECK_THAT(refusal(fifo), Contains("FIFO") && Contains("wrote nothing"));
    CHECK(S_ISFIFO(lmode(fifo)));
    CHECK_THAT(refusal(folder), Contains("a directory"));
    CHECK(S_ISDIR(lmode(folder)));
    CHECK_THAT(refusal(device_link), Contains("a device") && Contains("/dev/null"));
    CHECK(S_ISLNK(lmode(device_link)));
    CHECK(S_ISCHR(lmode("/dev/null")));
    CHECK_THAT(refusal(readonly), Contains("read-only") && Contains("chmod u+w"));
    CHECK(io::read_file(readonly) == "the old report\n");
    CHECK((lmode(readonly) & 07777) == 0444);
    CHECK(names_in(dir.path()) == before);  // no temporary file left, nothing replaced

    // a device node in the folder itself, where the test may make one (root, and not a restricted container)
    const auto device = dir.file("full.html");
    if (::mknod(device.c_str(), S_IFCHR | 0666, makedev(1, 7)) == 0) {  // 1,7 is /dev/full
        CHECK_THAT(refusal(device), Contains("a device"));
        CHECK(S_ISCHR(lmode(device)));
    }
}

TEST_CASE("writes: a symbolic link is written through to its file, which is replaced in its own folder",
          "[io][reliability]") {
    klima::test::TempDir dir;
    fs::create_directory(dir.file("real"));
    fs::create_directory(dir.file("links"));
    const auto real = dir.write("real/report.html", "the old report\n");
    const auto link = dir.file("links/report.html");
    fs::create_symlink("../real/report.html", link);
    io::write_file_atomically(link, std::string_view("the new report\n"));
    CHECK(S_ISLNK(lmode(link)));                       // the link is still a link …
    CHECK(io::read_file(real) == "the new report\n");  // … and its file has the new report
    CHECK(names_in(dir.file("real")) == std::vector<std::string>{"report.html"});
    CHECK(names_in(dir.file("links")) == std::vector<std::string>{"report.html"});

    const auto dangling = dir.file("links/nowhere.html");
    fs::create_symlink("../real/missing/x.html", dangling);
    CHECK_THAT(refusal(dangling), Contains("leads nowhere"));
    CHECK(S_ISLNK(lmode(dangling)));
}

TEST_CASE("report --out: a FIFO is refused with exit 1, the fix, and left a FIFO", "[io][reliability][cli]") {
    klima::test::TempDir dir;
    const auto fifo = dir.file("report.html");
    REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
    const auto r = run_bounded(" report --scenario " + fixture("scenario/two_measures.json") + " --data-dir " +
                               fixture("scenario/data") + " --year 2023 --format html --out " + fifo);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Contains(fifo) && Contains("FIFO") && Contains("fix:"));
    CHECK(r.out.empty());  // no "wrote"
    CHECK(S_ISFIFO(lmode(fifo)));
}

TEST_CASE("reads: a device, a link to one and a FIFO are refused at once, exit 1", "[io][reliability][cli]") {
    klima::test::TempDir dir;
    const auto fifo = dir.file("activity.csv");
    REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
    const auto zero_link = dir.file("zero.csv");
    fs::create_symlink("/dev/zero", zero_link);
    const auto data = " --data-dir " + klima::test::fixture_data_dir() + " --year 2017";
    for (const auto& path : {zero_link, fifo}) {
        INFO(path);
        const auto r = run_bounded("inventory" + data + " --data " + path);
        CHECK(r.exit_code == 1);  // not 124 (blocked), not 3 (bad_alloc)
        CHECK_THAT(r.err, Contains(path) && Contains("not a regular file") && Contains("fix:"));
    }
    const auto scenario = dir.file("scenario.json");
    REQUIRE(::mkfifo(scenario.c_str(), 0644) == 0);
    for (const auto& path : {scenario, std::string("/dev/zero")}) {  // once: blocked, and bad_alloc (exit 3)
        INFO(path);
        const auto s = run_bounded("scenario run " + path + " --data-dir " + fixture("scenario/data"));
        CHECK(s.exit_code == 1);
        CHECK_THAT(s.err, Contains(path) && Contains("not a regular file"));
    }
    const auto import = run_bounded("db import " + fifo + " --comment fifo --db " + dir.file("klima.db") +
                                    " --data-dir " + klima::test::fixture_data_dir());
    CHECK(import.exit_code == 1);
    CHECK_THAT(import.err, Contains("FIFO"));
    CHECK(!fs::exists(dir.file("klima.db")));
}

TEST_CASE("reads: a FIFO or a device given as the store is refused without blocking", "[io][store][reliability]") {
    klima::test::TempDir dir;
    const auto fifo = dir.file("klima.db");
    REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
    for (const auto& db : {fifo, std::string("/dev/zero")}) {
        INFO(db);
        const auto r = run_bounded("db versions --db " + db);
        CHECK(r.exit_code == 1);
        CHECK_THAT(r.err, Contains(db) && Contains("not a regular file") && Contains("--db"));
    }
    CHECK(S_ISFIFO(lmode(fifo)));
}

TEST_CASE("reads: a file over its limit is refused naming both sizes", "[io][reliability]") {
    klima::test::TempDir dir;
    const auto path = dir.write("eleven.json", "01234567890");  // 11 bytes
    CHECK(io::read_file(path, 11) == "01234567890");
    try {
        io::read_file(path, 10);
        FAIL("a file of 11 bytes passed a limit of 10");
    } catch (const klima::Error& e) {
        CHECK(e.kind() == klima::ErrorKind::input);
        CHECK_THAT(e.what(), Contains(path) && Contains("11 bytes") && Contains("limit of 10 bytes"));
    }
    CHECK(io::byte_size(io::kMaxJsonFileBytes) == "64 MiB");  // 64 × 1024 × 1024
    CHECK(io::byte_size(io::kMaxDataFileBytes) == "1 GiB");
    CHECK(io::byte_size(1536) == "1.5 KiB");  // 1536 / 1024
}
