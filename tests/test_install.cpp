// klima as installed: bin/klima finds share/klima/data next to itself, after
// --data-dir and KLIMA_DATA_DIR, and `klima --version` says which it reads
// (docs/user-guide.md, "Installing"; the .deb itself: scripts/check-deb.sh).
#include "support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

TEST_CASE("klima --version names the data directory it reads, and why", "[cli][officer][install]") {
    // a build-tree binary: the source tree's data/
    const auto plain = klima::test::run_binary("env -u KLIMA_DATA_DIR " KLIMA_BIN, "--version");
    REQUIRE(plain.exit_code == 0);
    CHECK(plain.out == "klima 0.1.0\ndata: " KLIMA_DEFAULT_DATA_DIR " (the source tree klima was built from)\n");
    // the environment wins over what is built in
    const auto env = klima::test::run_binary("env KLIMA_DATA_DIR=/srv/klima-data " KLIMA_BIN, "--version");
    CHECK(env.out == "klima 0.1.0\ndata: /srv/klima-data (KLIMA_DATA_DIR)\n");
    // laid out as installed (bin/klima, share/klima/data): the data next to the binary
    klima::test::TempDir prefix;
    namespace fs = std::filesystem;
    fs::create_directories(prefix.file("bin"));
    fs::copy_file(KLIMA_BIN, prefix.file("bin/klima"));
    fs::create_directories(prefix.file("share/klima/data"));
    fs::copy(KLIMA_DEFAULT_DATA_DIR, prefix.file("share/klima/data"), fs::copy_options::recursive);
    const auto installed = klima::test::run_binary("env -u KLIMA_DATA_DIR " + prefix.file("bin/klima"), "--version");
    CHECK(installed.out ==
          "klima 0.1.0\ndata: " + prefix.file("share/klima/data") + " (installed next to the binary)\n");
    // and it is what an inventory reads: the installed copy, edited, changes the result
    const auto args =
        "inventory --data " + prefix.file("share/klima/data/koege/activity.csv") + " --year 2017 --format json";
    const auto before = klima::test::run_binary("env -u KLIMA_DATA_DIR " + prefix.file("bin/klima"), args);
    REQUIRE(before.exit_code == 0);
    fs::remove(prefix.file("share/klima/data/gwp.csv"));
    const auto after = klima::test::run_binary("env -u KLIMA_DATA_DIR " + prefix.file("bin/klima"), args);
    CHECK(after.exit_code == 1);
    CHECK_THAT(after.err, Catch::Contains(prefix.file("share/klima/data/gwp.csv")));
}
