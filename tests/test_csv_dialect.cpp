// Danish Excel CSV: ';' between fields, decimal comma, thousands dots, BOM,
// CRLF or CR, Windows-1252. Every fixture is written here, byte by byte.
#include "support.hpp"

#include "klima/inventory.hpp"
#include "klima/io/csv.hpp"
#include "klima/io/data_files.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace klima;
using io::CsvDialect;
using io::parse_number;

TEST_CASE("numbers: the Danish dialect reads decimal commas and thousands dots", "[io][dialect]") {
    const auto da = CsvDialect::danish();
    CHECK(parse_number("1234,5", da) == 1234.5);
    CHECK(parse_number("1.234,5", da) == 1234.5);
    CHECK(parse_number("1.234.567", da) == 1234567.0);  // two dots: only thousands
    CHECK(parse_number(" 0,25 ", da) == 0.25);
    CHECK(parse_number("42", da) == 42.0);
    CHECK(parse_number("-3,5", da) == -3.5);  // read; the activity check refuses negatives
}

TEST_CASE("numbers: one that could be read two ways is refused, never guessed", "[io][dialect][errors]") {
    // "1.234": 1.234 with a decimal point, or 1234 with a thousands dot
    CHECK_THROWS_WITH(parse_number("1.234", CsvDialect::danish()), Catch::Contains("'1.234' could be read two ways") &&
                                                                       Catch::Contains("1234") &&
                                                                       Catch::Contains("or 1,234 if 1,234 is meant"));
    // "870.000" in the Danish dialect: the fix writes each reading so that this
    // dialect reads it one way only: 870000 (no dot) or 870 (870.000 = 870)
    CHECK_THROWS_WITH(parse_number("870.000", CsvDialect::danish()),
                      Catch::Contains("write 870000 if 870000 is meant (no thousands dot), or 870 if 870 is meant"));
    // "1,234" (quoted) in a comma file: 1.234 or 1234
    CHECK_THROWS_WITH(parse_number("1,234", CsvDialect::comma()),
                      Catch::Contains("write 1234 if 1234 is meant (no thousands comma), or 1.234 if 1.234 is meant"));
    // a text cell of a spreadsheet reads either mark: "1.234" cannot be written
    // as text unambiguously, so the decimal is entered as a number cell
    CHECK_THROWS_WITH(
        parse_number("1.234", CsvDialect::spreadsheet()),
        Catch::Contains("write 1234 if 1234 is meant") && Catch::Contains("enter 1.234 as a number cell"));
    CHECK_THROWS_WITH(parse_number("870.000", CsvDialect::spreadsheet()), Catch::Contains("or 870 if 870 is meant"));
    // a decimal point in a decimal-comma file, and a broken thousands group
    CHECK_THROWS_WITH(parse_number("12.5", CsvDialect::danish()), Catch::Contains("is not a number in this file"));
    CHECK_THROWS_WITH(parse_number("1.23,5", CsvDialect::danish()), Catch::Contains("is not a number in this file"));
}

TEST_CASE("numbers: inf, nan and overflow are refused", "[io][errors]") {
    for (const char* bad : {"inf", "nan", "-inf", "INF", "1e"})
        CHECK_THROWS_WITH(parse_number(bad), Catch::Contains("is not a number"));
    CHECK_THROWS_WITH(parse_number("1e400"), Catch::Contains("'1e400' is out of range"));
    CHECK(parse_number("1e300") == 1e300);
}

TEST_CASE("dialect: detected from the header line", "[io][dialect]") {
    CHECK(io::detect_dialect("a;b\n1;2\n", "t.csv").delimiter == ';');
    CHECK(io::detect_dialect("a;b\n1;2\n", "t.csv").decimal == ',');
    CHECK(io::detect_dialect("a,b\n1,2\n", "t.csv").delimiter == ',');
    CHECK(io::detect_dialect("\xEF\xBB\xBF"
                             "a;b\r\n",
                             "t.csv")
              .encoding == io::TextEncoding::utf8);
    // ';'-separated without BOM and not UTF-8: Excel's Windows-1252
    CHECK(io::detect_dialect("a;b\nK\xF8ge;2\n", "t.csv").encoding == io::TextEncoding::windows1252);
    CHECK_THROWS_WITH(io::detect_dialect("a;b,c\n", "t.csv"), Catch::Contains("t.csv:1: the header line holds both"));
}

TEST_CASE("csv: a Windows-1252 file is decoded to UTF-8", "[io][dialect]") {
    // "Køge" and "Ærø" in Windows-1252: ø = 0xF8, Æ = 0xC6; € = 0x80
    const std::string text = "name;sum\r\nK\xF8ge;1.234,5\r\n\xC6r\xF8 \x80;7\r\n";
    const auto t = io::CsvTable::parse(text, "t.csv", {"name", "sum"});
    REQUIRE(t.rows().size() == 2);
    CHECK(t.rows()[0].text("name") == "K\xC3\xB8ge");
    CHECK(t.rows()[0].number("sum") == 1234.5);
    CHECK(t.rows()[1].text("name") == "\xC3\x86r\xC3\xB8 \xE2\x82\xAC");
    CHECK(t.rows()[1].line() == 3);
}

TEST_CASE("csv: invalid UTF-8 in a comma file is refused at read time with its line", "[io][errors]") {
    // issue 11 #2: Latin-1 "ø" (0xF8) on line 3
    const std::string text = "a,b\n1,2\nK\xF8ge,3\n";
    CHECK_THROWS_WITH(io::CsvTable::parse(text, "t.csv", {}),
                      Catch::StartsWith("t.csv:3: not valid UTF-8 text") && Catch::Contains("CSV UTF-8"));
    // ...and read when the dialect says Windows-1252
    const auto t = io::CsvTable::parse(text, "t.csv", {}, CsvDialect{',', '.', io::TextEncoding::windows1252});
    CHECK(t.rows()[1].text("a") == "K\xC3\xB8ge");
    // a byte Windows-1252 does not define
    CHECK_THROWS_WITH(
        io::CsvTable::parse("a;b\n\x81;1\n", "t.csv", {}, CsvDialect::danish(io::TextEncoding::windows1252)),
        Catch::StartsWith("t.csv:2: byte 0x81 is not a character in Windows-1252"));
}

TEST_CASE("csv: a NUL byte is named with its line, and the message is whole", "[io][errors]") {
    const std::string text = std::string("a,b\n1,2\n3,") + '\0' + "4\n";
    CHECK_THROWS_WITH(io::CsvTable::parse(text, "t.csv", {}),
                      Catch::StartsWith("t.csv:3: NUL byte in the text") && Catch::EndsWith("CSV UTF-8))"));
}

TEST_CASE("csv: CR-only line ends, whitespace-only and delimiter-only rows", "[io]") {
    // old Mac Excel ends lines with a lone CR
    const auto cr = io::CsvTable::parse("a,b\r1,2\r3,4\r", "t.csv", {"a", "b"});
    REQUIRE(cr.rows().size() == 2);
    CHECK(cr.rows()[1].text("a") == "3");
    CHECK(cr.rows()[1].line() == 3);
    // a line of spaces and a row of empty cells (as Excel saves empty rows) are blank
    const auto blank = io::CsvTable::parse("a;b\n1;2\n   \n;\n3;4\n", "t.csv", {"a", "b"});
    REQUIRE(blank.rows().size() == 2);
    CHECK(blank.rows()[1].line() == 5);
}

TEST_CASE("csv: a header split by the wrong delimiter says which it saw", "[io][errors]") {
    CHECK_THROWS_WITH(io::CsvTable::parse("a;b\n1;2\n", "t.csv", {"a", "b"}, CsvDialect::comma()),
                      Catch::Contains("t.csv:1: field 'a': missing column 'a'; the header was read as one column "
                                      "split by ',', but it contains ';'"));
    CHECK_THROWS_WITH(io::CsvTable::parse("a;b\n1;2;3\n", "t.csv", {}),
                      Catch::Contains("row has 3 fields, the header has 2 (';'-separated, decimal comma, UTF-8)") &&
                          Catch::Contains("quote fields that contain ';'"));
}

TEST_CASE("csv: a directory named x.csv is not an empty file", "[io][errors]") {
    test::TempDir dir;
    const auto p = dir.file("x.csv");
    std::filesystem::create_directory(p);
    CHECK_THROWS_WITH(io::load_activity(p), Catch::Contains("x.csv: is a directory, not a file"));
}

namespace {

double territorial_t(const ActivitySet& records) {
    return units::in_tonnes(compute_inventory(records, 2017, test::fixture_reference()).territorial.co2e);
}

}  // namespace

TEST_CASE("the same inventory from a comma file and a Danish Excel file", "[io][dialect][inventory]") {
    // el 1234.5 MWh × 200 kg/MWh                       = 246.9 t
    // naturgas 3600 GJ: CO2 56.95 kg/GJ × 3600 GJ      = 205.02 t
    //   CH4 1 g/GJ × 3600 GJ = 3.6 kg × 28 (AR5)        = 0.1008 t
    //   N2O 1 g/GJ × 3600 GJ = 3.6 kg × 265             = 0.954 t
    // total 246.9 + 205.02 + 0.1008 + 0.954            = 452.9748 t
    const std::string comma =
        "year,sector,subsector,carrier,quantity,unit,source\n"
        "2017,energi,el,el,1234.5,MWh,K\xC3\xB8ge Forsyning\n"
        "2017,energi,individuel_opvarmning,naturgas,3600,GJ,\"HMN, gas sales\"\n";
    // Excel "CSV UTF-8": BOM, CRLF
    const std::string utf8 =
        "\xEF\xBB\xBFyear;sector;subsector;carrier;quantity;unit;source\r\n"
        "2017;energi;el;el;1.234,5;MWh;K\xC3\xB8ge Forsyning\r\n"
        "2017;energi;individuel_opvarmning;naturgas;3.600,0;GJ;HMN, gas sales\r\n";
    // Excel "CSV (semikolonsepareret)": Windows-1252, no BOM
    const std::string cp1252 =
        "year;sector;subsector;carrier;quantity;unit;source\r\n"
        "2017;energi;el;el;1234,5;MWh;K\xF8ge Forsyning\r\n"
        "2017;energi;individuel_opvarmning;naturgas;3600;GJ;HMN, gas sales\r\n";
    test::TempDir dir;
    const auto a = io::load_activity(dir.write("comma.csv", comma), &test::fixture_reference());
    const auto b = io::load_activity(dir.write("utf8.csv", utf8), &test::fixture_reference());
    const auto c = io::load_activity(dir.write("cp1252.csv", cp1252), &test::fixture_reference());
    CHECK(territorial_t(a) == Approx(452.9748));
    CHECK(territorial_t(b) == territorial_t(a));
    CHECK(territorial_t(c) == territorial_t(a));
    CHECK(c[0].source == "K\xC3\xB8ge Forsyning");
    CHECK(b[1].source == "HMN, gas sales");
}

TEST_CASE("cli: --csv-dialect is checked and used", "[cli][dialect]") {
    test::TempDir dir;
    // a comma file that is really Windows-1252: refused unless declared
    const auto p = dir.write("a.csv",
                             "year,sector,subsector,carrier,quantity,unit,source\n"
                             "2017,energi,el,el,1000,MWh,K\xF8ge\n");
    const std::string base = "inventory --data-dir " + test::fixture_data_dir() + " --year 2017 --data " + p;
    const auto refused = test::run_cli(base);
    CHECK(refused.exit_code == 1);
    CHECK_THAT(refused.err, Catch::Contains("a.csv:2: not valid UTF-8 text"));
    // declared: 1000 MWh × 200 kg/MWh = 200 t, and the source decoded
    const auto declared = test::run_cli(base + " --csv-dialect comma-1252 --format json");
    REQUIRE(declared.exit_code == 0);
    CHECK_THAT(declared.out,
               Catch::Contains("\"activity_source\": \"K\xC3\xB8ge\"") && Catch::Contains("\"t_co2e\": 200.0"));
    const auto bad = test::run_cli(base + " --csv-dialect latin1");
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.err, Catch::Contains("field '--csv-dialect': unknown CSV dialect 'latin1'"));
}
