// A scenario whose activity gives diesel in litres: the intensity table turns
// litres into energy with the fuel's density and heating value, as the
// inventory does. Fixture: tests/fixtures/scenario/ (gasolie 250 kg CO2/MWh;
// households index 1.13 in 2030, vehicle-km constant) plus a fuel-properties
// file with HB2016's diesel: 0.85 kg/l and 11.90 kWh/kg.
#include "scenario_support.hpp"
#include "support.hpp"

#include "klima/intensity.hpp"
#include "klima/inventory.hpp"
#include "klima/io/data_files.hpp"
#include "klima/io/scenario_file.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace klima;
using units::in_tonnes;

namespace {

struct LitresCase {
    test::TempDir dir;
    ReferenceData ref;
    ActivitySet activity;
    ScenarioResult result;

    LitresCase() {
        std::filesystem::copy(test::fixture("scenario"), dir.path(), std::filesystem::copy_options::recursive);
        dir.write("activity.csv",
                  "year,sector,subsector,carrier,quantity,unit,source\n"
                  "2017,energi,el,el,10000,MWh,test\n"
                  "2017,energi,individuel_opvarmning,gasolie,10000,l,heating-oil deliveries\n"
                  "2017,transport,lastbiler,gasolie,100000,l,fuel cards\n");
        dir.write("data/factors/fuel_properties.csv",
                  "carrier,property,value,unit,year_from,year_to,status,source\n"
                  "gasolie,lhv,11.90,kWh/kg,1990,2050,official,HB2016 table 9.3.1\n"
                  "gasolie,density,0.85,kg/l,1990,2050,official,HB2016 table 9.3.1\n");
        ref = io::load_reference_data(dir.file("data"));
        const auto spec = io::parse_scenario(test::scenario_json(""), dir.file("inline.json"));
        activity = io::load_activity(spec.activity_file, &ref);
        result = run_scenario(spec, activity, io::load_drivers(spec.drivers_file), ref);
    }
};

}  // namespace

TEST_CASE("scenario: diesel in litres is projected through its density and heating value", "[scenario][fuel]") {
    const LitresCase c;
    // lorries: 100,000 l × 0.85 kg/l = 85,000 kg × 11.90 kWh/kg = 1,011,500 kWh = 1011.5 MWh
    //          × 250 kg/MWh = 252,875 kg = 252.875 t; vehicle-km constant, so 2030 is the same
    CHECK(in_tonnes(c.result.bau.at("transport/lastbiler", 2017)) == Approx(252.875));
    CHECK(in_tonnes(c.result.bau.at("transport/lastbiler", 2030)) == Approx(252.875));
    // heating oil: 10,000 l × 0.85 = 8,500 kg × 11.90 = 101,150 kWh = 101.15 MWh × 250 = 25.2875 t;
    // households index 1.13 in 2030: 25.2875 × 1.13 = 28.574875 t
    CHECK(in_tonnes(c.result.bau.at("energi/individuel_opvarmning", 2017)) == Approx(25.2875));
    CHECK(in_tonnes(c.result.bau.at("energi/individuel_opvarmning", 2030)) == Approx(28.574875));
    // the base year equals the inventory of the file
    const auto inv = compute_inventory(c.activity, 2017, c.ref, "AR5");
    for (const auto& [key, total] : inv.by_subsector)
        CHECK(in_tonnes(c.result.bau.at(key, 2017)) == Approx(in_tonnes(total.co2e)));
}

TEST_CASE("intensity table: litres, Nm3 and tonnes as compute_inventory converts them", "[scenario][fuel]") {
    const auto& ref = test::fixture_reference();
    const auto activity = io::parse_activity_csv(
        "year,sector,subsector,carrier,quantity,unit,source\n"
        "2017,transport,busser,gasolie,1000,l,x\n"
        "2017,energi,individuel_opvarmning,trae,100,t,x\n"
        "2017,energi,individuel_opvarmning,naturgas,10000,Nm3,x\n",
        "a.csv");
    const auto inv = compute_inventory(activity, 2017, ref, "AR5");
    IntensityTable t(ref, ref.gwp.require("AR5"), 2017);
    // 2.694636 t, 11.655 t and 22.668228 t (test_fuel_units.cpp)
    CHECK(in_tonnes(t.co2e(activity[0])) == Approx(2.694636));
    CHECK(in_tonnes(t.co2e(activity[1])) == Approx(11.655));
    CHECK(in_tonnes(t.co2e(activity[2])) == Approx(22.668228));
    for (std::size_t i = 0; i < 3; ++i) CHECK(in_tonnes(t.co2e(activity[i])) == Approx(in_tonnes(inv.lines[i].co2e)));
    // a unit the carrier cannot take fails at the record, naming the units it can take
    auto bad = activity[0];
    bad.unit = "Nm3";
    CHECK_THROWS_WITH(t.co2e(bad),
                      Catch::Contains("a.csv:2: field 'unit'") && Catch::Contains("cannot be given in Nm3"));
}
