// Scenario engine: BAU projection, each measure type computed by hand, Shapley
// attribution (sum, order independence, a two-measure interaction), cost per
// tonne. Fixture: tests/fixtures/scenario/ (round-number factors: naturgas
// 200, gasolie and benzin 250, fjernvarme 80 kg/MWh; el 100 kg/MWh to 2029
// and 50 from 2030; nybyggeri 500 kg/m²). Drivers: population 10000 + 100/yr,
// households 5000 + 50/yr from 2017, vehicle-km constant, so the population
// and household index of 2030 is 1.13 and of 2025 is 1.08.
#include "scenario_support.hpp"
#include "support.hpp"

#include "klima/intensity.hpp"
#include "klima/inventory.hpp"
#include "klima/io/data_files.hpp"
#include "klima/io/scenario_file.hpp"

#include <catch2/catch.hpp>

using namespace klima;
using units::in_tonnes;

namespace {

using test::measure;
using test::row_effect_t;
using test::run;
using test::scenario_json;
using test::scenario_ref;
using test::total_effect_t;

const std::string kDistrictHeating = measure(
    "fjv", "district_heating",
    R"({"households": 500, "heat_mwh_per_household": 10, "from_carrier": "naturgas", "boiler_efficiency": 0.8})");
const std::string kHeatPumps = measure(
    "vp", "heat_pumps",
    R"({"households": 500, "heat_mwh_per_household": 10, "from_carrier": "naturgas", "boiler_efficiency": 0.8, "cop": 2.5})");
const std::string kBuses = measure(
    "bus", "electric_buses", R"({"buses": 10, "km_per_bus": 50000, "kwh_per_km": 1.2, "diesel_kwh_per_km": 3.0})");
const std::string kEv =
    measure("ev", "ev_charging",
            R"({"chargers": 100, "ev_share_per_charger": 0.002, "ev_kwh_per_km": 0.2, "fossil_kwh_per_km": 0.6})");
const std::string kFleet = measure(
    "flaade", "municipal_fleet",
    R"({"car_fuel": "benzin", "cars": 50, "km_per_car": 15000, "car_fuel_kwh_per_km": 0.6, "car_el_kwh_per_km": 0.2,
        "truck_fuel": "gasolie", "refuse_trucks": 5, "km_per_truck": 20000, "truck_fuel_kwh_per_km": 4.0,
        "truck_el_kwh_per_km": 1.5})");
const std::string kModal =
    measure("tog", "modal_shift", R"({"car_km_share": 0.1, "car_kwh_per_km": 0.6, "rail_kwh_per_car_km": 0.05})");
const std::string kRenovation = measure(
    "renovering", "building_renovation",
    R"({"floor_area_m2": 20000, "heat_carrier": "fjernvarme", "heat_saving_kwh_per_m2": 50, "el_saving_kwh_per_m2": 10})");
const std::string kConstruction =
    measure("byggeri", "climate_construction", R"({"area_m2_per_year": 2000, "kg_co2e_per_m2": 300})");
const std::string kForest =
    measure("skov", "afforestation", R"({"hectares": 100, "uptake_t_co2_per_ha": 10})", "2800000");

std::string all_measures(bool reversed) {
    std::vector<std::string> m{kDistrictHeating, kHeatPumps,  kBuses,        kEv,    kFleet,
                               kModal,           kRenovation, kConstruction, kForest};
    if (reversed) std::reverse(m.begin(), m.end());
    std::string out;
    for (const auto& s : m) out += (out.empty() ? "" : ",") + s;
    return out;
}

}  // namespace

TEST_CASE("scenario: BAU base year equals the inventory of the base year", "[scenario]") {
    const auto r = run(scenario_json(""));
    const auto activity = io::load_activity(test::fixture("scenario/activity.csv"), &scenario_ref());
    const auto inv = compute_inventory(activity, 2017, scenario_ref(), "AR5");
    for (const auto& [key, total] : inv.by_subsector)
        CHECK(in_tonnes(r.bau.at(key, 2017)) == Approx(in_tonnes(total.co2e)));
    // el 10000 MWh × 100 kg/MWh = 1000 t; personbiler 30000 × 250 + 100 × 100 = 7510 t
    CHECK(in_tonnes(r.bau.at("energi/el", 2017)) == Approx(1000.0));
    CHECK(in_tonnes(r.bau.at("transport/personbiler", 2017)) == Approx(7510.0));
    CHECK(r.bau.first_year() == 2017);
    CHECK(r.bau.last_year() == 2050);
    CHECK(r.measures.empty());
    CHECK(r.bau.kg() == r.scenario.kg());
}

TEST_CASE("scenario: BAU scales activity by drivers and uses each year's factors", "[scenario]") {
    const auto r = run(scenario_json(""));
    // el scales with population: 10000 × 11300/10000 = 11300 MWh × 50 kg/MWh (2030 factor) = 565 t
    CHECK(in_tonnes(r.bau.at("energi/el", 2030)) == Approx(565.0));
    // fjernvarme scales with households: 5000 × 5650/5000 = 5650 MWh × 80 = 452 t
    CHECK(in_tonnes(r.bau.at("energi/fjernvarme", 2030)) == Approx(452.0));
    // individual heat: (20000 × 200 + 4000 × 250) × 1.13 = 5,650,000 kg = 5650 t
    CHECK(in_tonnes(r.bau.at("energi/individuel_opvarmning", 2030)) == Approx(5650.0));
    // cars follow vehicle-km (constant): 30000 × 250 + 100 × 50 = 7,505,000 kg = 7505 t
    CHECK(in_tonnes(r.bau.at("transport/personbiler", 2030)) == Approx(7505.0));
    // rail scales with population: 500 × 1.13 = 565 MWh × 50 = 28.25 t
    CHECK(in_tonnes(r.bau.at("transport/bane", 2030)) == Approx(28.25));
    // construction scales with population: 10000 m² × 1.13 × 500 kg/m² = 5650 t
    CHECK(in_tonnes(r.bau.at("byggeri/nybyggeri", 2030)) == Approx(5650.0));
    // 2029 still has the 100 kg/MWh el factor: 10000 × 1.12 × 100 = 1120 t
    CHECK(in_tonnes(r.bau.at("energi/el", 2029)) == Approx(1120.0));
}

TEST_CASE("scenario: bau_scaling overrides the driver of a subsector", "[scenario]") {
    const auto r = run(scenario_json("", R"("bau_scaling": {"energi/el": "constant"}, )"));
    // el held at 10000 MWh × 50 kg/MWh = 500 t in 2030
    CHECK(in_tonnes(r.bau.at("energi/el", 2030)) == Approx(500.0));
}

TEST_CASE("measure: district heating moves boiler fuel to district heat", "[scenario][measures]") {
    const auto r = run(scenario_json(kDistrictHeating));
    const auto& m = r.measures.at(0);
    // heat 500 × 10 MWh = 5000 MWh; gas 5000 / 0.8 = 6250 MWh × 200 kg = 1250 t avoided
    CHECK(row_effect_t(m, "energi/individuel_opvarmning", 2030) == Approx(1250.0));
    // district heat added: 5000 MWh × 80 kg = 400 t (a negative avoided amount)
    CHECK(row_effect_t(m, "energi/fjernvarme", 2030) == Approx(-400.0));
    CHECK(total_effect_t(m, 2030) == Approx(850.0));
    // phase-in 2021–2025: 2023 is (2023 − 2021 + 1)/5 = 0.6 → 0.6 × 850 = 510 t; nothing before 2021
    CHECK(total_effect_t(m, 2023) == Approx(510.0));
    CHECK(total_effect_t(m, 2020) == 0.0);
}

TEST_CASE("measure: heat pumps add electricity at that year's factor", "[scenario][measures]") {
    const auto r = run(scenario_json(kHeatPumps));
    const auto& m = r.measures.at(0);
    // gas removed 6250 MWh × 200 = 1250 t; el added 5000 / 2.5 = 2000 MWh
    // 2030: 2000 × 50 kg = 100 t → 1150 t;  2025: 2000 × 100 kg = 200 t → 1050 t
    CHECK(row_effect_t(m, "energi/el", 2030) == Approx(-100.0));
    CHECK(total_effect_t(m, 2030) == Approx(1150.0));
    CHECK(total_effect_t(m, 2025) == Approx(1050.0));
}

TEST_CASE("measure: electric buses", "[scenario][measures]") {
    const auto r = run(scenario_json(kBuses));
    // 10 buses × 50000 km = 500,000 km; diesel 500,000 × 3.0 kWh = 1500 MWh × 250 = 375 t;
    // el 500,000 × 1.2 kWh = 600 MWh × 50 = 30 t → 345 t in 2030
    CHECK(row_effect_t(r.measures.at(0), "transport/busser", 2030) == Approx(345.0));
}

TEST_CASE("measure: charging points raise the EV share of car-km", "[scenario][measures]") {
    const auto r = run(scenario_json(kEv));
    // share 100 × 0.002 = 0.2 of the petrol 30000 MWh = 6000 MWh × 250 = 1500 t;
    // car-km 6000 MWh / 0.6 kWh/km = 10 million km × 0.2 kWh = 2000 MWh × 50 = 100 t → 1400 t
    CHECK(row_effect_t(r.measures.at(0), "transport/personbiler", 2030) == Approx(1400.0));
}

TEST_CASE("measure: greener municipal fleet (cars and refuse trucks)", "[scenario][measures]") {
    const auto r = run(scenario_json(kFleet));
    const auto& m = r.measures.at(0);
    // cars 50 × 15000 = 750,000 km: petrol 450 MWh × 250 = 112.5 t; el 150 MWh × 50 = 7.5 t → 105 t
    CHECK(row_effect_t(m, "transport/personbiler", 2030) == Approx(105.0));
    // trucks 5 × 20000 = 100,000 km: diesel 400 MWh × 250 = 100 t; el 150 MWh × 50 = 7.5 t → 92.5 t
    CHECK(row_effect_t(m, "transport/lastbiler", 2030) == Approx(92.5));
}

TEST_CASE("measure: modal shift to rail", "[scenario][measures]") {
    const auto r = run(scenario_json(kModal));
    const auto& m = r.measures.at(0);
    // cars × 0.9: petrol 3000 MWh × 250 = 750 t, el 10 MWh × 50 = 0.5 t → 750.5 t
    CHECK(row_effect_t(m, "transport/personbiler", 2030) == Approx(750.5));
    // car-km moved 0.1 × 30100 MWh / 0.6 kWh/km = 5,016,666.7 km × 0.05 kWh = 250.8333 MWh × 50 kg = 12.541667 t
    CHECK(row_effect_t(m, "transport/bane", 2030) == Approx(-12.541667));
}

TEST_CASE("measure: energy renovation of public buildings", "[scenario][measures]") {
    const auto r = run(scenario_json(kRenovation));
    const auto& m = r.measures.at(0);
    // 20000 m² × 50 kWh = 1000 MWh district heat × 80 = 80 t; × 10 kWh = 200 MWh el × 50 = 10 t
    CHECK(row_effect_t(m, "energi/fjernvarme", 2030) == Approx(80.0));
    CHECK(row_effect_t(m, "energi/el", 2030) == Approx(10.0));
}

TEST_CASE("measure: climate-friendly construction", "[scenario][measures]") {
    const auto r = run(scenario_json(kConstruction));
    // 2000 m² a year move from 500 to 300 kg/m²: 2000 × 200 kg = 400 t
    CHECK(row_effect_t(r.measures.at(0), "byggeri/nybyggeri", 2030) == Approx(400.0));
}

TEST_CASE("measure: afforestation and its cost per tonne", "[scenario][measures]") {
    const auto r = run(scenario_json(kForest));
    const auto& m = r.measures.at(0);
    // 100 ha × 10 t CO2/ha = 1000 t removed; 2023: 0.6 × 100 ha = 60 ha → 600 t
    CHECK(row_effect_t(m, "lulucf/skov", 2030) == Approx(1000.0));
    CHECK(row_effect_t(m, "lulucf/skov", 2023) == Approx(600.0));
    // cumulative: 2021–2024 at 0.2+0.4+0.6+0.8 = 2.0 years, 2025–2050 26 years → 28 × 1000 t = 28,000 t;
    // 2,800,000 DKK / 28,000 t = 100 DKK/t
    REQUIRE(m.cost_per_tonne);
    CHECK(units::in_dkk_per_tonne(*m.cost_per_tonne) == Approx(100.0));
    CHECK(m.owner == "Teknik og Miljø");
    CHECK(m.type == "afforestation");
}

TEST_CASE("shapley: EV share and modal shift interact; shares computed by hand", "[scenario][shapley]") {
    const auto r = run(scenario_json(kEv + "," + kModal));
    // v(modal) = 737.958333 t and v(ev) = 1400 t (tests above, cars + rail).
    // Both: modal first (canonical stage order) leaves petrol 27000, el 90 MWh; EV moves 0.2 × 27000 = 5400 MWh
    // petrol (9 million km → 1800 MWh el). Cars 21600 × 250 + 1890 × 50 = 5494.5 t, rail +12.541667 t,
    // BAU cars 7505 t → v(both) = 7505 − 5494.5 − 12.541667 = 1997.958333 t
    // Shapley ev  = ½·1400 + ½·(1997.958333 − 737.958333) = 1330 t
    // Shapley modal = ½·737.958333 + ½·(1997.958333 − 1400) = 667.958333 t
    CHECK(total_effect_t(r.measures.at(0), 2030) == Approx(1330.0));
    CHECK(total_effect_t(r.measures.at(1), 2030) == Approx(667.958333));
    CHECK(in_tonnes(r.bau.total(2030) - r.scenario.total(2030)) == Approx(1997.958333));
}

TEST_CASE("shapley: contributions sum to BAU − scenario in every row and year", "[scenario][shapley]") {
    const auto r = run(scenario_json(all_measures(false)));
    REQUIRE(r.measures.size() == 9);
    Eigen::MatrixXd sum = Eigen::MatrixXd::Zero(r.bau.kg().rows(), r.bau.kg().cols());
    for (const auto& m : r.measures) sum += m.effect.kg();
    const Eigen::MatrixXd gap = r.bau.kg() - r.scenario.kg();
    // rounding only: a few ulps of values around 1e7 kg
    CHECK((sum - gap).cwiseAbs().maxCoeff() <= 1e-6);
    CHECK(gap.cwiseAbs().maxCoeff() > 1e5);  // the test has something to sum
}

TEST_CASE("shapley: reordering the measures leaves every contribution unchanged", "[scenario][shapley]") {
    const auto a = run(scenario_json(all_measures(false)));
    const auto b = run(scenario_json(all_measures(true)));
    REQUIRE(a.measures.size() == b.measures.size());
    for (const auto& ma : a.measures) {
        const auto it =
            std::find_if(b.measures.begin(), b.measures.end(), [&](const auto& mb) { return mb.id == ma.id; });
        REQUIRE(it != b.measures.end());
        INFO(ma.id);
        CHECK((ma.effect.kg() - it->effect.kg()).cwiseAbs().maxCoeff() <= 1e-9);
    }
    CHECK((a.scenario.kg() - b.scenario.kg()).cwiseAbs().maxCoeff() <= 1e-9);
}

TEST_CASE("intensity table agrees with compute_inventory", "[scenario]") {
    const auto activity = io::load_activity(test::fixture("activity.csv"), &test::fixture_reference());
    const auto inv = compute_inventory(activity, 2017, test::fixture_reference(), "AR5");
    IntensityTable t(test::fixture_reference(), test::fixture_reference().gwp.require("AR5"), 2017);
    for (const auto& line : inv.lines) CHECK(in_tonnes(t.co2e(line.record)) == Approx(in_tonnes(line.co2e)));
    // el 2017 in the main fixture: 200 kg/MWh
    CHECK(units::in_kg_per_mwh(energy_intensity(test::fixture_reference(), "AR5", "el", "el", 2017)) == Approx(200.0));
}

TEST_CASE("scenario errors name the JSON path and the fix", "[scenario][errors]") {
    auto fails = [](const std::string& text, const std::string& path, const std::string& what) {
        INFO(path);
        CHECK_THROWS_WITH(run(text), Catch::Contains(path) && Catch::Contains(what));
    };
    fails(scenario_json(measure("x", "solar_roofs", "{}")), "/measures/0/type", "unknown measure type 'solar_roofs'");
    fails(scenario_json("", R"("bau_scaling": {"energi/elektricitet": "population"}, )"),
          "/bau_scaling/energi/elektricitet", "not a sector/subsector");
    fails(scenario_json("", R"("gwp_set": "AR9", )"), "inline.json: field '/gwp_set'", "AR9");
    fails(scenario_json(kEv + "," +
                        measure("vp", "heat_pumps",
                                R"({"households": 500, "heat_mwh_per_household": 10, "from_carrier": "naturgas",
                                    "boiler_efficiency": 0.8, "cop": 12})")),
          "/measures/1/params/cop", "value 12 is out of range");
    fails(scenario_json(measure("x", "afforestation", R"({"hectares": -5, "uptake_t_co2_per_ha": 10})")),
          "/measures/0/params/hectares", "out of range");
    fails(scenario_json(measure("x", "afforestation", R"({"hectares": 5, "uptake": 10})")),
          "/measures/0/params/uptake_t_co2_per_ha", "missing key");
    fails(scenario_json(measure("x", "afforestation", R"({"hectares": 5, "uptake_t_co2_per_ha": 10, "uptak": 1})")),
          "/measures/0/params/uptak", "unknown key");
    auto late = kForest;
    late.replace(late.find("\"start_year\": 2021"), 18, "\"start_year\": 2060");
    fails(scenario_json(late), "/measures/0/start_year", "outside 1990–2050");
    auto early = kForest;
    early.replace(early.find("\"start_year\": 2021"), 18, "\"start_year\": 2017");
    fails(scenario_json(early), "/measures/0/start_year", "after the base year");
    auto backwards = kForest;
    backwards.replace(backwards.find("\"full_effect_year\": 2025"), 24, "\"full_effect_year\": 2020");
    fails(scenario_json(backwards), "/measures/0/full_effect_year", "before start_year");
    fails(scenario_json(kForest + "," + kForest), "/measures/1/id", "used twice");
    fails(scenario_json(kEv + "," +
                        measure("ev2", "ev_charging",
                                R"({"chargers": 1000, "ev_share_per_charger": 0.01, "ev_kwh_per_km": 0.2,
                                    "fossil_kwh_per_km": 0.6})")),
          "/measures/1/params/ev_share_per_charger", "more than all car-km");
    fails(R"({"name": "t", "municipality": "m", "base_year": 1980, "activity": "a", "drivers": "d", "measures": []})",
          "/base_year", "outside 1990–2050");
    fails(scenario_json("", R"("colour": "green", )"), "/colour", "unknown key");
    fails(scenario_json("", R"("bau_scaling": {"energi/el": "gdp"}, )"), "/bau_scaling/energi/el",
          "unknown driver 'gdp'");
    fails("{\"name\": \"t\",\n \"measures\": [}", "inline.json:2", "malformed JSON");
}

TEST_CASE("scenario errors: a measure larger than the activity it acts on", "[scenario][errors]") {
    // 5000 households × 10 MWh / 0.8 = 62,500 MWh of gas; 2025 holds 20000 × 1.08 = 21,600 MWh
    const auto big = measure(
        "fjv", "district_heating",
        R"({"households": 5000, "heat_mwh_per_household": 10, "from_carrier": "naturgas", "boiler_efficiency": 0.8})");
    CHECK_THROWS_WITH(run(scenario_json(big)), Catch::Contains("/measures/0") &&
                                                   Catch::Contains("energi/individuel_opvarmning naturgas") &&
                                                   Catch::Contains("holds only"));
}

TEST_CASE("scenario: no limit on the number of measures; 30 independent forests each get their own removal",
          "[scenario][shapley]") {
    std::string many;
    for (int i = 0; i < 30; ++i) {
        if (!many.empty()) many += ",";
        many += measure("skov" + std::to_string(i), "afforestation", R"({"hectares": 1, "uptake_t_co2_per_ha": 1})");
    }
    const auto r = run(scenario_json(many));
    REQUIRE(r.measures.size() == 30);
    // each: 1 ha × 1 t CO2/ha/yr, full from 2025 → 1 t a year; 30 together 30 t
    for (const auto& m : r.measures) CHECK(total_effect_t(m, 2030) == Approx(1.0));
    CHECK(units::in_tonnes(r.bau.total(2030) - r.scenario.total(2030)) == Approx(30.0));
    CHECK(r.estimated.empty());  // each forest is its own row: no row has more than one measure
}

TEST_CASE("drivers file errors", "[scenario][errors]") {
    test::TempDir dir;
    const auto gap = dir.write("drivers.csv",
                               "year,population,households,vehicle_km_million,source\n"
                               "2017,100,50,1,x\n2019,100,50,1,x\n");
    CHECK_THROWS_WITH(io::load_drivers(gap),
                      Catch::Contains("drivers.csv:3") && Catch::Contains("does not follow 2017"));
    const auto zero = dir.write("zero.csv", "year,population,households,vehicle_km_million,source\n2017,0,50,1,x\n");
    CHECK_THROWS_WITH(io::load_drivers(zero), Catch::Contains("zero.csv:2") && Catch::Contains("positive"));
    const auto short_drivers = dir.write("short.csv",
                                         "year,population,households,vehicle_km_million,source\n"
                                         "2017,100,50,1,x\n2018,100,50,1,x\n");
    const auto spec = io::parse_scenario(scenario_json(""), test::fixture("scenario/inline.json"));
    const auto activity = io::load_activity(spec.activity_file, &scenario_ref());
    CHECK_THROWS_WITH(run_scenario(spec, activity, io::load_drivers(short_drivers), scenario_ref()),
                      Catch::Contains("every year 2017–2050"));
}

TEST_CASE("phase-in is linear from the start year to the full-effect year", "[scenario][measures]") {
    // 2021–2025: 1/5 in 2021, 5/5 in 2025
    CHECK(units::in_count(phase_in(2021, 2025, 2020)) == 0.0);
    CHECK(units::in_count(phase_in(2021, 2025, 2021)) == Approx(0.2));
    CHECK(units::in_count(phase_in(2021, 2025, 2024)) == Approx(0.8));
    CHECK(units::in_count(phase_in(2021, 2025, 2040)) == 1.0);
    // start = full: all at once
    CHECK(units::in_count(phase_in(2030, 2030, 2030)) == 1.0);
}

TEST_CASE("scenario: the owner may be left out; it is then empty", "[scenario]") {
    auto m = kForest;
    m.replace(m.find(R"("owner": "Teknik og Miljø", )"), 29, "");
    const auto r = run(scenario_json(m));
    CHECK(r.measures.at(0).owner.empty());
    CHECK(r.municipality == "testby");
}

TEST_CASE("scenario errors: a measure on a missing or absent activity value", "[scenario][errors]") {
    test::TempDir dir;
    dir.write("activity.csv",
              "year,sector,subsector,carrier,quantity,unit,source\n"
              "2017,energi,individuel_opvarmning,naturgas,,MWh,not reported\n"
              "2017,transport,personbiler,benzin,1000,MWh,x\n");
    const std::string drivers = "\"drivers\": \"" + test::fixture("scenario/drivers.csv") + "\", ";
    auto run_in_dir = [&](const std::string& measures) {
        const auto text = R"({"name": "t", "municipality": "m", "base_year": 2017, "activity": "activity.csv", )" +
                          drivers + R"("measures": [)" + measures + "]}";
        const auto spec = io::parse_scenario(text, dir.file("s.json"));
        return run_scenario(spec, io::load_activity(spec.activity_file, &scenario_ref()),
                            io::load_drivers(spec.drivers_file), scenario_ref());
    };
    // naturgas is missing (empty quantity): a missing value is not a zero and cannot be reduced
    CHECK_THROWS_WITH(run_in_dir(kDistrictHeating),
                      Catch::Contains("/measures/0") && Catch::Contains("is missing") && Catch::Contains("fill in"));
    // no bus records at all: the year holds none
    CHECK_THROWS_WITH(run_in_dir(kBuses),
                      Catch::Contains("transport/busser gasolie") && Catch::Contains("holds only none"));
}

TEST_CASE("scenario: a missing base-year value is counted and left out, never projected as zero", "[scenario]") {
    const auto ev =
        measure("ev", "ev_charging",
                R"({"chargers": 100, "ev_share_per_charger": 0.002, "ev_kwh_per_km": 0.2, "fossil_kwh_per_km": 0.6})");
    std::string with_gap = scenario_json(ev);
    with_gap.replace(with_gap.find("activity.csv"), 12, "activity_missing.csv");
    const auto complete = run(scenario_json(ev));
    const auto gappy = run(with_gap);
    CHECK(complete.base_year_missing == 0);
    // activity_missing.csv = activity.csv + one lorry electricity row with no quantity
    CHECK(gappy.base_year_missing == 1);
    // The missing row adds nothing: BAU and scenario are those of the complete file, to the kilogram.
    for (int year : {2017, 2030, 2050}) {
        CHECK(units::in_kg(gappy.bau.total(year)) == Approx(units::in_kg(complete.bau.total(year))).epsilon(1e-12));
        CHECK(units::in_kg(gappy.scenario.total(year)) ==
              Approx(units::in_kg(complete.scenario.total(year))).epsilon(1e-12));
    }
}
