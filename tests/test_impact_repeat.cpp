// klima impact: a proposal that decides again a measure the plan already
// counts (the bus contract, issue 25) adds nothing and gets half the measure's
// effect as its share, instead of an overdraw error. Scenario fixture
// (scenario_support.hpp): buses 2000 MWh gas oil at 250 kg/MWh, el 50 kg/MWh
// from 2030, vehicle-km constant; launched from 2017.
#include "support.hpp"

#include "klima/api/impact.hpp"

#include <catch2/catch.hpp>

using klima::test::fixture;

namespace {

double t(klima::units::Mass m) { return klima::units::in_tonnes(m); }

// The bus contract: 400,000 bus-km a year from 2021 moved from diesel (3.968 kWh/km) to electric (1.3 kWh/km).
std::string contract(const std::string& id, double km) {
    return R"({"id": ")" + id + R"(", "name": "Busaftale", "owner": "Teknik og Miljø", "start_year": 2021,
        "phase_in": "step", "cost_dkk": 1000000, "source": "test",
        "effects": [{"op": "switch", "from": {"sector": "transport", "subsector": "busser", "carrier": "gasolie"},
                     "to": {"carrier": "el"}, "from_intensity": {"value": 3.968, "unit": "kWh/km"},
                     "to_intensity": {"value": 1.3, "unit": "kWh/km"},
                     "amount": {"value": )" +
           std::to_string(km) + R"(, "unit": "km"}}]})";
}

klima::api::ImpactResult assess(klima::test::TempDir& dir, const std::string& proposal_measure) {
    const auto plan = dir.write("plan.json", R"({"name": "bus plan", "municipality": "testby", "base_year": 2017,
        "from_year": 2017, "activity": ")" + fixture("scenario/activity.csv") +
                                                 R"(", "drivers": ")" + fixture("scenario/drivers.csv") +
                                                 R"(", "targets": ")" + fixture("targets/testby.json") +
                                                 R"(", "measures": [)" + contract("busaftale", 400000) + "]}");
    klima::api::ImpactRequest r;
    r.scenario.scenario_file = plan;
    r.scenario.data_dir = fixture("scenario/data");
    r.proposal_file =
        dir.write("proposal.json", R"({"name": "Busaftalen igen", "measures": [)" + proposal_measure + "]}");
    return klima::api::assess_impact(r);
}

}  // namespace

TEST_CASE("impact: the bus contract decided again adds nothing and gets half its effect", "[impact]") {
    // Alone, 2030: 400,000 km × 3.968 kWh = 1587.2 MWh diesel × 0.25 = 396.8 t less,
    // 400,000 × 1.3 kWh = 520 MWh el × 0.05 = 26 t more: 370.8 t. Twice would take 3174.4 MWh
    // of the 2000 MWh the buses hold: before issue 25 an overdraw error.
    for (const char* id : {"busaftale", "busaftale_igen"}) {  // under the plan's id, or a new one
        INFO(id);
        klima::test::TempDir dir;
        const auto r = assess(dir, contract(id, 400000));
        REQUIRE(r.repeated == std::vector<std::string>{id});
        CHECK(t(r.standalone_2030) == Approx(370.8));
        CHECK(t(r.change_2030) == Approx(0.0).margin(1e-9));
        CHECK(t(r.change_2025_2050) == Approx(0.0).margin(1e-9));
        // Two identical players whose union does what either does alone: ½ × 370.8 = 185.4 t.
        CHECK(t(r.share_2030) == Approx(185.4));
        // 2025–2029 at el 100 kg/MWh: 396.8 − 52 = 344.8 t; 2030–2050 (21 years) 370.8 t:
        // ½ × (5 × 344.8 + 21 × 370.8) = ½ × 9510.8 = 4755.4 t
        CHECK(t(r.share_2025_2050) == Approx(4755.4));
        CHECK_FALSE(r.cost_per_tonne);  // nothing avoided
    }
}

TEST_CASE("impact: a measure under a plan measure's id that does something else is refused", "[impact]") {
    klima::test::TempDir dir;
    CHECK_THROWS_WITH(assess(dir, contract("busaftale", 300000)), Catch::Contains("proposal.json") &&
                                                                      Catch::Contains("/measures/0/id") &&
                                                                      Catch::Contains("does something else"));
}

TEST_CASE("impact: a bigger contract under a new id is a new decision and still overdraws", "[impact]") {
    // 400,000 + 200,000 km × 3.968 kWh = 2380.8 MWh > 2000 MWh: refused naming the measures.
    klima::test::TempDir dir;
    CHECK_THROWS_WITH(assess(dir, contract("busaftale_mere", 200000)),
                      Catch::Contains("busaftale") && Catch::Contains("holds only"));
}
