#include "support.hpp"

#include "klima/inventory.hpp"
#include "klima/io/data_files.hpp"

#include <catch2/catch.hpp>

using namespace klima;
using units::in_tonnes;

namespace {

const InventoryResult& inv2017() {
    static const auto records = io::load_activity(test::fixture("activity.csv"), &test::fixture_reference());
    static const auto inv = compute_inventory(records, 2017, test::fixture_reference(), "AR5");
    return inv;
}

double sector_t(const InventoryResult& inv, const std::string& key) { return in_tonnes(inv.by_sector.at(key).co2e); }
double sub_t(const InventoryResult& inv, const std::string& key) { return in_tonnes(inv.by_subsector.at(key).co2e); }

}  // namespace

TEST_CASE("inventory: electricity and district heating use the year's grid factor", "[inventory]") {
    // el 2017: 1000 MWh × 200 kg/MWh = 200,000 kg = 200 t
    CHECK(sub_t(inv2017(), "energi/el") == Approx(200.0));
    // fjernvarme: 500 MWh × 80 kg/MWh = 40,000 kg = 40 t
    CHECK(sub_t(inv2017(), "energi/fjernvarme") == Approx(40.0));
}

TEST_CASE("inventory: individual heating sums CO2, CH4 and N2O with AR5 GWPs", "[inventory]") {
    // naturgas 3600 GJ: CO2 3600 × 56.95 = 205,020 kg; CH4 3600 × 1 g = 3.6 kg × 28 = 100.8 kg;
    //                    N2O 3.6 kg × 265 = 954 kg → 206,074.8 kg
    // trae 1000 GJ (stove factor 200 g/GJ wins over the generic 10 g/GJ): CH4 200 kg × 28 = 5,600 kg;
    //                    N2O 4 kg × 265 = 1,060 kg; no CO2 (biogenic) → 6,660 kg
    // together 212,734.8 kg = 212.7348 t
    CHECK(sub_t(inv2017(), "energi/individuel_opvarmning") == Approx(212.7348));
    // energi: 200 + 40 + 212.7348 = 452.7348 t
    CHECK(sector_t(inv2017(), "energi") == Approx(452.7348));
}

TEST_CASE("inventory: gas totals keep mass of gas and CO2e apart", "[inventory]") {
    const auto& inv = inv2017();
    // CH4 mass: naturgas 3.6 kg + trae 200 kg + svin 1000 × 1.5 = 1500 kg → 1703.6 kg = 1.7036 t
    CHECK(in_tonnes(inv.by_gas_mass.at(Gas::CH4)) == Approx(1.7036));
    // CH4 as CO2e: 1703.6 kg × 28 = 47,700.8 kg = 47.7008 t
    CHECK(in_tonnes(inv.by_gas_co2e.at(Gas::CH4)) == Approx(47.7008));
    // N2O mass: 3.6 + 4 = 7.6 kg
    CHECK(in_tonnes(inv.by_gas_mass.at(Gas::N2O)) == Approx(0.0076));
}

TEST_CASE("inventory: transport, agriculture and LULUCF", "[inventory]") {
    // busser: 100 MWh = 360 GJ × 74 kg/GJ = 26,640 kg = 26.64 t
    CHECK(sector_t(inv2017(), "transport") == Approx(26.64));
    // svin: 1000 head × 1.5 kg CH4 = 1,500 kg × 28 = 42,000 kg = 42 t
    CHECK(sector_t(inv2017(), "landbrug") == Approx(42.0));
    // new forest: 10 ha × −8 t CO2/ha = −80 t (a removal)
    CHECK(sector_t(inv2017(), "lulucf") == Approx(-80.0));
}

TEST_CASE("inventory: territorial totals with and without LULUCF; construction apart", "[inventory]") {
    const auto& inv = inv2017();
    // 452.7348 + 26.64 + 42 − 80 = 441.3748 t
    CHECK(in_tonnes(inv.territorial.co2e) == Approx(441.3748));
    // 441.3748 + 80 = 521.3748 t
    CHECK(in_tonnes(inv.territorial_excl_lulucf.co2e) == Approx(521.3748));
    // byggeri: 1000 m² × 600 kg/m² = 600,000 kg = 600 t, not in the territorial total
    CHECK(in_tonnes(inv.reported_apart.co2e) == Approx(600.0));
    CHECK(inv.missing_cells() == 0);
}

TEST_CASE("inventory: the GWP set is a parameter", "[inventory]") {
    const auto records = io::load_activity(test::fixture("activity.csv"), &test::fixture_reference());
    const auto ar4 = compute_inventory(records, 2017, test::fixture_reference(), "AR4");
    // svin under AR4: 1500 kg CH4 × 25 = 37,500 kg = 37.5 t
    CHECK(sector_t(ar4, "landbrug") == Approx(37.5));
    CHECK_THROWS_WITH(compute_inventory(records, 2017, test::fixture_reference(), "AR9"),
                      Catch::Contains("unknown GWP set 'AR9'") && Catch::Contains("AR5"));
}

TEST_CASE("inventory: a missing value stays missing, a zero is a zero", "[inventory]") {
    const auto records = io::load_activity(test::fixture("activity.csv"), &test::fixture_reference());
    const auto inv = compute_inventory(records, 2023, test::fixture_reference());
    // 2023: el 1000 MWh × 100 kg/MWh = 100 t; soe missing; busser a confirmed 0
    CHECK(in_tonnes(inv.territorial.co2e) == Approx(100.0));
    CHECK(inv.missing_cells() == 1);
    CHECK(inv.by_sector.at("transport").missing == 1);
    CHECK(inv.by_sector.at("transport").lines == 2);
    CHECK(inv.by_subsector.at("transport/busser").missing == 0);
}

TEST_CASE("inventory: a year without data or without a factor is an error", "[inventory][errors]") {
    const auto records = io::load_activity(test::fixture("activity.csv"), &test::fixture_reference());
    CHECK_THROWS_WITH(compute_inventory(records, 2020, test::fixture_reference()),
                      Catch::Contains("no activity records for 2020") && Catch::Contains("2017, 2023"));
    ActivitySet one{records.front()};
    one.front().year = 2019;  // el has factors for 2017 and 2023 only
    CHECK_THROWS_WITH(compute_inventory(one, 2019, test::fixture_reference()),
                      Catch::Contains("activity.csv:2") && Catch::Contains("no emission factor for carrier 'el'") &&
                          Catch::Contains("covering 2019"));
}

TEST_CASE("inventory: waste and industrial processes", "[inventory]") {
    const auto records = io::load_activity(test::fixture("activity_waste_ippu.csv"), &test::fixture_reference());
    const auto inv = compute_inventory(records, 2017, test::fixture_reference());
    // landfill: 200 t × 50 kg CH4/t = 10,000 kg CH4 × 28 = 280,000 kg = 280 t
    CHECK(sector_t(inv, "affald") == Approx(280.0));
    // F-gases reported directly: 12.5 t CO2e × 1 t/t = 12.5 t
    CHECK(sector_t(inv, "industriprocesser") == Approx(12.5));
    // 280 + 12.5 = 292.5 t
    CHECK(in_tonnes(inv.territorial.co2e) == Approx(292.5));
}
