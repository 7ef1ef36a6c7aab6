// Activity sheets as Danish climate officers write them: Danish column
// headers, display names for codes, one head count for every livestock
// source, units as typed ("m³", "liter"), and every bad cell of a file in one
// run. The xlsx and CSV readers share one row mapping (data_files.cpp).
#include "support.hpp"

#include "klima/activity_names.hpp"
#include "klima/inventory.hpp"
#include "klima/io/data_files.hpp"

#include <xlsxwriter.h>
#include <catch2/catch.hpp>

#include <variant>
#include <vector>

using namespace klima;
using units::in_tonnes;

namespace {

using Cell = std::variant<std::string, double>;  // text cell or number cell

std::string write_sheet(const std::string& path, const std::vector<std::vector<Cell>>& rows) {
    lxw_workbook* wb = workbook_new(path.c_str());
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Ark1");
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            const auto row = static_cast<lxw_row_t>(r);
            const auto col = static_cast<lxw_col_t>(c);
            if (const auto* s = std::get_if<std::string>(&rows[r][c]))
                worksheet_write_string(ws, row, col, s->c_str(), nullptr);
            else worksheet_write_number(ws, row, col, std::get<double>(rows[r][c]), nullptr);
        }
    REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
    return path;
}

const ReferenceData& bundled() {
    static const ReferenceData ref = io::load_reference_data(KLIMA_DEFAULT_DATA_DIR);
    return ref;
}

void same_records(const ActivitySet& a, const ActivitySet& b) {
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].year == b[i].year);
        CHECK(a[i].sector == b[i].sector);
        CHECK(a[i].subsector == b[i].subsector);
        CHECK(a[i].carrier == b[i].carrier);
        CHECK(a[i].unit == b[i].unit);
        CHECK(a[i].source == b[i].source);
        REQUIRE(a[i].amount.has_value() == b[i].amount.has_value());
        if (a[i].amount) CHECK(units::si_value(*a[i].amount) == units::si_value(*b[i].amount));
    }
}

}  // namespace

TEST_CASE("a Danish-header workbook with display names reads as the English CSV with codes", "[io][xlsx][officer]") {
    test::TempDir dir;
    const auto& ref = test::fixture_reference();
    const auto english = io::load_activity(dir.write("a.csv",
                                                     "year,sector,subsector,carrier,quantity,unit,source\n"
                                                     "2017,energi,el,el,1234.5,MWh,K\xC3\xB8ge Forsyning\n"
                                                     "2017,energi,individuel_opvarmning,naturgas,3600,GJ,HMN\n"),
                                           &ref);
    // Headers in Danish, in any case; sector, subsector and carrier by their
    // Danish or English names (tests/fixtures/data); a number cell and a text
    // cell with a decimal comma.
    const auto danish = io::load_activity(
        write_sheet(dir.file("b.xlsx"),
                    {{"\xC3\x85r", "Sektor", "UNDERSEKTOR", "Energiart", "M\xC3\xA6ngde", "Enhed", "Kilde"},
                     {2017.0, "Energi", "Electricity", "El", "1234,5", "MWh", "K\xC3\xB8ge Forsyning"},
                     {2017.0, "energy", "Individuel opvarmning", "Natural gas", 3600.0, "GJ", "HMN"}}),
        &ref);
    same_records(english, danish);
    // el 1234.5 MWh × 200 kg/MWh = 246.9 t; naturgas 3600 GJ: CO2 56.95 × 3600 = 205.02 t,
    // CH4 3.6 kg × 28 = 0.1008 t, N2O 3.6 kg × 265 = 0.954 t; total 452.9748 t
    CHECK(in_tonnes(compute_inventory(danish, 2017, ref).territorial.co2e) == Approx(452.9748));
}

TEST_CASE("Danish headers are forgiven case and the letters æ, ø, å written out", "[io][officer]") {
    // aar, MAENGDE, braendsel, undersektor: the same columns as år, mængde, brændsel
    const auto a = io::parse_activity_csv(
        "aar;SEKTOR;undersektor;braendsel;MAENGDE;enhed;kilde;usikkerhed\n"
        "2017;energi;el;el;1.234,5;MWh;x;\n",
        "a.csv");
    REQUIRE(a.size() == 1);
    CHECK(a[0].year == 2017);
    CHECK(units::display_value(*a[0].amount) == 1234.5);
    CHECK(fold_name("M\xC3\xA6ngde") == "maengde");
    CHECK(fold_name("MAENGDE") == "maengde");
    CHECK(fold_name("Husdyr: ford\xC3\xB8jelse") == "husdyr: fordoejelse");
    // two headers for one column are refused, naming both
    CHECK_THROWS_WITH(io::parse_activity_csv("year,\xC3\xA5r,sector,subsector,carrier,quantity,unit,source\n", "b.csv"),
                      Catch::Contains("columns 'year' and '\xC3\xA5r' both give year"));
}

TEST_CASE("a bad cell names the column as the file writes it", "[io][officer][errors]") {
    try {
        io::parse_activity_csv(
            "\xC3\xA5r;sektor;undersektor;energiart;m\xC3\xA6ngde;enhed;kilde\n"
            "2017;energi;el;el;abc;MWh;x\n",
            "a.csv");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.where().line == 2);
        CHECK(e.where().field == "m\xC3\xA6ngde");
    }
}

TEST_CASE("a name that fits two carriers is refused, naming both", "[officer][errors]") {
    ReferenceData ref = test::fixture_reference();
    ref.carriers.add({"naturgas2", "Naturgas", "Grid gas", CarrierKind::fuel, "test"});
    ActivityRecord r;
    r.year = 2017;
    r.sector = "energi";
    r.subsector = "individuel_opvarmning";
    r.carrier = "NATURGAS";  // not the code: folds to the names of naturgas and naturgas2
    r.origin = {"a.csv", 2, ""};
    CHECK_THROWS_WITH(resolve_display_names(r, ref), Catch::Contains("'NATURGAS' names more than one carrier") &&
                                                         Catch::Contains("naturgas (") &&
                                                         Catch::Contains("naturgas2 ("));
    r.carrier = "naturgas";  // a code is a code
    resolve_display_names(r, ref);
    CHECK(r.carrier == "naturgas");
}

TEST_CASE("one livestock row feeds enteric fermentation and manure, as the old two rows do", "[officer][livestock]") {
    test::TempDir dir;
    const auto& ref = bundled();
    const auto one = io::load_activity(dir.write("one.csv",
                                                 "year,sector,subsector,carrier,quantity,unit,source\n"
                                                 "2017,landbrug,husdyr,malkekoeer,1000,head,CHR\n"),
                                       &ref);
    const auto two = io::load_activity(dir.write("two.csv",
                                                 "year,sector,subsector,carrier,quantity,unit,source\n"
                                                 "2017,landbrug,husdyr,malkekoeer,1000,head,CHR\n"
                                                 "2017,landbrug,goedning,malkekoeer,1000,head,CHR\n"),
                                       &ref);
    same_records(one, two);
    // data/factors/non_energy.csv: enteric 117 kg CH4/head, manure 30 kg CH4/head; AR5 CH4 28
    // 1000 × 117 kg = 117 t CH4 × 28 = 3276 t; 1000 × 30 kg = 30 t × 28 = 840 t; 4116 t
    const auto inv = compute_inventory(one, 2017, ref, "AR5");
    CHECK(in_tonnes(inv.by_subsector.at("landbrug/husdyr").co2e) == Approx(3276.0));
    CHECK(in_tonnes(inv.by_subsector.at("landbrug/goedning").co2e) == Approx(840.0));
    CHECK(in_tonnes(inv.territorial.co2e) == Approx(4116.0));
    // the copy keeps its row's line, so that the manure line traces to the file
    CHECK(one[1].origin.line == 2);
    // a manure row of its own wins: 800 head in manure, 1000 in enteric fermentation
    const auto own = io::load_activity(dir.write("own.csv",
                                                 "year,sector,subsector,carrier,quantity,unit,source\n"
                                                 "2017,landbrug,husdyr,malkekoeer,1000,head,CHR\n"
                                                 "2017,landbrug,goedning,malkekoeer,800,head,CHR\n"),
                                       &ref);
    CHECK(own.size() == 2);
    CHECK(units::display_value(*own[1].amount) == 800.0);
}

TEST_CASE("five bad cells of a file are reported in one run, each with its line and fix", "[io][officer][errors]") {
    test::TempDir dir;
    const auto path = dir.write("bad.csv",
                                "\xC3\xA5r;sektor;undersektor;energiart;m\xC3\xA6ngde;enhed;kilde\n"
                                "2017;energi;el;el;870.000;MWh;a\n"              // 2: 870 or 870000?
                                "20x7;energi;fjernvarme;fjernvarme;10;MWh;b\n"   // 3: not a year
                                "2017;energi;el;el;5;MWh;\n"                     // 4: no source
                                "2017;energi;fjernvarme;fjernvarme;12;kilo;c\n"  // 5: unknown unit
                                "2017;transport;el;el;5;MWh;d\n");               // 6: no such subsector
    try {
        io::load_activity(path, &test::fixture_reference());
        FAIL("no error");
    } catch (const Error& e) {
        const std::string what = e.what();
        CHECK_THAT(what, Catch::Contains("5 bad cells"));
        CHECK_THAT(what, Catch::Contains(path + ":2: field 'm\xC3\xA6ngde': '870.000' could be read two ways") &&
                             Catch::Contains("write 870000 if 870000 is meant (no thousands dot), or 870 if 870 is "
                                             "meant"));
        CHECK_THAT(what, Catch::Contains(path + ":3: field '\xC3\xA5r': '20x7' is not a whole number"));
        CHECK_THAT(what, Catch::Contains(path + ":4: field 'kilde': empty value"));
        CHECK_THAT(what, Catch::Contains(path + ":5: field 'enhed': unknown unit 'kilo'"));
        CHECK_THAT(what, Catch::Contains(path + ":6: field 'subsector': unknown subsector 'el' in sector 'transport'"));
        CHECK(e.kind() == ErrorKind::input);
    }
}

TEST_CASE("more than fifty bad cells: the first fifty listed, all counted", "[io][officer][errors]") {
    std::string text = "year,sector,subsector,carrier,quantity,unit,source\n";
    for (int i = 0; i < 60; ++i) text += "2017,energi,el,el,x,MWh,s" + std::to_string(i) + "\n";
    try {
        io::parse_activity_csv(text, "many.csv");
        FAIL("no error");
    } catch (const Error& e) {
        const std::string what = e.what();
        CHECK_THAT(what, Catch::Contains("60 bad cells (the first 50 listed)"));
        CHECK_THAT(what, Catch::Contains("many.csv:51:"));  // the 50th bad row is line 51
        CHECK_THAT(what, !Catch::Contains("many.csv:52:"));
    }
}

TEST_CASE("units as officers type them read as klima's symbols", "[units][officer]") {
    const auto a = io::parse_activity_csv(
        "year,sector,subsector,carrier,quantity,unit,source\n"
        "2017,energi,individuel_opvarmning,naturgas,100,Nm\xC2\xB3,x\n"
        "2017,energi,individuel_opvarmning,gasolie,100,liter,x\n"
        "2017,energi,el,el,100,kwh,x\n",
        "u.csv");
    CHECK(a[0].unit == "Nm3");
    CHECK(a[1].unit == "l");
    CHECK(units::si_value(*a[1].amount) == Approx(0.1));  // 100 l = 0.1 m³
    CHECK(a[2].unit == "kWh");
}
