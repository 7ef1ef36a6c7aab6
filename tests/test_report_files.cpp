// The report as files opened by other programs: the XLSX workbook read back
// with unzip, the HTML page rendered by headless Chromium.
#include "report_fixture.hpp"
#include "support.hpp"

#include "klima/io/csv.hpp"
#include "klima/report/progress_report.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>

using namespace klima;
using namespace klima::report;
using Catch::Contains;

using test::shell;

TEST_CASE("report files: XLSX workbook with one sheet per section and numbers as numbers", "[report][xlsx]") {
    test::TempDir dir;
    const auto path = dir.file("rapport.xlsx");
    write_report_xlsx(test::hand_report(), Lang::da, path);
    const auto bytes = io::read_file(path);
    REQUIRE(bytes.size() > 4);
    CHECK(bytes.substr(0, 2) == "PK");  // a zip archive
    const auto listing = shell("unzip -l '" + path + "'", dir);
    // Sections: summary, targets, budget, sectors, measures, sector gap, gap by year, check = 8 sheets,
    // then the inventory sheet and the charts' data sheet = 10
    for (int i = 1; i <= 10; ++i) CHECK_THAT(listing, Contains("xl/worksheets/sheet" + std::to_string(i) + ".xml"));
    CHECK_THAT(listing, !Contains("sheet11.xml"));
    // Two native charts (trajectory, sectors), drawn on the summary sheet
    CHECK_THAT(listing, Contains("xl/charts/chart1.xml"));
    CHECK_THAT(listing, Contains("xl/charts/chart2.xml"));
    CHECK_THAT(listing, !Contains("chart3.xml"));
    const auto rels = shell("unzip -p '" + path + "' xl/worksheets/_rels/sheet1.xml.rels", dir);
    CHECK_THAT(rels, Contains("drawing"));
    const auto book = shell("unzip -p '" + path + "' xl/workbook.xml", dir);
    CHECK_THAT(book, Contains("<sheet name=\"Status i korte træk\""));
    CHECK_THAT(book, Contains("<sheet name=\"Opgørelse pr. sektor (t CO2e)\""));
    CHECK_THAT(book, Contains("<sheet name=\"Diagramdata\""));
    // The trajectory chart reads BAU from the data sheet: years 2017–2050 in rows 2–35 of column A, BAU in B
    const auto chart = shell("unzip -p '" + path + "' xl/charts/chart1.xml", dir);
    CHECK_THAT(chart, Contains("Diagramdata!$A$2:$A$35") && Contains("Diagramdata!$B$2:$B$35"));
    // Tonnes shown whole (the cell keeps the full value), percentages with one decimal
    const auto styles = shell("unzip -p '" + path + "' xl/styles.xml", dir);
    CHECK_THAT(styles, Contains("formatCode=\"#,##0\"") && Contains("formatCode=\"#,##0.0\""));
    const auto strings = shell("unzip -p '" + path + "' xl/sharedStrings.xml", dir);
    CHECK_THAT(strings, Contains("Fremdrift pr. sektor (t CO2e)"));
    CHECK_THAT(strings, Contains("I alt inkl. LULUCF"));
    CHECK_THAT(strings, Contains("bagud"));
    // Sheet 4 = progress by sector; figures stored as numbers: energi 2017 452.7348 t, 2023 100 t
    const auto sectors = shell("unzip -p '" + path + "' xl/worksheets/sheet4.xml", dir);
    CHECK_THAT(sectors, Contains("<v>452.7348</v>"));
    CHECK_THAT(sectors, Contains("<v>100</v>"));
    // Change vs reference in %: (100 − 452.7348)/452.7348 × 100 = −77.912…
    CHECK_THAT(sectors, Contains("<v>-77.9120138"));
    // Target 2030 on the total: 441.3748 × 0.54 = 238.342392
    CHECK_THAT(sectors, Contains("<v>238.342392"));
}

TEST_CASE("report files: the HTML page renders in headless Chromium with its charts", "[report][html][chromium]") {
    test::TempDir dir;
    const auto page = dir.write("rapport.html", render_report(test::hand_report(), Format::html, Lang::en));
    // Chromium is a test dependency (scripts/setup.sh installs it): its absence fails the test.
    const auto dom = shell(
        "chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
        "--disable-background-networking --disable-component-update --disable-sync "
        "--user-data-dir='" +
            dir.file("profile") + "' --dump-dom 'file://" + page + "'",
        dir);
    // The parsed DOM (not the source text) holds the three charts
    CHECK(test::occurrences(dom, "<svg ") == 3);
    CHECK(test::occurrences(dom, "class=\"target-path\"") == 2);
    CHECK(test::occurrences(dom, "class=\"wedge\"") == 2);
    CHECK(test::occurrences(dom, "class=\"bar\"") == 24);
    CHECK_THAT(dom, Contains("<title>Testby — Progress report 2023</title>"));
    CHECK_THAT(dom, Contains("<title>Emissions and target path</title>"));
    CHECK_THAT(dom, Contains("<td>Energy</td><td class=\"n\">453</td>"));
}
