// Hostile .xlsx workbooks (issue 20, defects 5 and 9): columns are bounded by
// the header row, a shared string is held once however many cells show it,
// cells are capped, and a formula saved without its value is refused naming
// the cell. The workbooks are written part by part with libzip, as a program
// other than Excel could write them.
#include "support.hpp"

#include "klima/error.hpp"
#include "klima/io/data_files.hpp"
#include "klima/io/input_file.hpp"
#include "klima/io/xlsx_reader.hpp"

#include <zip.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

using Catch::Contains;
namespace io = klima::io;

namespace {

const std::string kHeaderRow = [] {
    std::string row = "<row r=\"1\">";
    const char* names[] = {"year", "sector", "subsector", "carrier", "quantity", "unit", "source"};
    for (int c = 0; c < 7; ++c)
        row += "<c r=\"" + io::column_letters(static_cast<std::size_t>(c)) + "1\" t=\"inlineStr\"><is><t>" + names[c] +
               "</t></is></c>";
    return row + "</row>";
}();

// One data row of the activity header's seven columns; `quantity_cell` is column E's <c> element.
std::string data_row(int r, const std::string& quantity_cell) {
    const auto n = std::to_string(r);
    const auto text = [&](const char* col, const char* t) {
        return std::string("<c r=\"") + col + n + "\" t=\"inlineStr\"><is><t>" + t + "</t></is></c>";
    };
    return "<row r=\"" + n + "\"><c r=\"A" + n + "\"><v>2017</v></c>" + text("B", "energi") + text("C", "el") +
           text("D", "el") + quantity_cell + text("F", "MWh") + text("G", "test") + "</row>";
}

// A workbook of one sheet "Ark1" with `rows` as its sheetData, and `shared` as xl/sharedStrings.xml when given.
std::string workbook(const klima::test::TempDir& dir, const std::string& rows, const std::string& shared = {}) {
    const auto path = dir.file("w.xlsx");
    std::filesystem::remove(path);
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    REQUIRE(z != nullptr);
    const std::string parts[][2] = {
        {"xl/workbook.xml",
         R"(<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>)"
         R"(<sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>)"},
        {"xl/_rels/workbook.xml.rels",
         R"(<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>)"},
        {"xl/worksheets/sheet1.xml", "<worksheet><sheetData>" + rows + "</sheetData></worksheet>"},
        {"xl/sharedStrings.xml", shared},
    };
    for (const auto& [name, text] : parts) {
        if (text.empty()) continue;
        zip_source_t* src = zip_source_buffer(z, text.data(), text.size(), 0);
        REQUIRE(src != nullptr);
        REQUIRE(zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE) >= 0);
    }
    REQUIRE(zip_close(z) == 0);  // the buffers are read here, while `parts` lives
    return path;
}

std::string error_of(const std::string& path) {
    try {
        io::read_xlsx(path);
    } catch (const klima::Error& e) {
        CHECK(e.kind() == klima::ErrorKind::input);
        return e.what();
    }
    FAIL("no error for the workbook");
    return {};
}

}  // namespace

TEST_CASE("xlsx: a value right of the header's last column is refused naming its cell", "[io][xlsx][errors]") {
    klima::test::TempDir dir;
    // issue 20: rows with one cell in column ZZZ made every row 18,278 cells wide (1.4 GB for 11 KB)
    std::string rows = kHeaderRow + data_row(2, "<c r=\"E2\"><v>5</v></c>");
    // (ZZZ is past XFD, Excel's last column, and refused as such; XFD is right of this header)
    for (int r = 3; r < 2003; ++r)
        rows += "<row r=\"" + std::to_string(r) + "\"><c r=\"XFD" + std::to_string(r) + "\"><v>1</v></c></row>";
    CHECK_THAT(error_of(workbook(dir, rows)), Contains("Ark1!XFD3") && Contains("a column without a header"));
    const auto zzz = kHeaderRow + "<row r=\"2\"><c r=\"ZZZ2\"><v>1</v></c></row>";
    CHECK_THAT(error_of(workbook(dir, zzz)), Contains("Ark1!ZZZ2") && Contains("right of column XFD"));

    // a cell right of the header that holds nothing (a style only, as Excel writes) allocates nothing
    const auto styled = kHeaderRow + data_row(2, "<c r=\"E2\"><v>5</v></c>").insert(11, "<c r=\"XFD2\" s=\"1\"/>");
    const auto sheet = io::read_xlsx(workbook(dir, styled));
    REQUIRE(sheet.rows.size() == 2);
    CHECK(sheet.rows[1].cells.size() == 7);  // A…G, the header's columns
    CHECK(sheet.rows[1].cells[4].text == "5");
}

TEST_CASE("xlsx: one shared string shown by many cells is held once", "[io][xlsx]") {
    klima::test::TempDir dir;
    // issue 20: a 5 MB shared string in 2,100 cells took ~10 GB, one copy a cell. Here a note of
    // 20,000 characters (within Excel's 32,767) in a column "note" of 2,100 rows, each row its own source.
    const std::string note(20000, 'x');
    const std::string shared = "<sst><si><t>" + note + "</t></si></sst>";
    std::string rows = kHeaderRow;
    rows.insert(rows.size() - 6, "<c r=\"H1\" t=\"inlineStr\"><is><t>note</t></is></c>");  // before </row>
    for (int r = 2; r < 2102; ++r) {
        const auto n = std::to_string(r);
        auto row = data_row(r, "<c r=\"E" + n + "\"><v>" + n + "</v></c>");
        row.replace(row.find("<t>test</t>"), 11, "<t>meter " + n + "</t>");  // no row repeats another
        row.insert(row.size() - 6, "<c r=\"H" + n + "\" t=\"s\"><v>0</v></c>");
        rows += row;
    }
    const auto path = workbook(dir, rows, shared);
    const auto sheet = io::read_xlsx(path);
    REQUIRE(sheet.rows.size() == 2101);  // the header and 2,100 rows
    CHECK(sheet.rows[1].cells[7].text.size() == 20000);
    CHECK(sheet.rows[1].cells[7].text.data() == sheet.rows[2100].cells[7].text.data());  // one string, not 2,100
    // the table made of the sheet views the same text: the 2,100 records read, the note never copied
    const auto records = io::load_activity(path);
    CHECK(records.size() == 2100);
    CHECK(records.back().source == "meter 2101");
}

TEST_CASE("xlsx: a cell over Excel's 32,767 characters is refused naming it", "[io][xlsx][errors]") {
    klima::test::TempDir dir;
    const std::string long_text(32768, 'y');  // one past the limit
    const auto inline_cell =
        kHeaderRow + data_row(2, "<c r=\"E2\" t=\"inlineStr\"><is><t>" + long_text + "</t></is></c>");
    CHECK_THAT(error_of(workbook(dir, inline_cell)), Contains("Ark1!E2") && Contains("32,767 characters"));
    // 32,767 two-byte characters (ø) are 65,534 bytes, and within the limit
    std::string danish;
    for (int i = 0; i < 32767; ++i) danish += "\xC3\xB8";
    const auto ok = io::read_xlsx(
        workbook(dir, kHeaderRow + data_row(2, "<c r=\"E2\" t=\"inlineStr\"><is><t>" + danish + "</t></is></c>")));
    CHECK(ok.rows[1].cells[4].text.size() == 65534);
    CHECK_THAT(error_of(workbook(dir, kHeaderRow, "<sst><si><t>" + long_text + "</t></si></sst>")),
               Contains("shared string 0 is longer than 32,767 characters"));
}

TEST_CASE("xlsx: cells past the limits are refused naming the cell", "[io][xlsx][errors]") {
    klima::test::TempDir dir;
    // a header reaching column XFD (16,384 columns): rows with a value there take 16,384 slots each;
    // the 62nd such row brings 62 × 16,384 = 1,015,808 slots, past the 1,000,000 of XlsxLimits::cells
    std::string rows =
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>year</t></is></c>"
        "<c r=\"XFD1\" t=\"inlineStr\"><is><t>far</t></is></c></row>";
    for (int r = 2; r < 100; ++r)
        rows += "<row r=\"" + std::to_string(r) + "\"><c r=\"XFD" + std::to_string(r) + "\"><v>1</v></c></row>";
    CHECK_THAT(error_of(workbook(dir, rows)), Contains("Ark1!XFD62") && Contains("more than 1,000,000 cells"));
    CHECK_THAT(error_of(workbook(dir, kHeaderRow + "<row r=\"2\"><c r=\"XFE2\"><v>1</v></c></row>")),
               Contains("right of column XFD"));
    CHECK_THAT(error_of(workbook(dir, kHeaderRow + "<row r=\"99999999999\"><c r=\"A2\"><v>1</v></c></row>")),
               Contains("row number '99999999999'"));
}

TEST_CASE("xlsx: a formula saved without its value is refused naming the cell", "[io][xlsx][errors]") {
    klima::test::TempDir dir;
    // as openpyxl and pandas write a formula: <f> and no <v>; read before as an empty quantity, exit 0
    const auto path = workbook(dir, kHeaderRow + data_row(2, "<c r=\"E2\"><f>2*450</f></c>"));
    CHECK_THAT(error_of(path), Contains("w.xlsx:2") && Contains("Ark1!E2") &&
                                   Contains("formula saved without its value") &&
                                   Contains("open the workbook in Excel or LibreOffice and save it"));
    const auto cli = klima::test::run_cli("db import " + path + " --comment formula --data-dir " +
                                          klima::test::fixture_data_dir() + " --db " + dir.file("k.db"));
    CHECK(cli.exit_code == 1);
    CHECK_THAT(cli.err, Contains("Ark1!E2"));
    CHECK(!std::filesystem::exists(dir.file("k.db")));
    // a formula with its cached value, as Excel saves it, is read as that value: 2 × 450 = 900
    const auto saved = io::read_xlsx(workbook(dir, kHeaderRow + data_row(2, "<c r=\"E2\"><f>2*450</f><v>900</v></c>")));
    CHECK(saved.rows[1].cells[4].text == "900");
    CHECK(saved.rows[1].cells[4].number);
}
