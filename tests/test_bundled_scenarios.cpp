// The bundled scenarios (scenarios/*.json) run on the bundled data, keep
// their documented assumptions, and attribute exactly.
#include "klima/api/scenario.hpp"
#include "klima/io/scenario_file.hpp"

#include <catch2/catch.hpp>

#include <optional>
#include <set>
#include <string>

using namespace klima;
using units::in_tonnes;

namespace {
const std::string kRoot = std::string(KLIMA_TEST_DIR) + "/..";

// A bundled scenario run through the engine's facade, as the CLI runs it.
ScenarioRun run_bundled(const std::string& name, std::optional<int> from_year = std::nullopt) {
    api::ScenarioRequest request;
    request.from_year = from_year;
    request.scenario_file = kRoot + "/scenarios/" + name + ".json";
    request.data_dir = kRoot + "/data";
    return api::run_scenario(request).run;
}
}  // namespace

TEST_CASE("bundled scenarios run to 2050 and their measure effects sum to BAU − scenario", "[data][scenario]") {
    for (const char* name : {"koege", "ballerup"}) {
        INFO(name);
        const auto run = run_bundled(name);
        const auto& r = run.result;
        CHECK(r.municipality == name);
        CHECK(r.bau.first_year() == 2017);
        CHECK(r.bau.last_year() == 2050);
        Eigen::MatrixXd sum = Eigen::MatrixXd::Zero(r.bau.kg().rows(), r.bau.kg().cols());
        for (const auto& m : r.measures) sum += m.effect.kg();
        CHECK((sum - (r.bau.kg() - r.scenario.kg())).cwiseAbs().maxCoeff() <= 1e-5);
        for (const auto& spec : run.spec.measures) {
            INFO(spec.id);
            CHECK_FALSE(spec.owner.empty());
            CHECK(spec.source.find("illustrative") != std::string::npos);
        }
        CHECK(run.electricity_factor.size() == 34);  // a factor for every year 2017–2050
        CHECK(run.district_heat_factor.size() == 34);
    }
}

TEST_CASE("Køge drivers: about 10,000 more inhabitants in the 12 years from 2023", "[data][scenario]") {
    const auto d = io::load_drivers(kRoot + "/data/koege/drivers.csv");
    // 2023: 62,458 (Danmarks Statistik); 2035: 62,458 + 10,000 = 72,458
    CHECK(units::in_count(d.at(2023).population) == 62458.0);
    CHECK(units::in_count(d.at(2035).population - d.at(2023).population) == 10000.0);
    CHECK(d.covers(2017, 2050));
}

TEST_CASE("Køge as adopted (from 2017): all buses are electric by 2025", "[data][scenario]") {
    const auto run = run_bundled("koege", 2017);
    const auto& r = run.result;
    // BAU (bus km held constant): 60,000 GJ gas oil × (74 kg CO2 (NIR 2005, carried forward) + 3.9 g CH4 × 28
    //   + 3.9 g N2O × 265)/GJ = 60,000 × (74 + 0.1092 + 1.0335) kg = 60,000 × 75.1427 kg = 4,508.562 t
    CHECK(in_tonnes(r.bau.at("transport/busser", 2025)) == Approx(4508.562));
    // scenario: 70 buses × 60,000 km × 1.3 kWh = 5,460 MWh × 50.3 kg/MWh (el 2025) = 274.638 t, plus the
    // diesel left: 16,666.667 − 70 × 60,000 × 3.968 kWh (16,665.6 MWh) = 1.0667 MWh = 3.84 GJ × 75.1427 = 0.2886 t
    CHECK(in_tonnes(r.scenario.at("transport/busser", 2025)) == Approx(274.638 + 0.2886).epsilon(1e-4));
}

TEST_CASE("Køge from the 2023 inventory: the buses the plan has left do not clear the 2023 diesel",
          "[data][scenario]") {
    const auto run = run_bundled("koege");
    const auto& r = run.result;
    REQUIRE(r.launch_year == 2023);
    // History: 2017 and 2023 are inventories; the buses row of 2023 is 50,000 GJ gas oil × 75.1427 kg/GJ.
    CHECK(r.kind_of(2017) == YearKind::actual);
    CHECK(r.kind_of(2020) == YearKind::interpolated);
    CHECK(r.kind_of(2023) == YearKind::actual);
    CHECK(r.kind_of(2024) == YearKind::projected);
    CHECK(in_tonnes(r.bau.at("transport/busser", 2023)) == Approx(3757.135));
    CHECK(in_tonnes(r.scenario.at("transport/busser", 2023)) == Approx(3757.135));
    // 2020, interpolated: 4,508.562 + 3/6 × (3,757.135 − 4,508.562) = 4,132.849 t
    CHECK(in_tonnes(r.bau.at("transport/busser", 2020)) == Approx(4132.849));
    // BAU 2025 (bus km constant): the 2023 row, 3,757.135 t.
    CHECK(in_tonnes(r.bau.at("transport/busser", 2025)) == Approx(3757.135));
    // The measure (2021–2025, linear) is at (2023 − 2020)/5 = 0.6 in 2023: that part is inside the inventory.
    // What remains is 0.4 × 70 = 28 buses × 60,000 km = 1,680,000 km:
    //   diesel removed 1.68e6 km × 3.968 kWh = 6,666.24 MWh = 23,998.464 GJ; left 26,001.536 GJ × 75.1427 = 1,953.825 t
    //   electricity 1.68e6 km × 1.3 kWh = 2,184 MWh × 50.3 kg/MWh = 109.855 t
    CHECK(in_tonnes(r.scenario.at("transport/busser", 2025)) == Approx(1953.825 + 109.855).epsilon(1e-4));
    // The soe row has no 2023 value: carried from 2017 and said so.
    REQUIRE(r.carried.size() == 1);
    CHECK(r.carried[0].row == "transport/soe");
    CHECK(r.carried[0].from_year == 2017);
}

TEST_CASE("the whole Køge plan: about 40 measures in five themes, shares summing to the reduction",
          "[data][scenario]") {
    const auto run = run_bundled("koege-plan", 2017);  // as adopted: the bus goal is checked against the plan
    const auto& r = run.result;
    CHECK(r.measures.size() >= 40);
    const auto themes = themes_of(r);
    REQUIRE(themes.size() == 5);
    Eigen::MatrixXd by_measure = Eigen::MatrixXd::Zero(r.bau.kg().rows(), r.bau.kg().cols());
    Eigen::MatrixXd by_theme = by_measure;
    for (const auto& m : r.measures) by_measure += m.effect.kg();
    for (const auto& t : themes) {
        INFO(t.theme);
        CHECK(t.measures.size() >= 5);
        by_theme += t.effect.kg();
    }
    const Eigen::MatrixXd gap = r.bau.kg() - r.scenario.kg();
    const double scale = r.bau.kg().cwiseAbs().maxCoeff();
    CHECK((by_measure - gap).cwiseAbs().maxCoeff() <= 1e-9 * scale);
    CHECK((by_theme - gap).cwiseAbs().maxCoeff() <= 1e-9 * scale);
    CHECK(r.estimated.empty());  // every share of the plan is exact
    // Every operation and preset kind is used somewhere in the example.
    std::set<std::string> ops, types;
    for (const auto& spec : run.spec.measures) {
        INFO(spec.id);
        CHECK_FALSE(spec.owner.empty());
        CHECK_FALSE(spec.theme.empty());
        CHECK(spec.source.rfind("illustrative", 0) == 0);
        types.insert(spec.type);
        for (const auto& e : spec.effects) ops.insert(std::string(effect_op(e)));
    }
    CHECK(ops == std::set<std::string>{"add", "construction", "factor", "land_use", "reduce", "shift", "switch"});
    CHECK(types.size() == 10);  // the nine presets and "effects"
    // The one figure of the plan the example takes from Køge: all buses electric by 2025 (bus diesel gone).
    CHECK(in_tonnes(r.scenario.at("transport/busser", 2025)) < 0.1 * in_tonnes(r.bau.at("transport/busser", 2025)));
}
