// Activity data straight from an .xlsx workbook. Every workbook is written
// here with libxlsxwriter, as Excel would save it.
#include "support.hpp"

#include "klima/inventory.hpp"
#include "klima/io/data_files.hpp"
#include "klima/io/xlsx_reader.hpp"

#include <xlsxwriter.h>
#include <catch2/catch.hpp>

#include <variant>
#include <vector>

using namespace klima;

namespace {

using Cell = std::variant<std::string, double>;  // text cell or number cell
using Sheet = std::pair<std::string, std::vector<std::vector<Cell>>>;

const std::vector<Cell> kHeader{"year", "sector", "subsector", "carrier", "quantity", "unit", "source"};

std::string write_workbook(const std::string& path, const std::vector<Sheet>& sheets) {
    lxw_workbook* wb = workbook_new(path.c_str());
    for (const auto& [name, rows] : sheets) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
        for (std::size_t r = 0; r < rows.size(); ++r)
            for (std::size_t c = 0; c < rows[r].size(); ++c) {
                const auto row = static_cast<lxw_row_t>(r);
                const auto col = static_cast<lxw_col_t>(c);
                if (const auto* s = std::get_if<std::string>(&rows[r][c])) {
                    if (!s->empty()) worksheet_write_string(ws, row, col, s->c_str(), nullptr);
                } else {
                    worksheet_write_number(ws, row, col, std::get<double>(rows[r][c]), nullptr);
                }
            }
    }
    REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
    return path;
}

double territorial_t(const ActivitySet& records) {
    return units::in_tonnes(compute_inventory(records, 2017, test::fixture_reference()).territorial.co2e);
}

}  // namespace

TEST_CASE("the same inventory from a comma file, a semicolon file and an xlsx workbook", "[io][xlsx][inventory]") {
    // el 1234.5 MWh × 200 kg/MWh = 246.9 t; naturgas 3600 GJ: CO2 56.95 × 3600 = 205.02 t,
    // CH4 3.6 kg × 28 = 0.1008 t, N2O 3.6 kg × 265 = 0.954 t; total 452.9748 t
    test::TempDir dir;
    const auto comma =
        io::load_activity(dir.write("a.csv",
                                    "year,sector,subsector,carrier,quantity,unit,source\n"
                                    "2017,energi,el,el,1234.5,MWh,K\xC3\xB8ge Forsyning\n"
                                    "2017,energi,individuel_opvarmning,naturgas,3600,GJ,\"HMN, gas sales\"\n"),
                          &test::fixture_reference());
    const auto semicolon =
        io::load_activity(dir.write("b.csv",
                                    "\xEF\xBB\xBFyear;sector;subsector;carrier;quantity;unit;source\r\n"
                                    "2017;energi;el;el;1.234,5;MWh;K\xC3\xB8ge Forsyning\r\n"
                                    "2017;energi;individuel_opvarmning;naturgas;3.600,0;GJ;HMN, gas sales\r\n"),
                          &test::fixture_reference());
    const auto xlsx = io::load_activity(
        write_workbook(dir.file("c.xlsx"),
                       {{"Ark1",
                         {kHeader,
                          {2017.0, "energi", "el", "el", 1234.5, "MWh", "K\xC3\xB8ge Forsyning"},
                          {2017.0, "energi", "individuel_opvarmning", "naturgas", 3600.0, "GJ", "HMN, gas sales"}}}}),
        &test::fixture_reference());
    CHECK(territorial_t(comma) == Approx(452.9748));
    CHECK(territorial_t(semicolon) == territorial_t(comma));
    CHECK(territorial_t(xlsx) == territorial_t(comma));
    CHECK(xlsx[0].source == "K\xC3\xB8ge Forsyning");
    CHECK(xlsx[1].origin.line == 3);  // the sheet's row
}

TEST_CASE("xlsx: numbers typed as text are read when only one reading fits", "[io][xlsx]") {
    test::TempDir dir;
    // "1.234,5" can only be Danish (1234.5); "12.5" only a decimal point; 1000 MWh litres row as number cell
    const auto p =
        write_workbook(dir.file("a.xlsx"), {{"Ark1",
                                             {kHeader,
                                              {"2017", "energi", "el", "el", "1.234,5", "MWh", "a"},
                                              {2017.0, "energi", "fjernvarme", "fjernvarme", "12.5", "MWh", "b"}}}});
    const auto recs = io::load_activity(p);
    CHECK(units::display_value(*recs[0].amount) == Approx(1234.5));
    CHECK(units::display_value(*recs[1].amount) == Approx(12.5));
}

TEST_CASE("xlsx: a number that could be read two ways is refused with its cell", "[io][xlsx][errors]") {
    test::TempDir dir;
    const auto p =
        write_workbook(dir.file("a.xlsx"), {{"Ark1",
                                             {kHeader,
                                              {2017.0, "energi", "el", "el", 5.0, "MWh", "a"},
                                              {2017.0, "energi", "fjernvarme", "fjernvarme", "1.234", "MWh", "b"}}}});
    CHECK_THROWS_WITH(io::load_activity(p),
                      Catch::Contains("a.xlsx:3: field 'quantity (cell Ark1!E3)': '1.234' could be read two ways"));
    // a number cell holding 1.234 is not ambiguous: the workbook stores it as a number
    const auto q =
        write_workbook(dir.file("b.xlsx"), {{"Ark1", {kHeader, {2017.0, "energi", "el", "el", 1.234, "MWh", "a"}}}});
    CHECK(units::display_value(*io::load_activity(q)[0].amount) == Approx(1.234));
}

TEST_CASE("xlsx: the first sheet, or the one named", "[io][xlsx]") {
    test::TempDir dir;
    const auto p = write_workbook(dir.file("a.xlsx"),
                                  {{"Noter", {{"Activity data for 2017, see sheet Data"}}},
                                   {"Data", {kHeader, {2017.0, "energi", "el", "el", 1000.0, "MWh", "grid"}}}});
    CHECK_THROWS_WITH(io::load_activity(p), Catch::Contains("missing column 'year' in row 1 of sheet 'Noter'"));
    io::ActivityReadOptions data;
    data.sheet = "Data";
    CHECK(io::load_activity(p, nullptr, data).size() == 1);
    data.sheet = "Ark1";
    CHECK_THROWS_WITH(
        io::load_activity(p, nullptr, data),
        Catch::Contains("a.xlsx: the workbook has no sheet 'Ark1'") && Catch::Contains("use one of 'Noter', 'Data'"));
}

TEST_CASE("xlsx: a file that is not a workbook, and bad cells, are named", "[io][xlsx][errors]") {
    CHECK_THROWS_WITH(io::parse_xlsx("year,sector\n", "a.xlsx"),
                      Catch::StartsWith("a.xlsx: not an xlsx workbook (not a zip archive"));
    test::TempDir dir;
    const auto p =
        write_workbook(dir.file("a.xlsx"), {{"Ark1", {kHeader, {2017.0, "energi", "el", "el", "#N/A", "MWh", "a"}}}});
    CHECK_THROWS_WITH(io::load_activity(p),
                      Catch::Contains("a.xlsx:2: field 'quantity (cell Ark1!E2)': '#N/A' is not a number"));
    const auto extra = write_workbook(dir.file("b.xlsx"),
                                      {{"Ark1", {kHeader, {2017.0, "energi", "el", "el", 1.0, "MWh", "a", "note"}}}});
    CHECK_THROWS_WITH(io::load_activity(extra),
                      Catch::Contains("a value in a column without a header") && Catch::Contains("Ark1!H2"));
}

TEST_CASE("xlsx: column letters", "[io][xlsx]") {
    CHECK(io::column_letters(0) == "A");
    CHECK(io::column_letters(25) == "Z");
    CHECK(io::column_letters(26) == "AA");
    CHECK(io::column_letters(27 * 26) == "AAA");  // 702 = 26 + 26² columns before AAA
}

TEST_CASE("cli: inventory and db import read an xlsx sheet named with --sheet", "[cli][xlsx]") {
    test::TempDir dir;
    const auto p = write_workbook(
        dir.file("a.xlsx"),
        {{"Noter", {{"see Data"}}}, {"Data", {kHeader, {2017.0, "energi", "el", "el", 1000.0, "MWh", "grid"}}}});
    const std::string data_dir = " --data-dir " + test::fixture_data_dir();
    // 1000 MWh × 200 kg/MWh = 200 t
    const auto inv = test::run_cli("inventory" + data_dir + " --year 2017 --format csv --sheet Data --data " + p);
    REQUIRE(inv.exit_code == 0);
    CHECK_THAT(inv.out, Catch::Contains("2017,energi,el,el,1000.000,MWh,CO2e,200.000000"));
    const auto imported =
        test::run_cli("db import " + p + " --sheet Data --comment xlsx" + data_dir + " --db " + dir.file("k.db"));
    CHECK(imported.exit_code == 0);
    // version 1: the factor set of --data-dir, recorded when the store is made (docs/store.md)
    CHECK_THAT(imported.out, Catch::Contains("stored 1 activity rows as version 2"));
    const auto wrong =
        test::run_cli("inventory" + data_dir + " --year 2017 --sheet Data --data " + test::fixture("activity.csv"));
    CHECK(wrong.exit_code == 1);
    CHECK_THAT(wrong.err, Catch::Contains("a sheet was named, but this is not an .xlsx workbook"));
}
