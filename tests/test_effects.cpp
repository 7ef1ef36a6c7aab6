// Measures written as effects: each operation and phase-in computed by hand on
// the scenario fixture (see scenario_support.hpp for its round numbers), the
// nine presets against their expansions written out, and conflicts.
#include "scenario_support.hpp"

#include <catch2/catch.hpp>

using namespace klima;
using test::effects_measure;
using test::measure;
using test::row_effect_t;
using test::run;
using test::scenario_json;
using test::total_effect_t;

namespace {

const char* kGasRows = R"({"sector": "energi", "subsector": "individuel_opvarmning", "carrier": "naturgas"})";

std::string reduce(const std::string& rows, const std::string& size) {
    return R"({"op": "reduce", "rows": )" + rows + ", " + size + "}";
}

// Every trajectory of two runs equal to rounding.
void same_result(const ScenarioResult& a, const ScenarioResult& b) {
    REQUIRE(a.measures.size() == b.measures.size());
    CHECK((a.bau.kg() - b.bau.kg()).cwiseAbs().maxCoeff() <= 1e-9);
    CHECK((a.scenario.kg() - b.scenario.kg()).cwiseAbs().maxCoeff() <= 1e-6);
    for (std::size_t i = 0; i < a.measures.size(); ++i) {
        INFO(a.measures[i].id);
        CHECK((a.measures[i].effect.kg() - b.measures[i].effect.kg()).cwiseAbs().maxCoeff() <= 1e-6);
    }
    CHECK((a.bau.kg() - a.scenario.kg()).cwiseAbs().maxCoeff() > 1.0);  // there is something to compare
}

}  // namespace

TEST_CASE("effect reduce: a share and an amount per unit of uptake", "[scenario][effects]") {
    // 2030: gas 20000 MWh × 1.13 = 22600 MWh; a quarter removed = 5650 MWh × 200 kg = 1130 t
    const auto share = run(scenario_json(effects_measure("a", reduce(kGasRows, R"("share": 0.25)"))));
    CHECK(row_effect_t(share.measures.at(0), "energi/individuel_opvarmning", 2030) == Approx(1130.0));
    // 2023, phase 3/5: 20000 × 1.06 × 0.25 × 0.6 = 3180 MWh × 200 kg = 636 t
    CHECK(total_effect_t(share.measures.at(0), 2023) == Approx(636.0));
    // 100 households × 10 MWh = 1000 MWh of gas × 200 kg = 200 t, whatever the year's BAU
    const auto per = run(
        scenario_json(effects_measure("a", reduce(kGasRows, R"("per_uptake": {"value": 10, "unit": "MWh/household"})"),
                                      R"("uptake": {"value": 100, "unit": "households"}, )")));
    CHECK(total_effect_t(per.measures.at(0), 2030) == Approx(200.0));
    // uptake in ha, rate per m²: 2 ha × 10,000 m²/ha × 0.05 MWh/m² = 1000 MWh of el × 50 kg (2030) = 50 t
    const auto area = run(scenario_json(
        effects_measure("a", reduce(R"({"subsector": "el"})", R"("per_uptake": {"value": 0.05, "unit": "MWh/m2"})"),
                        R"("uptake": {"value": 2, "unit": "ha"}, )")));
    CHECK(total_effect_t(area.measures.at(0), 2030) == Approx(50.0));
}

TEST_CASE("effect switch: useful heat from gas boilers to heat pumps", "[scenario][effects]") {
    // 500 households × 10 MWh heat = 5000 MWh: gas −5000/0.8 = −6250 MWh (−1250 t),
    // el +5000/2.5 = +2000 MWh × 50 kg = +100 t in 2030; net 1150 t
    const auto r = run(scenario_json(effects_measure(
        "vp", R"({"op": "switch", "from": )" + std::string(kGasRows) + R"(, "to": {"subsector": "el", "carrier": "el"},
             "from_efficiency": 0.8, "cop": 2.5, "per_uptake": {"value": 10, "unit": "MWh/household"}})",
        R"("uptake": {"value": 500, "unit": "households"}, )")));
    const auto& m = r.measures.at(0);
    CHECK(row_effect_t(m, "energi/individuel_opvarmning", 2030) == Approx(1250.0));
    CHECK(row_effect_t(m, "energi/el", 2030) == Approx(-100.0));
    CHECK(m.type == "effects");
}

TEST_CASE("effect switch: a share of vehicle-km moved from petrol to electricity", "[scenario][effects]") {
    // 2030 (vehicle-km constant): petrol 30000 MWh / 0.6 kWh/km = 50 million km; 20 % = 10 million km
    // petrol −6000 MWh (−1500 t); el +10 million km × 0.2 kWh/km = 2000 MWh × 50 kg = +100 t; net 1400 t
    const auto r = run(scenario_json(effects_measure(
        "ev", R"({"op": "switch", "from": {"sector": "transport", "subsector": "personbiler", "carrier": "benzin"},
                  "to": {"carrier": "el"}, "from_intensity": {"value": 0.6, "unit": "kWh/km"},
                  "to_intensity": {"value": 0.2, "unit": "kWh/km"}, "share": 0.2})")));
    CHECK(total_effect_t(r.measures.at(0), 2030) == Approx(1400.0));
}

TEST_CASE("effect add: new activity raises emissions", "[scenario][effects]") {
    // 1000 MWh more rail electricity × 50 kg = 50 t more in 2030: an effect of −50 t
    const auto r = run(scenario_json(
        effects_measure("tog", R"({"op": "add", "row": {"sector": "transport", "subsector": "bane", "carrier": "el"},
                   "amount": {"value": 1000, "unit": "MWh"}})")));
    CHECK(row_effect_t(r.measures.at(0), "transport/bane", 2030) == Approx(-50.0));
}

TEST_CASE("effect factor: a reduction share, and a new value approached with the phase-in", "[scenario][effects]") {
    // gas factor halved: 22600 MWh × 200 kg × 0.5 = 2260 t in 2030
    const auto half = run(scenario_json(
        effects_measure("biogas", R"({"op": "factor", "rows": {"carrier": "naturgas"}, "reduction": 0.5})")));
    CHECK(total_effect_t(half.measures.at(0), 2030) == Approx(2260.0));
    // el to 20 kg/MWh, linear 2026–2030. 2028, phase 3/5: 100 + 0.6 × (20 − 100) = 52 kg/MWh, 48 kg less on
    // energi/el 10000 × 1.11 = 11100 MWh = 532.8 t
    const auto set = run(scenario_json(effects_measure(
        "lokal_el", R"({"op": "factor", "rows": {"carrier": "el"}, "value": {"value": 20, "unit": "kg/MWh"}})", "",
        R"("start_year": 2026, "full_effect_year": 2030)")));
    CHECK(row_effect_t(set.measures.at(0), "energi/el", 2028) == Approx(532.8));
    // 2030, full: 30 kg less on energi/el 11300 MWh (339 t), cars' el 100 MWh (3 t), rail 565 MWh (16.95 t)
    CHECK(total_effect_t(set.measures.at(0), 2030) == Approx(358.95));
}

TEST_CASE("effect factor × switch: the interaction is shared out, the sum is exact", "[scenario][effects][shapley]") {
    // Heat pumps (as above) and el made carbon-free (reduction 1.0). On the energi/el row in 2030:
    // v(∅) = 11300 × 50 = 565 t, v(hp) = 13300 × 50 = 665 t, v(el) = v(both) = 0.
    // hp: ½(565 − 665) + ½(0 − 0) = −50 t; el: ½(565 − 0) + ½(665 − 0) = 615 t.
    const std::string hp = effects_measure(
        "vp", R"({"op": "switch", "from": )" + std::string(kGasRows) + R"(, "to": {"subsector": "el", "carrier": "el"},
             "from_efficiency": 0.8, "cop": 2.5, "per_uptake": {"value": 10, "unit": "MWh/household"}})",
        R"("uptake": {"value": 500, "unit": "households"}, )");
    const std::string green =
        effects_measure("groen_el", R"({"op": "factor", "rows": {"carrier": "el"}, "reduction": 1.0})");
    const auto r = run(scenario_json(hp + "," + green));
    CHECK(row_effect_t(r.measures.at(0), "energi/el", 2030) == Approx(-50.0));
    CHECK(row_effect_t(r.measures.at(1), "energi/el", 2030) == Approx(615.0));
    CHECK(row_effect_t(r.measures.at(0), "energi/individuel_opvarmning", 2030) == Approx(1250.0));
    // el elsewhere: cars 100 MWh × 50 = 5 t, rail 565 × 50 = 28.25 t; all to the factor change
    CHECK(total_effect_t(r.measures.at(1), 2030) == Approx(615.0 + 5.0 + 28.25));
}

TEST_CASE("effects land_use and construction: rows with factors of their own", "[scenario][effects]") {
    // 50 ha planted at −8 t CO2e/ha/yr: 400 t removed a year at full effect
    const auto forest = run(scenario_json(effects_measure(
        "skov",
        R"({"op": "land_use", "subsector": "skov", "t_co2e_per_ha": -8, "amount": {"value": 50, "unit": "ha"}})")));
    CHECK(row_effect_t(forest.measures.at(0), "lulucf/skov", 2030) == Approx(400.0));
    // 2000 m² of the 11300 m² built in 2030 at 300 instead of 500 kg/m²: 2000 × 200 = 400 t
    const auto build = run(scenario_json(effects_measure(
        "byg", R"({"op": "construction", "kg_co2e_per_m2": 300, "amount": {"value": 2000, "unit": "m2"}})")));
    CHECK(row_effect_t(build.measures.at(0), "byggeri/nybyggeri", 2030) == Approx(400.0));
}

TEST_CASE("phase-in shapes: linear, step, S-curve and table", "[scenario][effects]") {
    PhaseIn p;
    p.start_year = 2021;
    p.full_effect_year = 2030;
    p.shape = PhaseIn::Shape::step;
    CHECK(p.share(2020).value() == 0.0);
    CHECK(p.share(2021).value() == 1.0);
    // S-curve, midpoint 2025.5, steepness 1: L(y) = 1/(1 + e^−(y − 2025.5)); L(2020) = 0.0040701,
    // L(2025) = 0.3775407, L(2030) = 0.9890131 → (0.3775407 − 0.0040701)/(0.9890131 − 0.0040701) = 0.3791799
    p.shape = PhaseIn::Shape::s_curve;
    p.midpoint = 2025.5;
    p.steepness = 1.0;
    CHECK(p.share(2020).value() == 0.0);
    CHECK(p.share(2025).value() == Approx(0.3791799).epsilon(1e-6));
    CHECK(p.share(2029).value() == Approx(0.9813946).epsilon(1e-6));
    CHECK(p.share(2030).value() == 1.0);
    // table 2022 → 0.2, 2026 → 1: 0 before 2022, 2024 halfway = 0.6, 1 after
    p.shape = PhaseIn::Shape::table;
    p.table = {{2022, units::ratio(0.2)}, {2026, units::ratio(1.0)}};
    CHECK(p.share(2021).value() == 0.0);
    CHECK(p.share(2024).value() == Approx(0.6));
    CHECK(p.share(2040).value() == 1.0);
    // read from a file: the table's years are the measure's start and full-effect years
    const auto r = run(
        scenario_json(effects_measure("t", reduce(kGasRows, R"("share": 0.25)"),
                                      R"("phase_in": {"shape": "table", "shares": {"2022": 0.2, "2026": 1}}, )", "")));
    CHECK(r.measures.at(0).start_year == 2022);
    CHECK(r.measures.at(0).full_effect_year == 2026);
    // 2024: gas 20000 × 1.07 × 0.25 × 0.6 = 3210 MWh × 200 kg = 642 t
    CHECK(total_effect_t(r.measures.at(0), 2024) == Approx(642.0));
}

TEST_CASE("each preset gives exactly what its effects written out give", "[scenario][effects][presets]") {
    struct Case {
        std::string preset, effects, uptake;
    };
    const std::vector<Case> cases{
        {measure(
             "m", "district_heating",
             R"({"households": 500, "heat_mwh_per_household": 10, "from_carrier": "naturgas", "boiler_efficiency": 0.8})"),
         R"({"op": "switch", "from": )" + std::string(kGasRows) +
             R"(, "to": {"subsector": "fjernvarme", "carrier": "fjernvarme"}, "from_efficiency": 0.8,
                "per_uptake": {"value": 10, "unit": "MWh/household"}})",
         R"("uptake": {"value": 500, "unit": "households"}, )"},
        {measure(
             "m", "heat_pumps",
             R"({"households": 300, "heat_mwh_per_household": 10, "from_carrier": "gasolie", "boiler_efficiency": 0.85, "cop": 3})"),
         R"({"op": "switch", "from": {"sector": "energi", "subsector": "individuel_opvarmning", "carrier": "gasolie"},
             "to": {"subsector": "el", "carrier": "el"}, "from_efficiency": 0.85, "cop": 3,
             "per_uptake": {"value": 10, "unit": "MWh/household"}})",
         R"("uptake": {"value": 300, "unit": "households"}, )"},
        {measure("m", "electric_buses",
                 R"({"buses": 10, "km_per_bus": 50000, "kwh_per_km": 1.2, "diesel_kwh_per_km": 3.0})"),
         R"({"op": "switch", "from": {"sector": "transport", "subsector": "busser", "carrier": "gasolie"}, "to": {"carrier": "el"},
             "from_intensity": {"value": 3.0, "unit": "kWh/km"}, "to_intensity": {"value": 1.2, "unit": "kWh/km"},
             "per_uptake": {"value": 50000, "unit": "km/bus"}})",
         R"("uptake": {"value": 10, "unit": "buses"}, )"},
        {measure("m", "ev_charging",
                 R"({"chargers": 100, "ev_share_per_charger": 0.002, "ev_kwh_per_km": 0.2, "fossil_kwh_per_km": 0.6})"),
         R"({"op": "switch", "from": {"sector": "transport", "subsector": "personbiler"}, "to": {"carrier": "el"},
             "from_intensity": {"value": 0.6, "unit": "kWh/km"}, "to_intensity": {"value": 0.2, "unit": "kWh/km"},
             "share_per_uptake": 0.002})",
         R"("uptake": {"value": 100, "unit": "chargers"}, )"},
        {measure(
             "m", "municipal_fleet",
             R"({"car_fuel": "benzin", "cars": 50, "km_per_car": 15000, "car_fuel_kwh_per_km": 0.6, "car_el_kwh_per_km": 0.2,
                     "truck_fuel": "gasolie", "refuse_trucks": 5, "km_per_truck": 20000, "truck_fuel_kwh_per_km": 4.0,
                     "truck_el_kwh_per_km": 1.5})"),
         R"({"op": "switch", "from": {"sector": "transport", "subsector": "personbiler", "carrier": "benzin"}, "to": {"carrier": "el"},
             "from_intensity": {"value": 0.6, "unit": "kWh/km"}, "to_intensity": {"value": 0.2, "unit": "kWh/km"},
             "uptake": {"value": 50, "unit": "cars"}, "per_uptake": {"value": 15000, "unit": "km/car"}},
            {"op": "switch", "from": {"sector": "transport", "subsector": "lastbiler", "carrier": "gasolie"}, "to": {"carrier": "el"},
             "from_intensity": {"value": 4.0, "unit": "kWh/km"}, "to_intensity": {"value": 1.5, "unit": "kWh/km"},
             "uptake": {"value": 5, "unit": "trucks"}, "per_uptake": {"value": 20000, "unit": "km/truck"}})",
         ""},
        {measure("m", "modal_shift", R"({"car_km_share": 0.1, "car_kwh_per_km": 0.6, "rail_kwh_per_car_km": 0.05})"),
         R"({"op": "shift", "from": {"sector": "transport", "subsector": "personbiler"}, "to": {"subsector": "bane", "carrier": "el"},
             "from_intensity": {"value": 0.6, "unit": "kWh/km"}, "to_intensity": {"value": 0.05, "unit": "kWh/km"}, "share": 0.1})",
         ""},
        {measure(
             "m", "building_renovation",
             R"({"floor_area_m2": 20000, "heat_carrier": "fjernvarme", "heat_saving_kwh_per_m2": 50, "el_saving_kwh_per_m2": 10})"),
         R"({"op": "reduce", "rows": {"sector": "energi", "subsector": "fjernvarme", "carrier": "fjernvarme"},
             "per_uptake": {"value": 50, "unit": "kWh/m2"}},
            {"op": "reduce", "rows": {"sector": "energi", "subsector": "el", "carrier": "el"}, "per_uptake": {"value": 10, "unit": "kWh/m2"}})",
         R"("uptake": {"value": 20000, "unit": "m2"}, )"},
        {measure("m", "climate_construction", R"({"area_m2_per_year": 2000, "kg_co2e_per_m2": 300})"),
         R"({"op": "construction", "kg_co2e_per_m2": 300, "amount": {"value": 2000, "unit": "m2"}})", ""},
        {measure("m", "afforestation", R"({"hectares": 100, "uptake_t_co2_per_ha": 10})"),
         R"({"op": "land_use", "subsector": "skov", "t_co2e_per_ha": -10, "amount": {"value": 100, "unit": "ha"}})",
         ""},
    };
    // Each preset also runs next to an EV measure, so that interactions are compared too.
    const std::string ev =
        measure("ev", "ev_charging",
                R"({"chargers": 50, "ev_share_per_charger": 0.002, "ev_kwh_per_km": 0.2, "fossil_kwh_per_km": 0.6})");
    for (const auto& c : cases) {
        INFO(c.preset);
        const auto preset = run(scenario_json(c.preset + "," + ev));
        const auto written = run(scenario_json(effects_measure("m", c.effects, c.uptake) + "," + ev));
        same_result(preset, written);
    }
}

TEST_CASE("two measures removing more than a row holds: an error naming both, the row and the year",
          "[scenario][effects][errors]") {
    // gas oil 4000 MWh × households index; each measure 3000 MWh at full effect (2025).
    // 2024, phase 0.8: a takes 2400 of 4000 × 1.07 = 4280 MWh, b asks 2400 of the 1880 left.
    const std::string a = effects_measure("a", reduce(R"({"subsector": "individuel_opvarmning", "carrier": "gasolie"})",
                                                      R"("amount": {"value": 3000, "unit": "MWh"})"));
    std::string b = a;
    b.replace(b.find(R"("id": "a")"), 9, R"("id": "b")");
    CHECK_THROWS_WITH(run(scenario_json(a + "," + b)),
                      Catch::Contains("/measures/1/effects/0") && Catch::Contains("'b' removes 2400 MWh") &&
                          Catch::Contains("energi/individuel_opvarmning gasolie") && Catch::Contains("in 2024") &&
                          Catch::Contains("holds only 1880 MWh") && Catch::Contains("after measure 'a'") &&
                          Catch::Contains("together"));
}

TEST_CASE("effect errors name the JSON path and the fix", "[scenario][effects][errors]") {
    auto fails = [](const std::string& effects, const std::string& path, const std::string& what,
                    const std::string& more = "") {
        INFO(path);
        CHECK_THROWS_WITH(run(scenario_json(effects_measure("x", effects, more))),
                          Catch::Contains(path) && Catch::Contains(what));
    };
    fails(R"({"op": "grow"})", "/measures/0/effects/0/op", "not allowed");
    fails(reduce(R"({"carrier": "kul"})", R"("share": 0.1)"), "/measures/0/effects/0", "unknown carrier 'kul'");
    fails(reduce(R"({"sector": "energi", "subsector": "bane"})", R"("share": 0.1)"), "/measures/0/effects/0", "bane");
    fails(reduce(kGasRows, R"("share": 1.5)"), "/measures/0/effects/0/share", "out of range");
    fails(reduce(kGasRows, R"("share": 0.1, "amount": {"value": 1, "unit": "MWh"})"), "/measures/0/effects/0",
          "two sizes");
    fails(reduce(kGasRows, R"("per_uptake": {"value": 1, "unit": "MWh/household"})"), "per_uptake", "needs an uptake");
    fails(reduce(kGasRows, R"("per_uptake": {"value": 1, "unit": "MWh/bus"})"), "per_uptake/unit",
          "per bus but the uptake is in households", R"("uptake": {"value": 10, "unit": "households"}, )");
    fails(reduce(kGasRows, R"("amount": {"value": 100, "unit": "km"})"), "/measures/0/effects/0",
          "is given as energy, the measure reduces distance");
    fails(reduce(kGasRows, R"("share": 0.1, "colour": 1)"), "/measures/0/effects/0/colour", "unknown key");
    fails(R"({"op": "switch", "from": {"subsector": "personbiler"}, "to": {"carrier": "el"}, "share": 0.1})",
          "/to/sector", "needs one to write to");
    fails(R"({"op": "add", "row": {"sector": "transport", "subsector": "bane", "carrier": "el"}, "share": 0.1})",
          "/measures/0/effects/0/share", "takes an amount");
    fails(R"({"op": "land_use", "subsector": "skov", "t_co2e_per_ha": -8, "amount": {"value": 5, "unit": "MWh"}})",
          "/measures/0/effects/0/amount", "sized in area");
    CHECK_THROWS_WITH(run(scenario_json(R"({"id": "x", "name": "x", "start_year": 2021, "full_effect_year": 2025,
                                            "cost_dkk": 0, "source": "t"})")),
                      Catch::Contains("/measures/0/effects") && Catch::Contains("neither effects nor a preset"));
}
