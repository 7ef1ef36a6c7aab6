// klima impact on the scenario fixture (tests/fixtures/scenario: naturgas 200,
// gasolie and benzin 250, fjernvarme 80 kg/MWh; el 100 kg/MWh to 2029 and 50
// from 2030; population and households ×1.13 in 2030, vehicle-km constant).
// The adopted plan (tests/fixtures/impact/plan.json) switches every diesel bus
// to electricity from 2021. Launched from 2017 unless said otherwise, so the
// arithmetic starts from the 2017 rows.
//
// BAU 2030 (t): el 10000 × 1.13 × 0.05 = 565; fjernvarme 5000 × 1.13 × 0.08 = 452;
//   naturgas 20000 × 1.13 × 0.2 = 4520; gasolie 4000 × 1.13 × 0.25 = 1130;
//   benzin 30000 × 0.25 = 7500; car el 100 × 0.05 = 5; lorries 10000 × 0.25 = 2500;
//   buses 2000 × 0.25 = 500; rail 500 × 1.13 × 0.05 = 28.25; total 17200.25.
// Plan 2030: buses' 2000 MWh diesel / 3.968 kWh/km × 1.3 kWh/km = 655.2419 MWh el
//   × 0.05 = 32.7621 t, so the scenario is 17200.25 − 500 + 32.7621 = 16733.0121 t.
// Target 2030: 16960 × (1 − 0.46) = 9158.4 t, so the adopted gap is 7574.6121 t.
#include "support.hpp"

#include "klima/api/impact.hpp"
#include "klima/report/impact_report.hpp"

#include <catch2/catch.hpp>

using klima::test::fixture;

namespace {

double t(klima::units::Mass m) { return klima::units::in_tonnes(m); }

klima::api::ImpactResult assess(const std::string& proposal, std::optional<int> from_year = 2017) {
    klima::api::ImpactRequest r;
    r.scenario.scenario_file = fixture("impact/plan.json");
    r.scenario.data_dir = fixture("scenario/data");
    r.scenario.from_year = from_year;
    r.proposal_file = proposal;
    return klima::api::assess_impact(r);
}

}  // namespace

TEST_CASE("impact: a proposal computed by hand (a tenth of the lorry fuel from 2026)", "[impact]") {
    const auto r = assess(fixture("impact/trucks.json"));
    REQUIRE(r.launch_year == 2017);
    // 10000 MWh gasolie × 0.25 t/MWh × 0.1 = 250 t a year from 2026; vehicle-km constant.
    CHECK(t(r.avoided_2030) == Approx(250.0));
    // 2026–2050: 25 years × 250 = 6250 t; no construction.
    CHECK(t(r.avoided_2025_2050) == Approx(6250.0));
    CHECK(t(r.apart_2025_2050) == Approx(0.0).margin(1e-9));
    CHECK(t(r.avoided.territorial.at(2025 - 2017)) == Approx(0.0).margin(1e-9));
    CHECK(t(r.avoided.territorial.at(2026 - 2017)) == Approx(250.0));
    // Only transport changes.
    REQUIRE(r.sectors.size() == 1);
    CHECK(r.sectors[0].sector == "transport");
    // No interaction with the bus plan: alone, its share and the change are all 250 / 6250.
    CHECK(t(r.standalone_2030) == Approx(250.0));
    CHECK(t(r.share_2030) == Approx(250.0));
    CHECK(t(r.change_2025_2050) == Approx(6250.0));
    CHECK(t(r.share_2025_2050) == Approx(6250.0));
    // Gap 2030: 7574.6121 adopted (header), 7574.6121 − 250 = 7324.6121 with the proposal.
    REQUIRE(r.adopted);
    REQUIRE(r.with_proposal);
    CHECK(t(r.adopted->gap_2030) == Approx(7574.6121).epsilon(1e-7));
    CHECK(t(r.with_proposal->gap_2030) == Approx(7324.6121).epsilon(1e-7));
    // The budget is the targets' own: 269833.6 t (test_cli_report.cpp), the same in both runs.
    CHECK(t(r.adopted->budget) == Approx(269833.6));
    CHECK(t(r.with_proposal->budget) == Approx(269833.6));
    // Cost per tonne: 1,000,000 DKK / 6250 t = 160 DKK/t.
    REQUIRE(r.cost_per_tonne);
    CHECK(klima::units::in_dkk_per_tonne(*r.cost_per_tonne) == Approx(160.0));
}

TEST_CASE("impact: a housing area raises emissions, estimated per inhabitant", "[impact]") {
    const auto r = assess(fixture("impact/housing.json"));
    // el per inhabitant in 2017: 10000 MWh / 10000 = 1 MWh; 1000 residents from 2026: 1000 MWh.
    REQUIRE(r.growth_rows.size() == 1);
    const auto& row = r.growth_rows[0];
    CHECK(row.row == "energi/el");
    CHECK(row.estimated);
    CHECK(row.inventory_year == 2017);
    CHECK(klima::units::in_mwh(std::get<klima::units::Energy>(row.at_full)) == Approx(1000.0));
    // 2030: 1000 MWh × 0.05 = 50 t more; 2026–2029 at 0.1: 100 t a year.
    CHECK(t(r.avoided_2030) == Approx(-50.0));
    CHECK(t(r.avoided.territorial.at(2026 - 2017)) == Approx(-100.0));
    // 2025–2050: −(4 × 100 + 21 × 50) = −1450 t.
    CHECK(t(r.avoided_2025_2050) == Approx(-1450.0));
    // Construction, reported apart: 2000 m² × 300 kg/m² = 600 t, all in 2026.
    CHECK(t(r.avoided.apart.at(2026 - 2017)) == Approx(-600.0));
    CHECK(t(r.apart_2030) == Approx(0.0).margin(1e-9));
    CHECK(t(r.apart_2025_2050) == Approx(-600.0));
    // All years, all rows: −1450 − 600 = −2050 t: it raises emissions, so no cost per tonne.
    CHECK(t(r.avoided_all_years) == Approx(-2050.0));
    CHECK_FALSE(r.cost_per_tonne);
    // The gap grows by the 50 t of 2030.
    CHECK(t(r.with_proposal->gap_2030 - r.adopted->gap_2030) == Approx(50.0));
}

TEST_CASE("impact: growth from the latest inventory says which year each row comes from", "[impact]") {
    const auto r = assess(fixture("impact/housing_latest.json"), std::nullopt);
    REQUIRE(r.launch_year == 2023);
    REQUIRE(r.growth_rows.size() == 2);
    // el from the 2023 inventory: 9000 MWh / 10600 × 1060 = 900 MWh.
    CHECK(r.growth_rows[0].row == "energi/el");
    CHECK(r.growth_rows[0].inventory_year == 2023);
    CHECK(klima::units::in_mwh(std::get<klima::units::Energy>(r.growth_rows[0].at_full)) == Approx(900.0));
    // fjernvarme is not in 2023: from 2017, 5000 MWh / 10000 × 1060 = 530 MWh.
    CHECK(r.growth_rows[1].row == "energi/fjernvarme");
    CHECK(r.growth_rows[1].inventory_year == 2017);
    CHECK(klima::units::in_mwh(std::get<klima::units::Energy>(r.growth_rows[1].at_full)) == Approx(530.0));
    // 2030: 900 × 0.05 + 530 × 0.08 = 45 + 42.4 = 87.4 t more.
    CHECK(t(r.avoided_2030) == Approx(-87.4));
}

TEST_CASE("impact: a proposal repeating a plan measure adds nothing; its Shapley share is half", "[impact]") {
    const auto r = assess(fixture("impact/repeat.json"));
    // Alone on BAU, 2030: 500 t diesel − 655.2419 MWh × 0.05 = 500 − 32.7621 = 467.2379 t.
    CHECK(t(r.standalone_2030) == Approx(467.2379).epsilon(1e-7));
    // With the plan the buses are already electric: v(plan) = v(plan + proposal), so the share is
    // ½ · (alone) + ½ · 0 = 233.619 t, and the decision itself changes nothing.
    CHECK(t(r.share_2030) == Approx(233.61895).epsilon(1e-7));
    CHECK(t(r.share_2025_2050) == Approx(t(r.standalone_2025_2050) / 2));
    CHECK(t(r.change_2030) == Approx(0.0).margin(1e-9));
    CHECK(t(r.change_2025_2050) == Approx(0.0).margin(1e-9));
    CHECK(t(r.avoided_2025_2050) == Approx(0.0).margin(1e-9));
    CHECK_FALSE(r.cost_per_tonne);  // nothing avoided
}

TEST_CASE("impact: growth with its own figures and the inventory's new-build factor", "[impact]") {
    klima::test::TempDir dir;
    const auto proposal = dir.write("own.json", R"({"name": "Own figures", "growth": {
        "id": "egne", "name": "Egne tal", "residents": 100, "from_year": 2026, "full_year": 2027,
        "floor_area_m2": 1000, "per_inhabitant": [],
        "activity": [{"row": {"sector": "energi", "subsector": "fjernvarme", "carrier": "fjernvarme"},
                      "amount": {"value": 100, "unit": "MWh"}, "source": "test figure"}],
        "source": "test"}})");
    const auto r = assess(proposal);
    REQUIRE(r.growth_rows.size() == 1);
    CHECK_FALSE(r.growth_rows[0].estimated);
    // Residents linear 2026–2027: half in 2026. 100 MWh × 0.08 = 8 t at full: 4 t in 2026, 8 t from 2027.
    CHECK(t(r.avoided.territorial.at(2026 - 2017)) == Approx(-4.0));
    CHECK(t(r.avoided_2030) == Approx(-8.0));
    // 2025–2050: 4 + 24 years × 8 = 196 t.
    CHECK(t(r.avoided_2025_2050) == Approx(-196.0));
    // No kg_co2e_per_m2: the fixture's new-build factor 500 kg/m²; 1000 m² over two years:
    // 500 m² × 0.5 t = 250 t in 2026 and in 2027, none after.
    CHECK(t(r.avoided.apart.at(2026 - 2017)) == Approx(-250.0));
    CHECK(t(r.avoided.apart.at(2027 - 2017)) == Approx(-250.0));
    CHECK(t(r.avoided.apart.at(2028 - 2017)) == Approx(0.0).margin(1e-9));
}

TEST_CASE("impact: a scenario without targets gives no gap and says so", "[impact]") {
    klima::test::TempDir dir;
    const auto scenario =
        dir.write("s.json", R"({"name": "No targets", "municipality": "testby", "base_year": 2017,
        "activity": ")" + fixture("scenario/activity.csv") +
                                R"(", "drivers": ")" + fixture("scenario/drivers.csv") + R"(", "measures": []})");
    klima::api::ImpactRequest q;
    q.scenario.scenario_file = scenario;
    q.scenario.data_dir = fixture("scenario/data");
    q.scenario.from_year = 2017;
    q.proposal_file = fixture("impact/trucks.json");
    const auto r = klima::api::assess_impact(q);
    CHECK_FALSE(r.adopted);
    CHECK_FALSE(r.with_proposal);
    CHECK(t(r.avoided_2030) == Approx(250.0));  // as in the first case: 10000 × 0.25 × 0.1
    CHECK_THAT(klima::report::impact_paragraph(r, klima::report::Lang::en),
               Catch::Contains("The scenario names no targets, so the gap and the budget are not computed."));
}
