#include "klima/error.hpp"
#include "klima/units.hpp"

#include <catch2/catch.hpp>

#include <type_traits>

using namespace klima::units;

TEST_CASE("units: derived quantity types are what the engine relies on", "[units]") {
    // The emission visitor accepts exactly the products that are a mass.
    STATIC_REQUIRE(std::is_same_v<decltype(Energy{} * MassPerEnergy{}), Mass>);
    STATIC_REQUIRE(std::is_same_v<decltype(Count{} * MassPerCount{}), Mass>);
    STATIC_REQUIRE(std::is_same_v<decltype(Mass{} * MassPerMass{}), Mass>);
    STATIC_REQUIRE(std::is_same_v<MassPerCount, Mass>);
    STATIC_REQUIRE(!std::is_same_v<decltype(Energy{} * MassPerDistance{}), Mass>);
}

TEST_CASE("units: conversions at the edges", "[units]") {
    // 1 MWh = 3.6 GJ
    CHECK(in_gj(megawatt_hours(1.0)) == Approx(3.6));
    // 2.5 t = 2500 kg
    CHECK(in_kg(tonnes(2.5)) == Approx(2500.0));
    // 56.95 kg/GJ × 3.6 GJ/MWh = 205.02 kg/MWh
    CHECK(in_kg_per_mwh(kg_per_gj(56.95)) == Approx(205.02));
    // 1 ha = 10,000 m²
    CHECK(in_m2(hectares(1.0)) == Approx(10000.0));
}

TEST_CASE("units: make_amount and make_factor parse unit symbols", "[units]") {
    // 3600 GJ = 1000 MWh
    CHECK(display_value(make_amount(3600.0, "GJ")) == Approx(1000.0));
    CHECK(kind_of(make_amount(5.0, "head")) == AmountKind::count);
    // 200 g/GJ = 0.2 kg/GJ = 0.72 kg/MWh
    CHECK(display_factor_value(make_factor(200.0, "g/GJ")) == Approx(0.72));
    // 8 t/ha shown per ha: 8000 kg/ha
    CHECK(display_factor_value(make_factor(-8.0, "t/ha")) == Approx(-8000.0));
    CHECK_THROWS_WITH(make_amount(1.0, "MJJ"), Catch::Contains("unknown unit 'MJJ'") && Catch::Contains("MWh"));
    CHECK_THROWS_WITH(make_factor(1.0, "kg/gallon"), Catch::Contains("unknown emission-factor unit"));
    // volumes: 1000 l = 1 m3; a factor per litre is per volume: 2.65 kg/l = 2650 kg/m3
    CHECK(display_value(make_amount(1000.0, "l")) == Approx(1.0));
    CHECK(kind_of(make_amount(5.0, "Nm3")) == AmountKind::volume);
    CHECK(display_factor_value(make_factor(2.65, "kg/l")) == Approx(2650.0));
    // 1000 l × 2.65 kg/l = 2650 kg, no heating value needed
    CHECK(in_kg(emission(make_amount(1000.0, "l"), make_factor(2.65, "kg/l"))) == Approx(2650.0));
}

TEST_CASE("units: volume, density and heating value compose to energy", "[units]") {
    // 1000 l × 0.85 kg/l = 850 kg; 850 kg × 42.84 GJ/t = 36.414 GJ
    const Mass m = litres(1000.0) * kg_per_litre(0.85);
    CHECK(in_kg(m) == Approx(850.0));
    const Energy e = m * gj_per_tonne(42.84);
    CHECK(in_gj(e) == Approx(36.414));
    // 10,000 m3 × 0.0396 GJ/m3 = 396 GJ
    CHECK(in_gj(cubic_metres(10000.0) * gj_per_m3(0.0396)) == Approx(396.0));
}

TEST_CASE("units: emission multiplies matching kinds and refuses others", "[units]") {
    // 100 MWh = 360 GJ; 360 GJ × 74 kg/GJ = 26,640 kg
    CHECK(in_kg(emission(make_amount(100.0, "MWh"), make_factor(74.0, "kg/GJ"))) == Approx(26640.0));
    // 1000 head × 1.5 kg/head = 1500 kg
    CHECK(in_kg(emission(make_amount(1000.0, "head"), make_factor(1.5, "kg/head"))) == Approx(1500.0));
    // 20 t × 50 kg/t = 1000 kg
    CHECK(in_kg(emission(make_amount(20.0, "t"), make_factor(50.0, "kg/t"))) == Approx(1000.0));
    // 10 ha × −8 t/ha = −80 t
    CHECK(in_tonnes(emission(make_amount(10.0, "ha"), make_factor(-8.0, "t/ha"))) == Approx(-80.0));
    CHECK_THROWS_WITH(emission(make_amount(1.0, "MWh"), make_factor(1.0, "g/km")),
                      Catch::Contains("activity is energy but the factor is per distance"));
}

TEST_CASE("units: scale and add keep the kind", "[units]") {
    // 100 MWh × 0.25 = 25 MWh; + 5 MWh = 30 MWh
    const Amount a = scale(make_amount(100.0, "MWh"), ratio(0.25));
    CHECK(display_value(add(a, make_amount(5.0, "MWh"))) == Approx(30.0));
    CHECK_THROWS_WITH(add(a, make_amount(1.0, "km")), Catch::Contains("cannot add distance to energy"));
}
