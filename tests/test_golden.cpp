// The bundled examples' outputs, byte for byte (tests/golden/cases.txt): a
// refactor that changes what a user sees fails here. An intended change is
// recorded with scripts/update-golden.sh, its diff read before committing.
#include "support.hpp"

#include "klima/io/csv.hpp"

#include <catch2/catch.hpp>

#include <sstream>

TEST_CASE("golden: the bundled examples print what tests/golden holds", "[golden]") {
    const std::string root = std::string(KLIMA_TEST_DIR) + "/..";
    std::istringstream cases(klima::io::read_file(root + "/tests/golden/cases.txt"));
    std::string line;
    int checked = 0;
    while (std::getline(cases, line)) {
        if (line.empty() || line[0] == '#') continue;
        const auto bar = line.find('|');
        REQUIRE(bar != std::string::npos);
        const std::string name = line.substr(0, bar), args = line.substr(bar + 1);
        INFO(name << ": klima " << args << " (intended? scripts/update-golden.sh)");
        // From the repository root, so that the paths the output names are relative.
        const auto out = klima::test::run_binary("cd " + root + " && " + std::string(KLIMA_BIN), args);
        REQUIRE(out.exit_code == 0);
        CHECK(out.out == klima::io::read_file(root + "/tests/golden/" + name));
        ++checked;
    }
    CHECK(checked >= 17);
}
