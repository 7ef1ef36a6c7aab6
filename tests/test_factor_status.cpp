// A factor's status reaches every inventory output as it is in data/:
// official, derived (interpolated or carried forward) or illustrative.
#include "support.hpp"

#include "klima/inventory.hpp"
#include "klima/io/data_files.hpp"
#include "klima/report/inventory_report.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace klima;

TEST_CASE("inventory outputs say official, derived or illustrative per factor", "[inventory][report]") {
    const auto ref = io::load_reference_data(KLIMA_DEFAULT_DATA_DIR);
    // Bundled data, 2023: natural-gas CO2 56.7 kg/GJ is HB2016's carried forward (derived);
    // its CH4 and N2O are IPCC Table 2.5 defaults (official). el 2020 (125 g/kWh) is illustrative.
    const auto activity = io::parse_activity_csv(
        "year,sector,subsector,carrier,quantity,unit,source\n"
        "2023,energi,individuel_opvarmning,naturgas,1000,MWh,x\n"
        "2020,energi,el,el,1000,MWh,x\n",
        "a.csv");
    const auto gas = compute_inventory(activity, 2023, ref);
    REQUIRE(gas.lines[0].gases.size() == 3);
    CHECK(gas.lines[0].gases[0].gas == Gas::CO2);
    CHECK(gas.lines[0].gases[0].factor->status() == FactorStatus::derived);
    CHECK(gas.lines[0].gases[1].factor->status() == FactorStatus::official);

    const auto csv = report::render_inventory(gas, ref, report::Format::csv, "t");
    CHECK_THAT(csv, Catch::Contains(",CO2,") && Catch::Contains("kg/MWh,derived,"));
    CHECK_THAT(csv, Catch::Contains("kg/MWh,official,"));
    const auto json = nlohmann::json::parse(report::render_inventory(gas, ref, report::Format::json, "t"));
    CHECK(json["lines"][0]["gases"][0]["factor"]["status"] == "derived");
    CHECK(json["lines"][0]["gases"][1]["factor"]["status"] == "official");
    CHECK_THAT(
        report::render_inventory(gas, ref, report::Format::table, "t"),
        Catch::Contains("0.0 t (0.0 %) of the territorial total rests on illustrative factors, 204.1 t (99.7 %) on "
                        "derived ones") &&
            Catch::Contains("0 and 1 factors applied"));
    // 1000 MWh = 3600 GJ: CO2 3600 × 56.7 kg = 204.12 t (derived); CH4 3600 × 5 g = 18 kg × 28 = 0.504 t,
    // N2O 3600 × 0.1 g = 0.36 kg × 265 = 0.0954 t (official); total 204.7194 t; 204.12 / 204.7194 = 99.707 %

    const auto el = compute_inventory(activity, 2020, ref);
    CHECK(el.lines[0].gases[0].factor->status() == FactorStatus::illustrative);
    CHECK_THAT(report::render_inventory(el, ref, report::Format::csv, "t"), Catch::Contains(",illustrative,"));
}
