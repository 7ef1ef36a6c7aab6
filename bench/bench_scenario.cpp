// How fast the scenario engine is: (1) one year's emissions through
// compute_inventory versus the per-year IntensityTable the engine uses;
// (2) a full run 2017–2050 with attribution for 1–12 preset measures on
// tests/fixtures/scenario; (3) random plans of 60 measures on the fixture
// (tests/random_plan.hpp); (4) the bundled Køge scenarios, in process (files
// loaded once) and with loading.
// Usage: build/bin/bench_scenario [DATA_DIR]
#include "bench_util.hpp"
#include "random_plan.hpp"

#include "klima/api/scenario.hpp"
#include "klima/intensity.hpp"
#include "klima/inventory.hpp"
#include "klima/io/data_files.hpp"
#include "klima/io/scenario_file.hpp"

#include <random>
#include <string>
#include <variant>

using namespace klima;

namespace {

std::string measure_json(int i) {
    // Twelve measures of the nine types, small enough to fit the fixture's activity together.
    static const char* kParams[] = {
        R"("district_heating", "params": {"households": 200, "heat_mwh_per_household": 10, "from_carrier": "naturgas", "boiler_efficiency": 0.8})",
        R"("heat_pumps", "params": {"households": 200, "heat_mwh_per_household": 10, "from_carrier": "gasolie", "boiler_efficiency": 0.8, "cop": 3})",
        R"("electric_buses", "params": {"buses": 10, "km_per_bus": 50000, "kwh_per_km": 1.2, "diesel_kwh_per_km": 3.0})",
        R"("ev_charging", "params": {"chargers": 100, "ev_share_per_charger": 0.002, "ev_kwh_per_km": 0.2, "fossil_kwh_per_km": 0.6})",
        R"("municipal_fleet", "params": {"car_fuel": "benzin", "cars": 50, "km_per_car": 15000, "car_fuel_kwh_per_km": 0.6, "car_el_kwh_per_km": 0.2, "truck_fuel": "gasolie", "refuse_trucks": 5, "km_per_truck": 20000, "truck_fuel_kwh_per_km": 4, "truck_el_kwh_per_km": 1.5})",
        R"("modal_shift", "params": {"car_km_share": 0.1, "car_kwh_per_km": 0.6, "rail_kwh_per_car_km": 0.05})",
        R"("building_renovation", "params": {"floor_area_m2": 20000, "heat_carrier": "fjernvarme", "heat_saving_kwh_per_m2": 50, "el_saving_kwh_per_m2": 10})",
        R"("climate_construction", "params": {"area_m2_per_year": 2000, "kg_co2e_per_m2": 300})",
        R"("afforestation", "params": {"hectares": 100, "uptake_t_co2_per_ha": 10})",
        R"("building_renovation", "params": {"floor_area_m2": 10000, "heat_carrier": "naturgas", "heat_saving_kwh_per_m2": 40, "el_saving_kwh_per_m2": 5})",
        R"("afforestation", "params": {"hectares": 50, "uptake_t_co2_per_ha": 8})",
        R"("district_heating", "params": {"households": 100, "heat_mwh_per_household": 12, "from_carrier": "gasolie", "boiler_efficiency": 0.85})",
    };
    return R"({"id": "m)" + std::to_string(i) + R"(", "name": "m", "start_year": 2020, "full_effect_year": 2030,
               "cost_dkk": 1e6, "source": "bench", "type": )" +
           kParams[i] + "}";
}

// 60 random measures over the rows of a real inventory (Køge 2017, 35 rows):
// share reductions of any row, fuel switches to electricity within the
// sector, fixed reductions of energy rows, factor changes of a carrier.
std::string koege_random_plan(const ActivitySet& activity, unsigned seed) {
    std::mt19937 rng(seed);
    std::vector<const ActivityRecord*> rows, fuels;
    for (const auto& r : activity)
        if (r.year == 2017 && r.amount) {
            rows.push_back(&r);
            if (std::holds_alternative<units::Energy>(*r.amount) && r.carrier != "el" && r.sector != "energi")
                fuels.push_back(&r);
        }
    const auto pick = [&](const auto& v) { return v[rng() % v.size()]; };
    const auto sel = [](const ActivityRecord& r) {
        return R"({"sector": ")" + r.sector + R"(", "subsector": ")" + r.subsector + R"(", "carrier": ")" + r.carrier +
               R"("})";
    };
    std::uniform_real_distribution<double> small(0.001, 0.02);
    std::vector<std::string> measures;
    for (int i = 0; i < 60; ++i) {
        std::string effect;
        switch (rng() % 4) {
            case 0:
                effect = R"({"op": "reduce", "rows": )" + sel(*pick(rows)) + R"(, "share": )" +
                         std::to_string(small(rng)) + "}";
                break;
            case 1: {
                const auto& r = *pick(fuels);
                effect = R"({"op": "switch", "from": )" + sel(r) +
                         R"(, "to": {"carrier": "el"}, "ratio": 0.4, "share": )" + std::to_string(small(rng)) + "}";
                break;
            }
            case 2: {
                const auto& r = *pick(fuels);
                const double mwh = units::in_mwh(std::get<units::Energy>(*r.amount)) * small(rng) / 10;
                effect = R"({"op": "reduce", "rows": )" + sel(r) + R"(, "amount": {"value": )" + std::to_string(mwh) +
                         R"(, "unit": "MWh"}})";
                break;
            }
            default:
                effect = R"({"op": "factor", "rows": {"carrier": ")" + pick(rows)->carrier + R"("}, "reduction": )" +
                         std::to_string(small(rng)) + "}";
        }
        const int start = 2018 + static_cast<int>(rng() % 12);
        measures.push_back(
            test::effects_measure(std::string("k").append(std::to_string(i)), effect,
                                  std::string(R"("theme": "T)").append(std::to_string(i % 5)).append(R"(", )"),
                                  std::string(R"("start_year": )").append(std::to_string(start)) +
                                      R"(, "full_effect_year": )" + std::to_string(start + 5)));
    }
    return test::joined(measures);
}

}  // namespace

int main(int argc, char** argv) {
    const std::string data = argc > 1 ? argv[1] : KLIMA_DEFAULT_DATA_DIR;
    const std::string fixture = std::string(KLIMA_DEFAULT_DATA_DIR) + "/../tests/fixtures/scenario";
    const auto ref = io::load_reference_data(fixture + "/data");
    const auto activity = io::load_activity(fixture + "/activity.csv", &ref);
    const auto drivers = io::load_drivers(fixture + "/drivers.csv");

    // Per call: 1000 evaluations of one year's emissions (10 records).
    bench::print("1000 x one year's emissions, compute_inventory", bench::measure(7, 5, [&] {
                     for (int i = 0; i < 1000; ++i) (void)compute_inventory(activity, 2017, ref, "AR5");
                 }));
    IntensityTable table(ref, ref.gwp.require("AR5"), 2017);
    bench::print("1000 x one year's emissions, IntensityTable", bench::measure(7, 5, [&] {
                     units::Mass sum{};
                     for (int i = 0; i < 1000; ++i)
                         for (const auto& r : activity)
                             if (r.year == 2017) sum += table.co2e(r);
                     if (sum.value() < 0) std::printf("impossible\n");
                 }));

    for (int n : {1, 4, 8, 10, 12}) {
        std::string ms;
        for (int i = 0; i < n; ++i) {
            if (i) ms += ",";
            ms += measure_json(i);
        }
        const auto spec = io::parse_scenario(R"({"name": "bench", "municipality": "testby", "base_year": 2017,
            "activity": "activity.csv", "drivers": "drivers.csv", "measures": [)" +
                                                 ms + "]}",
                                             fixture + "/bench.json");
        char label[96];
        std::snprintf(label, sizeof label, "run_scenario 2017-2050, %2d preset measures", n);
        bench::print(label, bench::measure(7, 5, [&] { (void)run_scenario(spec, activity, drivers, ref); }));
    }
    for (unsigned seed : {1U, 2U, 3U}) {
        const auto spec = io::parse_scenario(R"({"name": "bench", "municipality": "testby", "base_year": 2017,
            "activity": "activity.csv", "drivers": "drivers.csv", "measures": [)" +
                                                 test::joined(test::random_plan(seed).measures) + "]}",
                                             fixture + "/bench.json");
        char label[96];
        std::snprintf(label, sizeof label, "run_scenario 2017-2050, 60 random measures (seed %u)", seed);
        bench::print(label, bench::measure(7, 5, [&] { (void)run_scenario(spec, activity, drivers, ref); }));
    }

    const auto real = io::load_reference_data(data);
    {
        const std::string dir = std::string(KLIMA_DEFAULT_DATA_DIR) + "/../scenarios/";
        const auto acts = io::load_activity(std::string(KLIMA_DEFAULT_DATA_DIR) + "/koege/activity.csv", &real);
        const auto drv = io::load_drivers(std::string(KLIMA_DEFAULT_DATA_DIR) + "/koege/drivers.csv");
        for (unsigned seed : {1U, 2U, 3U}) {
            const auto spec = io::parse_scenario(R"({"name": "bench", "municipality": "koege", "base_year": 2017,
                "activity": "../data/koege/activity.csv", "drivers": "../data/koege/drivers.csv", "measures": [)" +
                                                     koege_random_plan(acts, seed) + "]}",
                                                 dir + "bench.json");
            char label[96];
            std::snprintf(label, sizeof label, "run_scenario, 60 random measures on Køge's 35 rows (seed %u)", seed);
            bench::print(label, bench::measure(9, 5, [&] { (void)run_scenario(spec, acts, drv, real); }));
        }
    }
    for (const char* name : {"koege", "koege-plan"}) {
        const std::string file = std::string(KLIMA_DEFAULT_DATA_DIR) + "/../scenarios/" + name + ".json";
        const auto spec = io::load_scenario(file);
        const auto acts = io::load_activity(spec.activity_file, &real);
        const auto drv = io::load_drivers(spec.drivers_file);
        char label[96];
        std::snprintf(label, sizeof label, "run_scenario scenarios/%s.json (%zu measures)", name, spec.measures.size());
        bench::print(label, bench::measure(9, 5, [&] { (void)run_scenario(spec, acts, drv, real); }));
        std::snprintf(label, sizeof label, "api::run_scenario scenarios/%s.json, loading all data", name);
        api::ScenarioRequest request;
        request.scenario_file = file;
        request.data_dir = KLIMA_DEFAULT_DATA_DIR;
        bench::print(label, bench::measure(9, 5, [&] { (void)api::run_scenario(request); }));
    }
    return 0;
}
