// klima status --format xlsx: the workbook read back with unzip — its four sheets by name, and
// figures stored as numbers that were checked by hand (tests/test_status_cli.cpp has the arithmetic).
#include "support.hpp"

#include "klima/io/csv.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <regex>

using namespace klima;
using Catch::Contains;

using test::shell;

namespace {

// The number in cell `ref` ("L4") of a worksheet's XML; fails when the cell holds no number.
double cell_number(const std::string& sheet, const std::string& ref) {
    std::smatch m;
    const std::regex cell("<c r=\"" + ref + "\"[^>]*><v>([^<]*)</v></c>");
    REQUIRE(std::regex_search(sheet, m, cell));
    return std::stod(m[1].str());
}

bool has_cell(const std::string& sheet, const std::string& ref) {
    return sheet.find("<c r=\"" + ref + "\"") != std::string::npos;
}

std::string args() {
    return "status --scenario " + test::fixture("scenario/two_measures.json") + " --data-dir " +
           test::fixture("scenario/data") + " --year 2024 --status " + test::fixture("status/status.csv") +
           " --indicators " + test::fixture("status/indicators.csv") + " --catalogue " +
           test::fixture("status/catalogue.csv") + " --format xlsx";
}

}  // namespace

TEST_CASE("status xlsx: sheets for themes, actions, indicators and emissions, numbers as numbers",
          "[cli][status][xlsx]") {
    test::TempDir dir;
    const auto path = dir.file("status.xlsx");
    const auto r = test::run_cli(args() + " --lang en --out " + path);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out == "wrote " + path + "\n");
    CHECK(io::read_file(path).substr(0, 2) == "PK");  // a zip archive
    const auto workbook = shell("unzip -p '" + path + "' xl/workbook.xml", dir);
    CHECK_THAT(workbook, Contains("<sheet name=\"Themes\" sheetId=\"1\"") &&
                             Contains("<sheet name=\"Actions\" sheetId=\"2\"") &&
                             Contains("<sheet name=\"Indicators\" sheetId=\"3\"") &&
                             Contains("<sheet name=\"Emissions\" sheetId=\"4\""));
    CHECK_THAT(shell("unzip -l '" + path + "'", dir), !Contains("sheet5.xml"));

    // Actions: title row 1, header row 3, ev (the scenario's first measure) row 4.
    // Columns: A id … F unit, G full uptake, H planned uptake, I realised uptake, J ahead,
    // K planned t, L realised t, M planned 2030 t, N spent.
    const auto actions = shell("unzip -p '" + path + "' xl/worksheets/sheet2.xml", dir);
    CHECK(cell_number(actions, "G4") == Approx(100));  // 100 chargers in full
    CHECK(cell_number(actions, "H4") == Approx(80));   // (2024 − 2021 + 1)/5 = 0.8 × 100
    CHECK(cell_number(actions, "I4") == Approx(50));   // the status: 50 chargers
    CHECK(cell_number(actions, "J4") == Approx(-30));  // 50 − 80
    // The realised effect: Shapley share (650 + 598) / 2 = 624 t (test_status_cli.cpp)
    CHECK(cell_number(actions, "L4") == Approx(624));
    CHECK(cell_number(actions, "N4") == Approx(5000000.5));
    // tog (row 5) is delayed without an uptake: no realised cell at all, not 0
    CHECK(!has_cell(actions, "I5"));
    CHECK(!has_cell(actions, "L5"));

    // Themes: one theme-less row and the total; B actions, C..H the six states in order
    // (not started, in progress, completed, delayed, abandoned, ongoing), I not reported.
    const auto themes = shell("unzip -p '" + path + "' xl/worksheets/sheet1.xml", dir);
    CHECK(cell_number(themes, "B5") == 2);  // total: 2 actions
    CHECK(cell_number(themes, "D5") == 1);  // 1 in progress
    CHECK(cell_number(themes, "F5") == 1);  // 1 delayed
    CHECK(cell_number(themes, "I5") == 0);  // none unreported
    CHECK(cell_number(themes, "K5") == Approx(624));

    // Indicators: the chargers indicator filled from the status's 50, its 2023 value 20, target 80.
    const auto indicators = shell("unzip -p '" + path + "' xl/worksheets/sheet3.xml", dir);
    CHECK(cell_number(indicators, "D4") == Approx(20));
    CHECK(cell_number(indicators, "E4") == Approx(50));
    CHECK(cell_number(indicators, "F4") == Approx(80));

    // Emissions: the first row is the latest inventory year, 2023.
    const auto emissions = shell("unzip -p '" + path + "' xl/worksheets/sheet4.xml", dir);
    CHECK(cell_number(emissions, "A4") == 2023);
    const auto strings = shell("unzip -p '" + path + "' xl/sharedStrings.xml", dir);
    CHECK_THAT(strings, Contains("Emissions against the target path") && Contains("actual"));
}

TEST_CASE("status xlsx: Danish sheet names; a missing directory is refused", "[cli][status][xlsx]") {
    test::TempDir dir;
    const auto path = dir.write("status.xlsx", "old");
    const auto da = test::run_cli(args() + " --out " + path);
    REQUIRE(da.exit_code == 0);
    CHECK_THAT(shell("unzip -p '" + path + "' xl/workbook.xml", dir),
               Contains("\"Temaer\"") && Contains("\"Handlinger\"") && Contains("\"Indikatorer\"") &&
                   Contains("\"Udledning\""));
    const auto missing = test::run_cli(args() + " --out " + dir.file("no/such/dir/status.xlsx"));
    CHECK(missing.exit_code == 1);
    CHECK_THAT(missing.err, Contains("no directory"));
}
