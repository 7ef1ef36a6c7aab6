// Fuels in litres, cubic metres and tonnes: converted to energy with the
// heating value and density of tests/fixtures/data/factors/fuel_properties.csv
// (gasolie 42.84 GJ/t and 0.85 kg/l, naturgas 39.6 MJ/Nm3, trae 17.5 GJ/t),
// or multiplied by a factor per volume or mass as it stands.
#include "support.hpp"

#include "klima/inventory.hpp"
#include "klima/io/data_files.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

using namespace klima;

namespace {

const std::string kHeader = "year,sector,subsector,carrier,quantity,unit,source\n";

InventoryResult inventory(const std::string& body, const ReferenceData& ref = test::fixture_reference(),
                          int year = 2017) {
    return compute_inventory(io::parse_activity_csv(kHeader + body, "a.csv"), year, ref);
}

// A copy of the fixture data directory with extra emission-factor rows.
std::string data_dir_with_factors(const test::TempDir& dir, const std::string& rows) {
    const auto data = dir.file("data");
    std::filesystem::copy(test::fixture_data_dir(), data, std::filesystem::copy_options::recursive);
    std::ofstream(data + "/factors/extra.csv") << "carrier,subsector,gas,value,unit,year_from,year_to,status,source\n"
                                               << rows;
    return data;
}

}  // namespace

TEST_CASE("fuel in litres: volume × density × heating value", "[inventory][fuel]") {
    // 1000 l × 0.85 kg/l = 850 kg = 0.85 t; 0.85 t × 42.84 GJ/t = 36.414 GJ
    // CO2 74 kg/GJ × 36.414 GJ = 2694.636 kg = 2.694636 t
    const auto inv = inventory("2017,transport,busser,gasolie,1000,l,fleet card statement\n");
    REQUIRE(inv.lines.size() == 1);
    const auto& line = inv.lines[0];
    REQUIRE(line.conversion.has_value());
    CHECK(units::in_gj(line.conversion->energy) == Approx(36.414));
    CHECK(line.conversion->density != nullptr);
    CHECK(line.conversion->formula() == "1000 l × 0.85 kg/l × 42.84 GJ/t = 36.414 GJ");
    CHECK(units::in_tonnes(inv.territorial.co2e) == Approx(2.694636));
}

TEST_CASE("fuel in cubic metres: the same as litres", "[inventory][fuel]") {
    // 2 m3 = 2000 l × 0.85 kg/l = 1700 kg = 1.7 t × 42.84 GJ/t = 72.828 GJ
    // CO2 74 kg/GJ × 72.828 GJ = 5389.272 kg = 5.389272 t
    const auto inv = inventory("2017,transport,busser,gasolie,2,m3,tank log\n");
    CHECK(inv.lines[0].conversion->formula() == "2 m3 × 0.85 kg/l × 42.84 GJ/t = 72.828 GJ");
    CHECK(units::in_tonnes(inv.territorial.co2e) == Approx(5.389272));
}

TEST_CASE("db import keeps litres and tonnes: the stored inventory is the file's, line for line",
          "[cli][fuel][store]") {
    test::TempDir dir;
    // diesel 1000 l → 2.694636 t; pellets 100 t → 11.655 t (hand arithmetic in the cases above)
    const auto p = dir.write("a.csv", kHeader +
                                          "2017,transport,busser,gasolie,1000,l,fleet\n"
                                          "2017,energi,individuel_opvarmning,trae,100,t,pellet sales\n");
    const std::string data = " --data-dir " + test::fixture_data_dir();
    const std::string db = " --db " + dir.file("k.db");
    REQUIRE(test::run_cli("db import " + test::fixture_data_dir() + " --comment factors" + data + db).exit_code == 0);
    const auto imported = test::run_cli("db import " + p + " --comment fuels" + data + db);
    REQUIRE(imported.exit_code == 0);
    CHECK_THAT(imported.out, Catch::Contains("stored 2 activity rows as version 2"));
    const auto from_file = test::run_cli("inventory --year 2017 --format csv --data " + p + data);
    const auto from_store = test::run_cli("inventory --year 2017 --format csv" + data + db);
    REQUIRE(from_file.exit_code == 0);
    REQUIRE(from_store.exit_code == 0);
    CHECK(from_store.out == from_file.out);
    const auto json = nlohmann::json::parse(test::run_cli("inventory --year 2017 --format json" + data + db).out);
    CHECK(json["totals"]["territorial"]["t_co2e"].get<double>() == Approx(2.694636 + 11.655));
}

TEST_CASE("gas in normal cubic metres: volume × heating value per Nm3", "[inventory][fuel]") {
    // 10,000 Nm3 × 39.6 MJ/Nm3 = 396,000 MJ = 396 GJ
    // CO2 56.95 kg/GJ × 396 GJ = 22,552.2 kg
    // CH4 1 g/GJ × 396 GJ = 0.396 kg × 28 = 11.088 kg CO2e
    // N2O 1 g/GJ × 396 GJ = 0.396 kg × 265 = 104.94 kg CO2e
    // total 22,552.2 + 11.088 + 104.94 = 22,668.228 kg = 22.668228 t
    const auto inv = inventory("2017,energi,individuel_opvarmning,naturgas,10000,Nm3,gas distributor\n");
    REQUIRE(inv.lines[0].conversion.has_value());
    CHECK(units::in_gj(inv.lines[0].conversion->energy) == Approx(396.0));
    CHECK(inv.lines[0].conversion->density == nullptr);
    CHECK(units::in_tonnes(inv.territorial.co2e) == Approx(22.668228));
}

TEST_CASE("fuel in tonnes: mass × heating value per mass", "[inventory][fuel]") {
    // 100 t × 17.5 GJ/t = 1750 GJ (kg given: 100,000 kg is the same)
    // CH4 (stoves) 200 g/GJ × 1750 GJ = 350 kg × 28 = 9800 kg CO2e
    // N2O 4 g/GJ × 1750 GJ = 7 kg × 265 = 1855 kg CO2e
    // total 9800 + 1855 = 11,655 kg = 11.655 t (wood CO2 is biogenic: no row)
    const auto t = inventory("2017,energi,individuel_opvarmning,trae,100,t,pellet sales\n");
    CHECK(units::in_gj(t.lines[0].conversion->energy) == Approx(1750.0));
    CHECK(units::in_tonnes(t.territorial.co2e) == Approx(11.655));
    const auto kg = inventory("2017,energi,individuel_opvarmning,trae,100000,kg,pellet sales\n");
    CHECK(units::in_tonnes(kg.territorial.co2e) == Approx(11.655));
    CHECK(kg.lines[0].conversion->formula() == "100000 kg × 17.5 GJ/t = 1750 GJ");
}

TEST_CASE("a factor per volume needs no conversion; mixed factors convert only where needed", "[inventory][fuel]") {
    test::TempDir dir;
    const auto data =
        data_dir_with_factors(dir,
                              "gasolie,busser,CO2,2.65,kg/l,2020,2020,illustrative,test\n"
                              "naturgas,individuel_opvarmning,CO2,2.2,kg/Nm3,2020,2020,illustrative,test\n");
    const auto ref = io::load_reference_data(data);
    // 1000 l × 2.65 kg/l = 2650 kg = 2.65 t, no heating value used
    const auto direct = inventory("2020,transport,busser,gasolie,1000,l,x\n", ref, 2020);
    CHECK_FALSE(direct.lines[0].conversion.has_value());
    CHECK(units::in_tonnes(direct.territorial.co2e) == Approx(2.65));
    // 10,000 Nm3: CO2 per Nm3 directly, 10,000 × 2.2 = 22,000 kg; CH4 and N2O per GJ
    // through 396 GJ as above: 11.088 + 104.94 kg. Total 22,116.028 kg = 22.116028 t
    const auto mixed = inventory("2020,energi,individuel_opvarmning,naturgas,10000,Nm3,x\n", ref, 2020);
    REQUIRE(mixed.lines[0].conversion.has_value());
    CHECK(units::in_tonnes(mixed.territorial.co2e) == Approx(22.116028));
}

TEST_CASE("a unit the carrier cannot take names the units it can take", "[inventory][fuel][errors]") {
    const auto& ref = test::fixture_reference();
    const auto load = [&](const std::string& body) {
        for (const auto& r : io::parse_activity_csv(kHeader + body, "a.csv")) ref.validate(r);
    };
    // the fixture's natural gas has a heating value per Nm3 only: m3 and litres are refused,
    // not guessed, and the fix says how a normal cubic metre differs from a metered one
    CHECK_THROWS_WITH(load("2017,energi,individuel_opvarmning,naturgas,100,m3,x\n"),
                      Catch::StartsWith("a.csv:2: field 'unit': carrier 'naturgas' cannot be given in m3 for 2017: "
                                        "it takes MWh, GJ, TJ, kWh, Nm3") &&
                          Catch::Contains("not a normal cubic metre (0 °C, 1.01325 bar)") &&
                          Catch::Contains("write Nm3"));
    CHECK_THROWS_WITH(
        load("2017,transport,busser,gasolie,100,Nm3,x\n"),
        Catch::Contains("carrier 'gasolie' cannot be given in Nm3 for 2017: it takes MWh, GJ, TJ, kWh, l, "
                        "m3, t, kg"));
    // electricity is no fuel: the subsector's kinds are named
    CHECK_THROWS_WITH(load("2017,energi,el,el,100,l,x\n"),
                      Catch::Contains("field 'unit': subsector energi/el takes energy, not volume"));
    // 1e305 t × 17.5 GJ/t = 1.75e316 J: overflows on conversion
    CHECK_THROWS_WITH(inventory("2017,energi,individuel_opvarmning,trae,1e305,t,x\n"),
                      Catch::StartsWith("a.csv:2: field 'quantity': value is too large"));
}

TEST_CASE("fuel properties file: units, status and overlaps are checked", "[io][fuel][errors]") {
    test::TempDir dir;
    const std::string head = "carrier,property,value,unit,year_from,year_to,status,source\n";
    FuelProperties props;
    CHECK_THROWS_WITH(
        io::load_fuel_properties(dir.write("p.csv", head + "gasolie,density,42,GJ/t,1990,2050,official,x\n"), props),
        Catch::Contains("p.csv:2: field 'unit': unit 'GJ/t' does not fit property density"));
    CHECK_THROWS_WITH(
        io::load_fuel_properties(dir.write("p.csv", head + "gasolie,lhv,42,GJ/t,1990,2050,guess,x\n"), props),
        Catch::Contains("field 'status': status 'guess' is not official, derived or illustrative"));
    FuelProperties twice;
    CHECK_THROWS_WITH(
        io::load_fuel_properties(dir.write("p.csv", head + "gasolie,lhv,42,GJ/t,1990,2020,official,x\n"
                                                           "gasolie,lhv,11.9,kWh/kg,2016,2050,official,x\n"),
                                 twice),
        Catch::Contains("p.csv:3: heating value per mass of gasolie overlaps the years of") &&
            Catch::Contains("p.csv:2"));
}

TEST_CASE("cli inventory --format json shows every conversion with its source", "[cli][fuel]") {
    test::TempDir dir;
    const auto p = dir.write("a.csv", kHeader +
                                          "2017,transport,busser,gasolie,1000,l,fleet\n"
                                          "2017,energi,el,el,1000,MWh,grid\n");
    const auto r =
        test::run_cli("inventory --data-dir " + test::fixture_data_dir() + " --year 2017 --format json --data " + p);
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    const auto& c = j["lines"][0]["conversion"];
    CHECK(c["formula"] == "1000 l × 0.85 kg/l × 42.84 GJ/t = 36.414 GJ");
    CHECK(c["energy_gj"].get<double>() == Approx(36.414));
    CHECK(c["heating_value"]["unit"] == "GJ/t");
    CHECK(c["heating_value"]["source"] == "test fixture");
    CHECK(c["density"]["value"].get<double>() == Approx(0.85));
    CHECK_FALSE(j["lines"][1].contains("conversion"));
    // the line shows the energy the factor multiplied: 36.414 GJ / 3.6 GJ/MWh = 10.115 MWh,
    // and the factor in kg/MWh: 74 kg/GJ × 3.6 = 266.4 kg/MWh
    CHECK(j["lines"][0]["quantity"].get<double>() == Approx(10.115));
    CHECK(j["lines"][0]["unit"] == "MWh");
    CHECK(j["lines"][0]["gases"][0]["factor"]["unit"] == "kg/MWh");
    CHECK(j["lines"][0]["gases"][0]["factor"]["value"].get<double>() == Approx(266.4));
    // 2.694636 t (litres, above) + 1000 MWh × 200 kg/MWh = 200 t → 202.694636 t
    CHECK(j["totals"]["territorial"]["t_co2e"].get<double>() == Approx(202.694636));
}

TEST_CASE("bundled fuel properties: a litre of diesel and a normal cubic metre of gas", "[fuel][data]") {
    const auto ref = io::load_reference_data(KLIMA_DEFAULT_DATA_DIR);
    // HB2016: 1000 l × 0.85 kg/l = 850 kg × 11.90 kWh/kg = 10,115 kWh = 36.414 GJ
    const auto diesel = ref.fuel_properties.to_energy("gasolie", units::make_amount(1000.0, "l"), "l", 2017);
    CHECK(units::in_gj(diesel.energy) == Approx(36.414));
    CHECK(diesel.heating_value->status == "official");
    // 1000 Nm3 × 11.00 kWh/Nm3 = 11,000 kWh = 39.6 GJ; 2023 is carried forward from HB2016
    const auto gas = ref.fuel_properties.to_energy("naturgas", units::make_amount(1000.0, "Nm3"), "Nm3", 2023);
    CHECK(units::in_gj(gas.energy) == Approx(39.6));
    CHECK(gas.heating_value->status == "derived");
}

TEST_CASE("bundled data: natural gas in m3 is the billed normal cubic metre, 11.00 kWh", "[fuel][data]") {
    const auto ref = io::load_reference_data(KLIMA_DEFAULT_DATA_DIR);
    // A Danish gas bill's m3 is a normal cubic metre at the standard 12.157 kWh upper heating
    // value = 11.00 kWh lower (gasnet.dk): 1000 m3 × 11 kWh/m3 = 11,000 kWh = 39.6 GJ
    const auto gas = ref.fuel_properties.to_energy("naturgas", units::make_amount(1000.0, "m3"), "m3", 2017);
    CHECK(gas.formula() == "1000 m3 × 11 kWh/m3 = 39.6 GJ");
    CHECK(gas.heating_value->unit == "kWh/m3");
    CHECK(gas.heating_value->status == "derived");
    CHECK_THAT(gas.heating_value->source, Catch::Contains("økonomikubikmeter"));
    // CO2: 39.6 GJ × 56.7 kg/GJ (HB2016) = 2245.32 kg, HB2016's own 2.245 kg CO2 per m3
    const auto inv = inventory("2017,energi,individuel_opvarmning,naturgas,1000,m3,gas bill\n", ref);
    CHECK(units::in_kg(inv.by_gas_mass.at(Gas::CO2)) == Approx(2245.32));
}

TEST_CASE("a natural-gas factor per Nm3 as Evida publishes it applies to the m3 as billed", "[inventory][fuel]") {
    test::TempDir dir;
    const auto data = data_dir_with_factors(
        dir, "naturgas,individuel_opvarmning,CO2,2.2627,kg/Nm3,2023,2023,official,evida.dk/co2-faktor 2023\n");
    const auto ref = io::load_reference_data(data);
    // Evida's own example (evida.dk/co2-faktor): 245 Nm3 × 2.2627 kg CO2/Nm3 = 554.3615 kg
    const auto inv = inventory("2023,energi,individuel_opvarmning,naturgas,245,Nm3,gas bill\n", ref, 2023);
    CHECK(units::in_kg(inv.by_gas_mass.at(Gas::CO2)) == Approx(554.3615));
}
