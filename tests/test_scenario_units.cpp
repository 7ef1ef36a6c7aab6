// Every unit the inventory accepts works in every effect and preset: a plan on
// an activity file with fuels in litres and gas in m³ gives what it gives on
// the same file in MWh. Fixture: tests/fixtures/scenario/ plus test-only fuel
// properties with round numbers: gasolie and benzin 0.8 kg/l × 12.5 kWh/kg =
// 10 kWh/l; naturgas 10 kWh/m³ (not published figures: chosen so that the
// MWh file is exact).
#include "scenario_support.hpp"
#include "support.hpp"

#include "klima/io/data_files.hpp"
#include "klima/io/scenario_file.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>

using namespace klima;
using units::in_tonnes;

namespace {

// The fixture's 2017 rows (tests/fixtures/scenario/activity.csv) in litres
// and m³: naturgas 20000 MWh = 20,000,000 kWh / 10 kWh/m³ = 2,000,000 m³;
// gasolie 4000 MWh = 400,000 l, 10000 MWh = 1,000,000 l, 2000 MWh = 200,000 l;
// benzin 30000 MWh = 3,000,000 l.
const char* kLitres =
    "year,sector,subsector,carrier,quantity,unit,source\n"
    "2017,energi,el,el,10000,MWh,scenario test fixture\n"
    "2017,energi,fjernvarme,fjernvarme,5000,MWh,scenario test fixture\n"
    "2017,energi,individuel_opvarmning,naturgas,2000000,m\xC2\xB3,scenario test fixture\n"
    "2017,energi,individuel_opvarmning,gasolie,400000,l,scenario test fixture\n"
    "2017,transport,personbiler,benzin,3000000,liter,scenario test fixture\n"
    "2017,transport,personbiler,el,100,MWh,scenario test fixture\n"
    "2017,transport,lastbiler,gasolie,1000000,l,scenario test fixture\n"
    "2017,transport,busser,gasolie,200000,l,scenario test fixture\n"
    "2017,transport,bane,el,500,MWh,scenario test fixture\n"
    "2017,byggeri,nybyggeri,nybyggeri_m2,10000,m2,scenario test fixture\n"
    "2023,energi,el,el,9000,MWh,scenario test fixture: a later inventory year\n";

const char* kProperties =
    "carrier,property,value,unit,year_from,year_to,status,source\n"
    "gasolie,lhv,12.5,kWh/kg,1990,2050,illustrative,test: round number\n"
    "gasolie,density,0.8,kg/l,1990,2050,illustrative,test: round number\n"
    "benzin,lhv,12.5,kWh/kg,1990,2050,illustrative,test: round number\n"
    "benzin,density,0.8,kg/l,1990,2050,illustrative,test: round number\n"
    "naturgas,lhv,10,kWh/m3,1990,2050,illustrative,test: round number\n";

// Every preset that switches energy, and a reduce effect sized in energy.
std::string plan() {
    using test::measure;
    return measure(
               "fjv", "district_heating",
               R"({"households": 500, "heat_mwh_per_household": 10, "from_carrier": "naturgas", "boiler_efficiency": 0.8})") +
           "," +
           measure(
               "vp", "heat_pumps",
               R"({"households": 100, "heat_mwh_per_household": 10, "from_carrier": "gasolie", "boiler_efficiency": 0.85, "cop": 3})") +
           "," +
           measure(
               "ev", "ev_charging",
               R"({"chargers": 100, "ev_share_per_charger": 0.002, "ev_kwh_per_km": 0.2, "fossil_kwh_per_km": 0.6})") +
           "," +
           measure("bus", "electric_buses",
                   R"({"buses": 10, "km_per_bus": 50000, "kwh_per_km": 1.2, "diesel_kwh_per_km": 3.0})") +
           "," +
           test::effects_measure("spar", R"({"op": "reduce", "rows": {"sector": "transport", "subsector": "lastbiler"},
                                             "amount": {"value": 500, "unit": "MWh"}})");
}

ScenarioResult run_on(const test::TempDir& dir, const std::string& activity) {
    const auto ref = io::load_reference_data(dir.file("data"));
    auto spec = io::parse_scenario(test::scenario_json(plan()), dir.file("plan.json"));
    spec.activity_file = dir.file(activity);
    const auto records = io::load_activity(spec.activity_file, &ref);
    return run_scenario(spec, records, io::load_drivers(spec.drivers_file), ref);
}

bool close(units::Mass a, units::Mass b) {
    const double x = in_tonnes(a), y = in_tonnes(b);
    return std::abs(x - y) <= 1e-9 * std::max(std::abs(x), std::abs(y));
}

}  // namespace

TEST_CASE("a plan on litres and m³ gives what it gives on the same file in MWh, to 1e-9", "[scenario][fuel][officer]") {
    test::TempDir dir;
    std::filesystem::copy(test::fixture("scenario"), dir.path(), std::filesystem::copy_options::recursive);
    dir.write("data/factors/fuel_properties.csv", kProperties);
    dir.write("litres.csv", kLitres);
    const auto mwh = run_on(dir, "activity.csv");
    const auto litres = run_on(dir, "litres.csv");
    REQUIRE(mwh.bau.rows() == litres.bau.rows());
    REQUIRE(mwh.measures.size() == litres.measures.size());
    for (int y = mwh.bau.first_year(); y <= mwh.bau.last_year(); ++y) {
        for (const auto& row : mwh.bau.rows()) {
            CHECK(close(mwh.bau.at(row, y), litres.bau.at(row, y)));
            CHECK(close(mwh.scenario.at(row, y), litres.scenario.at(row, y)));
        }
        for (std::size_t m = 0; m < mwh.measures.size(); ++m)
            CHECK(close(mwh.measures[m].effect.total(y), litres.measures[m].effect.total(y)));
    }
    // the district-heating switch by hand, 2030 (test_scenario.cpp): 500 households × 10 MWh / 0.8
    // = 6250 MWh of gas × 200 kg = 1250 t gone, 5000 MWh of district heat × 80 kg = 400 t come: 850 t
    // at full effect. The run launches from the latest inventory, 2023, when the phase-in
    // 2021–2025 stands at (2023 − 2021 + 1) / 5 = 0.6: what is left is 0.4 × 850 = 340 t,
    // 0.4 × 1250 = 500 t of gas, 0.4 × 400 = 160 t of district heat.
    CHECK(in_tonnes(litres.measures[0].effect.total(2030)) == Approx(340.0));
    CHECK(in_tonnes(litres.measures[0].effect.at("energi/individuel_opvarmning", 2030)) == Approx(500.0));
    CHECK(in_tonnes(litres.measures[0].effect.at("energi/fjernvarme", 2030)) == Approx(-160.0));
}
