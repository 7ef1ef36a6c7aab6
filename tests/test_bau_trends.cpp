// BAU with trends (docs/method.md, "BAU with trends"): a trends file moves a
// share of a service in BAU itself, measures are credited only beyond it, and
// every output names the BAU kind. Hand arithmetic on the scenario fixture
// (scenario_support.hpp: benzin 250 kg/MWh, el 50 kg/MWh from 2030,
// vehicle-km constant; personbiler 2017: 30000 MWh benzin, 100 MWh el).
#include "scenario_support.hpp"
#include "support.hpp"

#include "klima/api/scenario.hpp"
#include "klima/io/data_files.hpp"
#include "klima/io/trends_file.hpp"

#include <catch2/catch.hpp>

using namespace klima;
using namespace klima::test;
using units::in_tonnes;

namespace {

// Electric share of the car service: 10 % in 2017, 55 % in 2030 (held after).
const std::string kCarTrend = R"({"trends": [{
    "id": "elbiler", "name": "Elbilernes andel", "source": "test", "status": "illustrative",
    "switch": {"from": {"sector": "transport", "subsector": "personbiler"}, "to": {"carrier": "el"},
               "from_intensity": {"value": 0.6, "unit": "kWh/km"}, "to_intensity": {"value": 0.2, "unit": "kWh/km"}},
    "shares": {"2017": 0.1, "2030": 0.55}}]})";

// Charging points moving 100 × 0.002 = 20 % of the fossil car service to EVs by 2025.
const std::string kCharging =
    measure("lader", "ev_charging",
            R"({"chargers": 100, "ev_share_per_charger": 0.002, "ev_kwh_per_km": 0.2, "fossil_kwh_per_km": 0.6})");

ScenarioResult run_with_trends(const std::string& scenario, const std::string& trends) {
    auto spec = io::parse_scenario(scenario, fixture("scenario/inline.json"));
    spec.launch_year = 2017;
    spec.trends = io::parse_trends(trends, "trends.json");
    const auto activity = io::load_activity(spec.activity_file, &scenario_ref());
    const auto drivers = io::load_drivers(spec.drivers_file);
    return run_scenario(spec, activity, drivers, scenario_ref());
}

}  // namespace

TEST_CASE("trends: BAU moves the share still to come after the launch year", "[scenario][trends]") {
    const auto r = run_with_trends(scenario_json(""), kCarTrend);
    CHECK(r.bau_with_trends);
    CHECK(r.bau_kind() == "with trends");
    // launch year 2017 untouched: 30000 × 250 + 100 × 100 = 7,510,000 kg
    CHECK(in_tonnes(r.bau.at("transport/personbiler", 2017)) == Approx(7510.0));
    // 2030: (0.55 − 0.1) / (1 − 0.1) = 0.5 of the benzin moves: 15000 MWh leave, the service
    // 15000 / 0.6 km per kWh, × 0.2 kWh/km = 5000 MWh el. 15000 × 250 + (100 + 5000) × 50 = 4,005,000 kg
    CHECK(in_tonnes(r.bau.at("transport/personbiler", 2030)) == Approx(4005.0));
    // after the last year the share is held: 2040 as 2030 (el 50 kg/MWh, vehicle-km constant)
    CHECK(in_tonnes(r.bau.at("transport/personbiler", 2040)) == Approx(4005.0));
    // 2020: s = 0.1 + 3/13 × 0.45 = 0.203846…; σ = 0.103846… / 0.9 = 0.115385 (= 1.5/13);
    // benzin 30000 × (1 − 1.5/13) = 26538.46 MWh × 250 = 6,634,615 kg; el 100 + 30000 × 1.5/13 / 3
    // = 1253.85 MWh × 100 (el before 2030) = 125,385 kg; 6,760,000 kg in all
    CHECK(in_tonnes(r.bau.at("transport/personbiler", 2020)) == Approx(6760.0));
    // with no measures, scenario = BAU
    CHECK(r.scenario.kg() == r.bau.kg());
}

TEST_CASE("trends: a measure is credited only beyond the trend", "[scenario][trends]") {
    const auto frozen = run(scenario_json(kCharging));
    const auto trended = run_with_trends(scenario_json(kCharging), kCarTrend);
    CHECK_FALSE(frozen.bau_with_trends);
    CHECK(frozen.bau_kind() == "frozen");
    // frozen BAU: 20 % of 30000 MWh = 6000 MWh benzin → 2000 MWh el: 6000 × 250 − 2000 × 50 = 1,400,000 kg
    CHECK(total_effect_t(frozen.measures.at(0), 2030) == Approx(1400.0));
    // with the trend, 15000 MWh benzin is left in BAU: 20 % = 3000 MWh → 1000 MWh el:
    // 3000 × 250 − 1000 × 50 = 700,000 kg
    CHECK(total_effect_t(trended.measures.at(0), 2030) == Approx(700.0));
    // scenario 2030: 12000 × 250 + (100 + 5000 + 1000) × 50 = 3,305,000 kg; BAU − scenario = 700 t
    CHECK(in_tonnes(trended.scenario.at("transport/personbiler", 2030)) == Approx(3305.0));
    CHECK(in_tonnes(trended.bau.total(2030) - trended.scenario.total(2030)) == Approx(700.0));
}

TEST_CASE("trends: a scenario without trends keeps its exact numbers", "[scenario][trends]") {
    const auto plain = run(scenario_json(kCharging));
    const auto empty = run_with_trends(scenario_json(kCharging), R"({"trends": []})");
    CHECK(plain.bau.kg() == empty.bau.kg());
    CHECK(plain.scenario.kg() == empty.scenario.kg());
    CHECK(plain.measures.at(0).effect.kg() == empty.measures.at(0).effect.kg());
}

TEST_CASE("trends file: errors name the JSON path and the fix", "[scenario][trends][errors]") {
    const auto bad = [](const std::string& replace, const std::string& with) {
        std::string text = kCarTrend;
        text.replace(text.find(replace), replace.size(), with);
        return text;
    };
    CHECK_THROWS_WITH(
        io::parse_trends(bad(R"("2030": 0.55)", R"("2030": 0.05)"), "t.json"),
        Catch::Contains("t.json") && Catch::Contains("/trends/0/shares/2030") && Catch::Contains("falls"));
    CHECK_THROWS_WITH(io::parse_trends(bad(R"("status": "illustrative")", R"("status": "guess")"), "t.json"),
                      Catch::Contains("/trends/0/status") && Catch::Contains("derived"));
    CHECK_THROWS_WITH(io::parse_trends(bad(R"("status": "illustrative")", R"("status": "derived")"), "t.json"),
                      Catch::Contains("/trends/0/status"));
    CHECK_THROWS_WITH(
        io::parse_trends(bad(R"("to": {"carrier": "el"},)", R"("to": {"carrier": "el"}, "share": 1,)"), "t.json"),
        Catch::Contains("/trends/0/switch/share"));
    CHECK_THROWS_WITH(
        io::parse_trends(bad(R"("shares": {"2017": 0.1, "2030": 0.55})", R"("shares": {"2017": 1.5})"), "t.json"),
        Catch::Contains("/trends/0/shares/2017"));
    CHECK_THROWS_WITH(io::parse_trends(bad(R"("source": "test",)", R"("source": "test", "sorce": 1,)"), "t.json"),
                      Catch::Contains("sorce"));
    CHECK_THROWS_WITH(io::parse_trends(R"({"trends": [)" + kCarTrend.substr(12, kCarTrend.size() - 14) + "," +
                                           kCarTrend.substr(12, kCarTrend.size() - 14) + "]}",
                                       "t.json"),
                      Catch::Contains("/trends/1/id") && Catch::Contains("twice"));
}

TEST_CASE("bundled Køge trends: BAU with trends, charging points credited beyond the market", "[data][trends]") {
    const std::string root = std::string(KLIMA_TEST_DIR) + "/..";
    const auto trends = io::load_trends(root + "/data/koege/trends.json");
    REQUIRE(trends.size() == 2);
    for (const auto& t : trends) {  // every trend labelled, and sourced
        INFO(t.id);
        CHECK(
            (t.status == "official" || t.status.rfind("derived: ", 0) == 0 || t.status.rfind("illustrative", 0) == 0));
        CHECK_FALSE(t.source.empty());
    }
    // The electric share of car-km: 6 % in 2023 (Danmarks Statistik), 51 % in 2030 (1.7 / 3.3 million cars).
    CHECK(trends[0].share(2023).value() == Approx(0.06));
    CHECK(trends[0].share(2030).value() == Approx(0.51));
    CHECK(trends[0].share(2040).value() == Approx(0.51));

    auto run = [&](const char* name) {
        api::ScenarioRequest request;
        request.scenario_file = root + "/scenarios/" + name + ".json";
        request.data_dir = root + "/data";
        return api::run_scenario(request).run;
    };
    const auto frozen = run("koege");
    const auto trended = run("koege-trends");
    CHECK(frozen.result.bau_kind() == "frozen");
    CHECK(trended.result.bau_kind() == "with trends");
    // The launch year (2023) is the inventory in both.
    CHECK(in_tonnes(trended.result.bau.total(2023)) == Approx(in_tonnes(frozen.result.bau.total(2023))));
    // 2030: less car fuel and gas in BAU, so a lower BAU ...
    CHECK(in_tonnes(trended.result.bau.at("transport/personbiler", 2030)) <
          in_tonnes(frozen.result.bau.at("transport/personbiler", 2030)));
    // ... and the charging points credited with less: (0.51 − 0.06) / (1 − 0.06) = 47.9 % of the fossil car
    // service moves in BAU by 2030, so their 20 % share acts on 52.1 % of it.
    const auto effect = [](const ScenarioRun& r, const char* id) {
        for (const auto& m : r.result.measures)
            if (m.id == id) return in_tonnes(m.effect.total(2030));
        return 0.0;
    };
    const double ratio = effect(trended, "ladestandere") / effect(frozen, "ladestandere");
    // (fixed-km measures on the same rows, the municipal fleet, keep it from being exact)
    CHECK(ratio == Approx(1.0 - 0.45 / 0.94).epsilon(0.05));
}
