// The Monte Carlo draw model (engine/src/analysis/draw_model.hpp) against its
// reference, apply_draw + run_scenario: the Køge plan with inputs of every
// kind, a one-row case by hand, and a draw that overdraws a row.
#include "support.hpp"

#include "analysis/draw_model.hpp"

#include "klima/api/monte_carlo.hpp"
#include "klima/io/data_files.hpp"
#include "klima/io/scenario_file.hpp"
#include "klima/io/trends_file.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

using namespace klima;
using analysis::UncertainInput;
using Catch::Detail::Approx;

namespace {

using On = UncertainInput::On;

UncertainInput on_rows(On on, std::string sector, std::string subsector, std::string carrier) {
    UncertainInput u;
    u.on = on;
    u.rows = RowSelector{std::move(sector), std::move(subsector), std::move(carrier)};
    return u;
}

UncertainInput on_driver(Driver d) {
    UncertainInput u;
    u.on = On::driver;
    u.driver = d;
    return u;
}

UncertainInput on_measure(std::string id) {
    UncertainInput u;
    u.on = On::measure;
    u.measure = std::move(id);
    return u;
}

analysis::Inputs load(const std::string& scenario_file, const std::string& data_dir) {
    auto ref = io::load_reference_data(data_dir);
    auto spec = io::load_scenario(scenario_file);
    auto activity = io::load_activity(spec.activity_file, &ref);
    auto drivers = io::load_drivers(spec.drivers_file);
    return {std::move(spec), std::move(activity), std::move(drivers), std::move(ref)};
}

// The reference: one draw's inputs copied and run in full; nullopt when the run refuses the draw.
std::optional<ScenarioResult> full_run(const analysis::Inputs& base, const std::vector<UncertainInput>& inputs,
                                       const std::vector<double>& values) {
    const auto in = analysis::apply_draw(base, inputs, values);
    try {
        return run_scenario(in.spec, in.activity, in.drivers, in.reference(base), RunOptions{false});
    } catch (const Error&) {
        return std::nullopt;
    }
}

double relative(units::Mass a, units::Mass b) {
    const double x = units::in_kg(a), y = units::in_kg(b);
    return std::abs(x - y) / std::max({std::abs(x), std::abs(y), 1.0});
}

}  // namespace

TEST_CASE("Draw model: the Køge plan with inputs of every kind gives the full runs' totals in every year") {
    // The plan plus a measure setting the electricity factor to a value (factor_set), which it lacks.
    const std::string data = KLIMA_DEFAULT_DATA_DIR;
    auto plan = nlohmann::json::parse(std::ifstream(data + "/../scenarios/koege-plan.json"));
    plan["activity"] = data + "/koege/activity.csv";
    plan["drivers"] = data + "/koege/drivers.csv";
    plan["targets"] = data + "/targets/koege.json";
    auto extra = plan["measures"][4];  // fjernvarme_omstilling's phase-in, 2024–2028
    extra["id"] = "el_faktor";
    extra["source"] = "test";
    extra["effects"] = nlohmann::json::array(
        {{{"op", "factor"}, {"rows", {{"carrier", "el"}}}, {"value", {{"value", 20}, {"unit", "kg/MWh"}}}}});
    plan["measures"].push_back(extra);
    test::TempDir dir;
    const auto base = load(dir.write("plan.json", plan.dump()), data);
    const auto planned = run_scenario(base.spec, base.activity, base.drivers, base.ref, RunOptions{false});
    REQUIRE(planned.launch_year == 2023);

    const std::vector<UncertainInput> inputs{
        on_rows(On::activity, "energi", "individuel_opvarmning", "naturgas"),  // a full selector
        on_rows(On::activity, "transport", "*", "*"),                          // a wildcard
        on_rows(On::factor, "*", "*", "naturgas"),                             // no subsector
        on_rows(On::factor, "*", "*", "naturgas"),                             // a second input on the same factor
        on_rows(On::factor, "*", "lastbiler", "gasolie"),                      // a subsector
        on_rows(On::factor, "*", "*", "el"),
        on_driver(Driver::population),
        on_driver(Driver::households),
        on_driver(Driver::vehicle_km),
        on_measure("biogas_i_gasnettet"),  // a factor reduction
        on_measure("el_faktor"),           // a factor set to a value (its size does not scale)
        on_measure("fjernvarme_udbygning"),
        on_measure("ladestandere"),
        on_measure("varmepumper_gas"),
        on_measure("skovrejsning"),  // a row with a factor of its own
        on_measure("elbusser"),
    };
    // Draw 0 all ones, 1 all zeros, 2 all twos, then uniform on 1 ± 0.7 (activity 1 ± 0.1),
    // some at 0 or 2.
    std::mt19937_64 rng(2026);
    std::vector<std::vector<double>> draws{std::vector<double>(inputs.size(), 1.0),
                                           std::vector<double>(inputs.size(), 0.0),
                                           std::vector<double>(inputs.size(), 2.0)};
    for (int d = 3; d < 32; ++d) {
        std::vector<double> v;
        for (std::size_t i = 0; i < inputs.size(); ++i) {
            const double spread = inputs[i].on == On::activity ? 0.1 : 0.7;  // fixed removals overdraw less activity
            const double u = std::uniform_real_distribution<double>(1 - spread, 1 + spread)(rng);
            v.push_back(d % 5 == 0 && i % 3 == 0 ? 2.0 * (i % 2) : u);
        }
        draws.push_back(v);
    }

    for (const auto scope : {TargetScope::incl_lulucf, TargetScope::excl_lulucf}) {
        const analysis::DrawModel model(base, inputs, planned.launch_year, scope);
        REQUIRE(model.first_year() == 2023);
        REQUIRE(model.years() == 28);
        auto scratch = model.scratch();
        std::vector<units::Mass> bau(model.years()), scen(model.years());
        int compared = 0, declined = 0;
        for (std::size_t d = 0; d < draws.size(); ++d) {
            INFO("draw " << d);
            const auto full = full_run(base, inputs, draws[d]);
            const bool fast = model.evaluate(draws[d], scratch, bau, scen);
            declined += !fast;
            CHECK(fast == full.has_value());  // the model declines exactly the draws the full run refuses
            if (!fast || !full) continue;
            ++compared;
            for (int y = 2023; y <= 2050; ++y) {
                INFO("year " << y);
                const auto k = static_cast<std::size_t>(y - 2023);
                CHECK(relative(bau[k], model.in_scope(full->bau, y)) < 1e-9);
                CHECK(relative(scen[k], model.in_scope(full->scenario, y)) < 1e-9);
            }
        }
        CHECK(compared >= 25);
        CHECK(declined >= 1);  // all twos overdraws a row
        // All ones is the plan itself: the totals of the run without draws.
        REQUIRE(model.evaluate(draws[0], scratch, bau, scen));
        CHECK(relative(scen[7], model.in_scope(planned.scenario, 2030)) < 1e-12);
    }
}

namespace {

// A scenario of one row, natural gas 20000 MWh in 2017 driven by households (the fixture's
// drivers), and one measure b from 2021 to `full_year` reducing it by `size` (a JSON member).
std::string one_row_scenario(const test::TempDir& dir, int full_year, const std::string& size) {
    const std::string activity = dir.write("activity.csv",
                                           "year,sector,subsector,carrier,quantity,unit,source\n"
                                           "2017,energi,individuel_opvarmning,naturgas,20000,MWh,t\n");
    std::string json = R"({"name": "one row", "municipality": "testby", "base_year": 2017, "from_year": 2017, )";
    json.append(R"("activity": ")").append(activity).append(R"(", "drivers": ")");
    json.append(test::fixture("scenario/drivers.csv")).append(R"(", "measures": [{"id": "b", "name": "b", )");
    json.append(R"("owner": "x", "start_year": 2021, "full_effect_year": )").append(std::to_string(full_year));
    json.append(R"(, "cost_dkk": 0, "source": "test", "effects": [{"op": "reduce", "rows": {"carrier": "naturgas"}, )");
    json.append(size).append("}]}]}");
    return dir.write("plan.json", json);
}

}  // namespace

TEST_CASE("Draw model: one row, one measure and one factor input, by hand") {
    // Natural gas 20000 MWh in 2017 at 200 kg CO2/MWh, driven by households (5000 in 2017, +50 a year);
    // measure b takes 40 % of it, phased in linearly 2021–2025.
    test::TempDir dir;
    const std::string scenario = one_row_scenario(dir, 2025, R"("share": 0.4)");
    const auto base = load(scenario, test::fixture("scenario/data"));
    const std::vector<UncertainInput> inputs{on_rows(On::factor, "*", "*", "naturgas"), on_measure("b")};
    const analysis::DrawModel model(base, inputs, 2017, TargetScope::incl_lulucf);
    auto scratch = model.scratch();
    std::vector<units::Mass> bau(model.years()), scen(model.years());
    REQUIRE(model.evaluate({1.5, 0.5}, scratch, bau, scen));  // factor × 1.5, measure × 0.5
    const auto t = [](units::Mass m) { return units::in_tonnes(m); };
    // 2030: households 5650/5000 = 1.13; BAU 20000 × 1.13 × 200 × 1.5 kg = 6780 t;
    // full effect 0.4 × 0.5 = 20 % taken: 6780 × 0.8 = 5424 t.
    CHECK(t(bau[13]) == Approx(6780.0));
    CHECK(t(scen[13]) == Approx(5424.0));
    // 2023: households 5300/5000 = 1.06; BAU 20000 × 1.06 × 300 kg = 6360 t; phase (2023 − 2021 + 1)/5 = 0.6,
    // so 0.4 × 0.5 × 0.6 = 12 % taken: 6360 × 0.88 = 5596.8 t.
    CHECK(t(bau[6]) == Approx(6360.0));
    CHECK(t(scen[6]) == Approx(5596.8));
    // 2017, the launch inventory: 20000 × 300 kg = 6000 t, no measure yet.
    CHECK(t(scen[0]) == Approx(6000.0));
}

TEST_CASE("Draw model: a draw that overdraws a row is declined, and Monte Carlo names the draw") {
    // Measure b removes a fixed 15000 MWh of the 20000 MWh (× 1.13 by 2030 = 22600 MWh) from 2021 on
    // (a step); twice the size, 30000 MWh, is more than the row holds.
    test::TempDir dir;
    const std::string scenario = one_row_scenario(dir, 2021, R"("amount": {"value": 15000, "unit": "MWh"})");
    const auto base = load(scenario, test::fixture("scenario/data"));
    const std::vector<UncertainInput> inputs{on_measure("b")};
    const analysis::DrawModel model(base, inputs, 2017, TargetScope::incl_lulucf);
    auto scratch = model.scratch();
    std::vector<units::Mass> bau(model.years()), scen(model.years());
    // × 1: 2030 keeps 22600 − 15000 = 7600 MWh × 200 kg = 1520 t.
    REQUIRE(model.evaluate({1.0}, scratch, bau, scen));
    CHECK(units::in_tonnes(scen[13]) == Approx(1520.0));
    CHECK_FALSE(model.evaluate({2.0}, scratch, bau, scen));

    api::MonteCarloRequest r;
    r.scenario.scenario_file = scenario;
    r.scenario.data_dir = test::fixture("scenario/data");
    r.targets_file = dir.write("targets.json", R"({"municipality": "testby", "name": "t",
        "scope": "territorial_incl_lulucf", "reference_year": 2017, "interim_targets": [{"year": 2030,
        "reduction_pct": 50, "against_year": 2017, "source": "test"}], "neutrality": {"year": 2050, "source": "test"}})");
    r.uncertainty_file =
        dir.write("u.json", R"({"inputs": [{"measure": "b", "dist": {"uniform": {"low": 1.9, "high": 2.0}}}]})");
    r.draws = 4;
    r.threads = 2;
    try {
        api::monte_carlo(r);
        FAIL("no error");
    } catch (const Error& e) {
        const std::string problem = e.problem();
        CHECK(problem.rfind("in Monte Carlo draw 0: measure 'b' removes", 0) == 0);
        CHECK(problem.find("but the year holds only") != std::string::npos);
    }
}

TEST_CASE("Draw model: a BAU with trends gives the full runs' totals in every year (issue 25)") {
    const std::string data = KLIMA_DEFAULT_DATA_DIR;
    auto base = load(data + "/../scenarios/koege-trends.json", data);
    REQUIRE(base.spec.trends_file);
    base.spec.trends = io::load_trends(*base.spec.trends_file);  // as load_plan reads them
    REQUIRE(base.spec.trends.size() == 2);
    const std::vector<UncertainInput> inputs{on_rows(On::activity, "transport", "personbiler", "*"),
                                             on_driver(Driver::vehicle_km), on_measure("ladestandere")};
    const std::vector<std::vector<double>> draws{{1.0, 1.0, 1.0}, {0.9, 1.3, 0.5}, {1.1, 0.6, 1.4}};
    const analysis::DrawModel model(base, inputs, 2023, TargetScope::incl_lulucf);
    auto scratch = model.scratch();
    std::vector<units::Mass> bau(model.years()), scen(model.years());
    for (const auto& draw : draws) {
        const auto full = full_run(base, inputs, draw);
        REQUIRE(full);
        REQUIRE(full->bau_with_trends);
        REQUIRE(model.evaluate(draw, scratch, bau, scen));
        for (int y = 2023; y <= 2050; ++y) {
            INFO("year " << y);
            const auto k = static_cast<std::size_t>(y - 2023);
            CHECK(relative(bau[k], model.in_scope(full->bau, y)) < 1e-9);
            CHECK(relative(scen[k], model.in_scope(full->scenario, y)) < 1e-9);
        }
    }
}
