// Activity data that would make figures silently wrong is refused (issue 11):
// duplicate rows, amounts that overflow, errors that lose their place.
#include "support.hpp"

#include "klima/inventory.hpp"
#include "klima/io/data_files.hpp"

#include <catch2/catch.hpp>

using namespace klima;

namespace {

const std::string kHeader = "year,sector,subsector,carrier,quantity,unit,source\n";

ActivitySet csv(const std::string& body) { return io::parse_activity_csv(kHeader + body, "a.csv"); }

}  // namespace

TEST_CASE("duplicates: an exact repeat names both lines", "[io][errors]") {
    // issue 11 #3: a file pasted twice would double every total
    CHECK_THROWS_WITH(csv("2017,energi,el,el,1000,MWh,x\n2017,energi,el,el,1000,MWh,x\n"),
                      Catch::StartsWith("a.csv:3: this row repeats a.csv:2"));
}

TEST_CASE("duplicates: the same key and source with another quantity is a conflict", "[io][errors]") {
    CHECK_THROWS_WITH(csv("2017,energi,el,el,1000,MWh,x\n2017,energi,fjernvarme,fjernvarme,5,MWh,x\n"
                          "2017,energi,el,el,1000,GJ,x\n"),
                      Catch::StartsWith("a.csv:4: this row conflicts with a.csv:2"));
    CHECK_THROWS_WITH(io::parse_activity_json(R"({"records": [
      {"year": 2017, "sector": "energi", "subsector": "el", "carrier": "el", "quantity": 1000, "unit": "MWh", "source": "x"},
      {"year": 2017, "sector": "energi", "subsector": "el", "carrier": "el", "quantity": null, "unit": "MWh", "source": "x"}
    ]})",
                                              "a.json"),
                      Catch::StartsWith("a.json: field '/records/1': this row conflicts with a.json#/records/0"));
}

TEST_CASE("duplicates: rows that differ in source are separate lines, both counted", "[inventory]") {
    // two suppliers: 600 MWh + 400 MWh, each × 200 kg/MWh = 120 t + 80 t = 200 t
    const auto records = csv("2017,energi,el,el,600,MWh,supplier A\n2017,energi,el,el,400,MWh,supplier B\n");
    const auto inv = compute_inventory(records, 2017, test::fixture_reference());
    REQUIRE(inv.lines.size() == 2);
    CHECK(units::in_tonnes(inv.lines[0].co2e) == Approx(120.0));
    CHECK(units::in_tonnes(inv.lines[1].co2e) == Approx(80.0));
    CHECK(units::in_tonnes(inv.territorial.co2e) == Approx(200.0));
}

TEST_CASE("overflow: an amount that is not finite after conversion blames the quantity", "[io][errors]") {
    // issue 11 #4: 1e308 MWh × 3.6e9 J/MWh overflows a double
    CHECK_THROWS_WITH(csv("2017,energi,el,el,1e308,MWh,x\n"),
                      Catch::StartsWith("a.csv:2: field 'quantity': value is too large"));
    // issue 11 #10: inf and nan were blamed on the field unit
    CHECK_THROWS_WITH(csv("2017,energi,el,el,inf,MWh,x\n"), Catch::StartsWith("a.csv:2: field 'quantity': 'inf'"));
    CHECK_THROWS_WITH(csv("2017,energi,el,el,nan,MWh,x\n"), Catch::StartsWith("a.csv:2: field 'quantity': 'nan'"));
}

TEST_CASE("overflow: a computed emission or total that is not finite names its row", "[inventory][errors]") {
    // fgas: 1 t CO2e per t. 1e305 t = 1e308 kg: one line is finite (max double ≈ 1.8e308)
    const auto one = csv("2017,industriprocesser,fgasser,fgas,1e305,t,a\n");
    CHECK(units::in_kg(compute_inventory(one, 2017, test::fixture_reference()).territorial.co2e) == Approx(1e308));
    // two such lines sum to 2e308 kg: inf
    const auto two =
        csv("2017,industriprocesser,fgasser,fgas,1e305,t,a\n2017,industriprocesser,fgasser,fgas,1e305,t,b\n");
    CHECK_THROWS_WITH(compute_inventory(two, 2017, test::fixture_reference()),
                      Catch::StartsWith("a.csv:3: field 'quantity': the total is too large"));
    // CH4 of landfill: 1.5e305 t × 50 kg/t = 7.5e306 kg CH4 (finite), × 28 (AR5) = 2.1e308 kg CO2e: inf
    const auto gas = csv("2017,affald,deponi,deponeret_affald,1.5e305,t,a\n");
    CHECK_THROWS_WITH(compute_inventory(gas, 2017, test::fixture_reference()),
                      Catch::StartsWith("a.csv:2: field 'quantity': the emission of CH4 is too large"));
}

TEST_CASE("activity JSON: taxonomy and unit errors keep the record's path", "[io][errors]") {
    // issue 11 #10: these said field 'carrier' or 'unit' without /records/N
    const auto recs = io::parse_activity_json(R"({"records": [
      {"year": 2017, "sector": "energi", "subsector": "el", "carrier": "el", "quantity": 1, "unit": "MWh", "source": "x"},
      {"year": 2017, "sector": "energi", "subsector": "el", "carrier": "elx", "quantity": 1, "unit": "MWh", "source": "x"},
      {"year": 2017, "sector": "energi", "subsector": "el", "carrier": "el", "quantity": 1, "unit": "km", "source": "y"},
      {"year": 2017, "sector": "energi", "subsector": "elx", "carrier": "el", "quantity": 1, "unit": "MWh", "source": "x"}
    ]})",
                                              "a.json");
    const auto& ref = test::fixture_reference();
    CHECK_THROWS_WITH(ref.validate(recs[1]), Catch::StartsWith("a.json: field '/records/1/carrier': unknown carrier"));
    CHECK_THROWS_WITH(ref.validate(recs[2]),
                      Catch::StartsWith("a.json: field '/records/2/unit': subsector energi/el takes energy"));
    CHECK_THROWS_WITH(ref.validate(recs[3]),
                      Catch::StartsWith("a.json: field '/records/3/subsector': unknown subsector"));
    CHECK_THROWS_WITH(io::parse_activity_json(R"({"records": [
      {"year": 2017, "sector": "energi", "subsector": "el", "carrier": "el", "quantity": 1e308, "unit": "MWh", "source": "x"}
    ]})",
                                              "a.json"),
                      Catch::StartsWith("a.json: field '/records/0/quantity': value is too large"));
}
