// Scenario benchmark: (1) emissions of one year's activity through
// compute_inventory versus the per-year IntensityTable the scenario engine
// uses; (2) a full run (2017–2050, exact Shapley) for 1–12 measures.
// Data: tests/fixtures/scenario (10 base-year records). Figures go to
// docs/performance.md.
#include "klima/intensity.hpp"
#include "klima/inventory.hpp"
#include "klima/io/data_files.hpp"
#include "klima/io/scenario_file.hpp"

#include <chrono>
#include <cstdio>
#include <string>

using namespace klima;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

std::string measure(int i) {
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
               "cost_dkk": 1e6, "source": "bench", "type": )" + kParams[i] + "}";
}

}  // namespace

int main() {
    const std::string dir = std::string(KLIMA_SOURCE_DIR) + "/tests/fixtures/scenario";
    const auto ref = io::load_reference_data(dir + "/data");
    const auto activity = io::load_activity(dir + "/activity.csv", &ref);
    const auto drivers = io::load_drivers(dir + "/drivers.csv");

    // (1) one year's emissions, two ways
    const int reps = 20000;
    double sink = 0;
    auto t0 = Clock::now();
    for (int i = 0; i < reps; ++i) sink += units::in_kg(compute_inventory(activity, 2017, ref, "AR5").territorial.co2e);
    const double inv_us = seconds_since(t0) / reps * 1e6;
    t0 = Clock::now();
    IntensityTable table(ref, ref.gwp.require("AR5"), 2017);
    for (int i = 0; i < reps; ++i)
        for (const auto& r : activity)
            if (r.year == 2017) sink += units::in_kg(table.co2e(r));
    const double tab_us = seconds_since(t0) / reps * 1e6;
    std::printf("one year's emissions (10 records): compute_inventory %.2f us, IntensityTable %.2f us (x%.0f)\n",
                inv_us, tab_us, inv_us / tab_us);

    // (2) full runs
    std::printf("%8s %12s %14s %12s\n", "measures", "coalitions", "run 2017-2050", "per coalition-year");
    for (int n : {1, 4, 8, 10, 12}) {
        std::string ms;
        for (int i = 0; i < n; ++i) {
            if (i) ms += ",";
            ms += measure(i);
        }
        const auto spec = io::parse_scenario(R"({"name": "bench", "municipality": "testby", "base_year": 2017,
            "activity": "activity.csv", "drivers": "drivers.csv", "measures": [)" + ms + "]}",
                                             dir + "/bench.json");
        const int runs = n <= 8 ? 5 : 1;
        t0 = Clock::now();
        for (int k = 0; k < runs; ++k) sink += units::in_kg(run_scenario(spec, activity, drivers, ref).scenario.total(2050));
        const double s = seconds_since(t0) / runs;
        const double coalition_years = static_cast<double>(1u << n) * 34;
        std::printf("%8d %12u %12.3f s %15.2f us\n", n, 1u << n, s, s / coalition_years * 1e6);
    }
    std::printf("(checksum %g)\n", sink);
    return 0;
}
