// Every class of bad input gets an error naming file, line and field.
#include "support.hpp"

#include "klima/inventory.hpp"
#include "klima/io/csv.hpp"
#include "klima/io/data_files.hpp"

#include <catch2/catch.hpp>

using namespace klima;

namespace {

const std::string kHeader = "year,sector,subsector,carrier,quantity,unit,source\n";

void load_csv(const std::string& body) {
    test::TempDir dir;
    io::load_activity(dir.write("a.csv", kHeader + body), &test::fixture_reference());
}

}  // namespace

TEST_CASE("csv: quoting, CRLF and BOM are read", "[io]") {
    const auto t = io::CsvTable::parse(
        "\xEF\xBB\xBF"
        "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n",
        "t.csv", {"a", "b"});
    REQUIRE(t.rows().size() == 1);
    CHECK(t.rows()[0].text("a") == "x, y");
    CHECK(t.rows()[0].text("b") == "say \"hi\"");
    CHECK(t.rows()[0].line() == 2);
}

TEST_CASE("errors: malformed CSV names file and line", "[io][errors]") {
    CHECK_THROWS_WITH(io::CsvTable::parse("a,b\n1,2\n\"open,3\n", "t.csv", {}),
                      Catch::StartsWith("t.csv:3: unterminated quoted field"));
    CHECK_THROWS_WITH(io::CsvTable::parse("a,b\n1,2,3\n", "t.csv", {}),
                      Catch::StartsWith("t.csv:2: row has 3 fields, the header has 2"));
    CHECK_THROWS_WITH(io::CsvTable::parse("a,b\n\"x\"y,2\n", "t.csv", {}),
                      Catch::StartsWith("t.csv:2: text after a closing quote"));
    CHECK_THROWS_WITH(io::CsvTable::parse("", "t.csv", {}), Catch::Contains("file is empty"));
}

TEST_CASE("errors: a missing column is named", "[io][errors]") {
    test::TempDir dir;
    const auto p = dir.write("a.csv", "year,sector,subsector,carrier,quantity,source\n2017,energi,el,el,1,x\n");
    CHECK_THROWS_WITH(io::load_activity(p), Catch::Contains("a.csv:1: field 'unit': missing column 'unit'"));
}

TEST_CASE("errors: unknown sector, subsector and carrier list the known codes", "[io][errors]") {
    CHECK_THROWS_WITH(load_csv("2017,energie,el,el,1,MWh,x\n"),  // "energy" is energi's English name
                      Catch::Contains("a.csv:2: field 'sector': unknown sector 'energie'") &&
                          Catch::Contains("use one of energi, transport"));
    CHECK_THROWS_WITH(
        load_csv("2017,energi,gas,el,1,MWh,x\n"),
        Catch::Contains("a.csv:2: field 'subsector': unknown subsector 'gas'") && Catch::Contains("fjernvarme"));
    CHECK_THROWS_WITH(
        load_csv("2017,energi,el,strom,1,MWh,x\n"),
        Catch::Contains("a.csv:2: field 'carrier': unknown carrier 'strom'") && Catch::Contains("carriers.csv"));
}

TEST_CASE("errors: wrong units", "[io][errors]") {
    // not a unit at all
    CHECK_THROWS_WITH(load_csv("2017,energi,el,el,1,MJJ,x\n"),
                      Catch::Contains("a.csv:2: field 'unit': unknown unit 'MJJ'"));
    // a real unit of the wrong kind for the subsector
    CHECK_THROWS_WITH(load_csv("2017,energi,el,el,1,km,x\n"),
                      Catch::Contains("a.csv:2: field 'unit': subsector energi/el takes energy, not distance"));
}

TEST_CASE("errors: a unit that does not match the factor is caught at computation", "[inventory][errors]") {
    // busser accepts distance, but the fixture has gasolie only per GJ
    test::TempDir dir;
    const auto p = dir.write("a.csv", kHeader + "2017,transport,busser,gasolie,1000,km,x\n");
    const auto records = io::load_activity(p, &test::fixture_reference());
    CHECK_THROWS_WITH(compute_inventory(records, 2017, test::fixture_reference()),
                      Catch::Contains("a.csv:2: field 'unit': activity is distance but the factor is per energy"));
}

TEST_CASE("errors: negative energy, bad numbers, bad years", "[io][errors]") {
    CHECK_THROWS_WITH(load_csv("2017,energi,el,el,-5,MWh,x\n"),
                      Catch::Contains("a.csv:2: field 'quantity': negative quantity"));
    CHECK_THROWS_WITH(load_csv("2017,energi,el,el,1.000,5,MWh,x\n"), Catch::Contains("a.csv:2: row has 8 fields"));
    CHECK_THROWS_WITH(load_csv("2017,energi,el,el,12a,MWh,x\n"),
                      Catch::Contains("a.csv:2: field 'quantity': '12a' is not a number"));
    CHECK_THROWS_WITH(load_csv("1889,energi,el,el,1,MWh,x\n"),
                      Catch::Contains("a.csv:2: field 'year': year 1889 is outside 1990"));
    CHECK_THROWS_WITH(load_csv("2017,energi,el,el,1,MWh,\n"), Catch::Contains("a.csv:2: field 'source': empty value"));
}

TEST_CASE("errors: a file that is not there, or of an unknown type", "[io][errors]") {
    CHECK_THROWS_WITH(io::load_activity("/nonexistent/a.csv"),
                      Catch::StartsWith("/nonexistent/a.csv: cannot open file"));
    CHECK_THROWS_WITH(io::load_activity("a.xls"), Catch::Contains("unknown file type '.xls'"));
    CHECK_THROWS_WITH(io::load_reference_data("/nonexistent"), Catch::Contains("data directory not found"));
    CHECK_THROWS_WITH(io::load_reference_data(test::fixture("data/factors")),
                      Catch::Contains("not a klima data directory") && Catch::Contains("not data/factors"));
}

TEST_CASE("activity JSON: read, null is missing, errors carry the JSON path", "[io]") {
    const std::string good = R"({"records": [
      {"year": 2017, "sector": "energi", "subsector": "el", "carrier": "el", "quantity": 1000, "unit": "MWh", "source": "x"},
      {"year": 2017, "sector": "transport", "subsector": "soe", "carrier": "gasolie", "quantity": null, "unit": "MWh", "source": "x"}
    ]})";
    const auto recs = io::parse_activity_json(good, "a.json");
    REQUIRE(recs.size() == 2);
    CHECK(units::display_value(*recs[0].amount) == Approx(1000.0));
    CHECK_FALSE(recs[1].amount.has_value());

    CHECK_THROWS_WITH(io::parse_activity_json("{\"records\": [\n{\"year\": 2017,,}]}", "a.json"),
                      Catch::StartsWith("a.json:2: malformed JSON"));
    CHECK_THROWS_WITH(io::parse_activity_json(R"({"records": [{"year": "2017"}]})", "a.json"),
                      Catch::Contains("a.json: field '/records/0/year': expected a whole number"));
    CHECK_THROWS_WITH(io::parse_activity_json(R"({"records": [{"year": 2017, "sector": "energi", "subsector": "el",
        "carrier": "el", "unit": "MWh", "source": "x"}]})",
                                              "a.json"),
                      Catch::Contains("field '/records/0/quantity': missing key 'quantity'"));
    CHECK_THROWS_WITH(io::parse_activity_json(R"({"rows": []})", "a.json"), Catch::Contains("'/records'"));
}

TEST_CASE("factor library: overlapping years and a subsector-specific row", "[factors][errors]") {
    const auto& ref = test::fixture_reference();
    // trae in individuel_opvarmning: the stove CH4 row (200 g/GJ) replaces the generic 10 g/GJ;
    // N2O has only a generic row → two factors.
    const auto f = ref.factors.lookup("trae", "individuel_opvarmning", 2017);
    REQUIRE(f.size() == 2);
    CHECK(f[0]->gas == Gas::CH4);
    // 200 g/GJ = 0.2 kg/GJ × 3.6 GJ/MWh = 0.72 kg/MWh
    CHECK(units::display_factor_value(f[0]->value) == Approx(0.72));

    test::TempDir dir;
    const auto p = dir.write("f.csv",
                             "carrier,subsector,gas,value,unit,year_from,year_to,status,source\n"
                             "el,,CO2e,1,kg/MWh,2000,2010,official,x\n"
                             "el,,CO2e,2,kg/MWh,2010,2020,official,x\n");
    FactorLibrary lib;
    CHECK_THROWS_WITH(io::load_factors(p, lib),
                      Catch::Contains("f.csv:3: factor for el CO2e overlaps") && Catch::Contains("f.csv:2"));
}
