#include "report_fixture.hpp"
#include "support.hpp"

#include "klima/error.hpp"
#include "klima/progress.hpp"

#include <catch2/catch.hpp>

using namespace klima;
using units::in_tonnes;
using units::tonnes;

namespace {

ProgressTable hand_progress(const ScenarioResult& r, int report_year) {
    const auto t = test::hand_targets();
    const auto& tax = test::fixture_reference().taxonomy;
    const auto path = target_path(t, test::hand_known());
    const auto gap = analyse_gap(r, t, path, tax, sector_totals(r.bau, 2017, tax));
    std::vector<SectorTotals> inv;
    for (const auto& i : test::fixture_inventories()) inv.push_back(sector_totals(i, tax));
    return build_progress(r, t, path, gap, tax, inv, report_year);
}

const ProgressRow& row(const ProgressTable& p, const std::string& key) {
    for (const auto& r : p.sectors)
        if (r.key == key) return r;
    FAIL("no row " << key);
    throw 0;
}

}  // namespace

TEST_CASE("relative change: against the magnitude of the earlier value", "[progress]") {
    // (100 − 400) / 400 = −0.75
    CHECK(units::in_count(*relative_change(tonnes(400), tonnes(100))) == Approx(-0.75));
    // A sink growing from −80 to −100: (−100 − −80) / 80 = −0.25 (lower net emissions)
    CHECK(units::in_count(*relative_change(tonnes(-80), tonnes(-100))) == Approx(-0.25));
    CHECK_FALSE(relative_change(tonnes(0), tonnes(5)).has_value());
}

TEST_CASE("progress table: sector rows from the fixture inventories and the hand scenario", "[progress]") {
    const auto p = hand_progress(test::hand_scenario(), 2023);
    CHECK(p.reference_year == 2017);
    CHECK(p.base_year == 2017);
    REQUIRE(p.latest_year);
    CHECK(*p.latest_year == 2023);
    // Territorial sectors present in an inventory or the BAU, in taxonomy order; byggeri is reported apart
    REQUIRE(p.sectors.size() == 4);
    CHECK(p.sectors[0].key == "energi");
    CHECK(p.sectors[3].key == "lulucf");

    const auto& e = row(p, "energi");
    CHECK(e.name_da == "Energi");
    // Inventory 2017 energi: 200 + 212.7348 + 40 = 452.7348 (tests/test_inventory.cpp); 2023: el 100
    CHECK(in_tonnes(*e.reference) == Approx(452.7348));
    CHECK(in_tonnes(*e.base) == Approx(452.7348));
    CHECK(in_tonnes(*e.latest) == Approx(100.0));
    // (100 − 452.7348) / 452.7348 = −0.779120…
    CHECK(units::in_count(*e.change_vs_reference) == Approx(-0.7791201));
    CHECK(units::in_count(*e.change_vs_base) == Approx(-0.7791201));
    // BAU 2030 400; target 400 × 243/450 = 216; planned (vind) 200; remaining 400 − 200 − 216 = −16
    CHECK(in_tonnes(e.bau_milestone) == Approx(400.0));
    CHECK(in_tonnes(*e.target_milestone) == Approx(216.0));
    CHECK(in_tonnes(e.planned_effect) == Approx(200.0));
    CHECK(in_tonnes(*e.remaining_gap) == Approx(-16.0));

    const auto& tr = row(p, "transport");
    // 2017 26.64; 2023 buses 0 (confirmed zero) with the waterborne value missing: 0 t
    CHECK(in_tonnes(*tr.latest) == Approx(0.0));
    // (0 − 26.64)/26.64 = −1
    CHECK(units::in_count(*tr.change_vs_reference) == Approx(-1.0));
    // planned 50 (elbusser); target 100 × 0.54 = 54; remaining 100 − 50 − 54 = −4
    CHECK(in_tonnes(tr.planned_effect) == Approx(50.0));
    CHECK(in_tonnes(*tr.remaining_gap) == Approx(-4.0));

    const auto& land = row(p, "landbrug");
    // landbrug: 42 t in 2017, no 2023 data: latest is missing, not zero; not in the BAU, so no target
    CHECK(in_tonnes(*land.reference) == Approx(42.0));
    CHECK_FALSE(land.latest.has_value());
    CHECK_FALSE(land.change_vs_reference.has_value());
    CHECK_FALSE(land.target_milestone.has_value());
    CHECK_FALSE(land.remaining_gap.has_value());

    const auto& lulucf = row(p, "lulucf");
    CHECK(in_tonnes(*lulucf.reference) == Approx(-80.0));
    CHECK(in_tonnes(lulucf.bau_milestone) == Approx(-50.0));
    CHECK_FALSE(lulucf.target_milestone.has_value());  // LULUCF has no sector target
}

TEST_CASE("progress table: totals with and without LULUCF", "[progress]") {
    const auto p = hand_progress(test::hand_scenario(), 2023);
    const auto& incl = p.total_incl_lulucf;
    // 2017: 452.7348 + 26.64 + 42 − 80 = 441.3748; 2023: 100 + 0 = 100
    CHECK(in_tonnes(*incl.reference) == Approx(441.3748));
    CHECK(in_tonnes(*incl.latest) == Approx(100.0));
    // (100 − 441.3748)/441.3748 = −0.773435…
    CHECK(units::in_count(*incl.change_vs_reference) == Approx(-0.7734352));
    // BAU 2030: 400 + 100 − 50 = 450; target (scope incl.) 243; planned 200 + 50 = 250; remaining 450 − 250 − 243 = −43
    CHECK(in_tonnes(incl.bau_milestone) == Approx(450.0));
    CHECK(in_tonnes(*incl.target_milestone) == Approx(243.0));
    CHECK(in_tonnes(incl.planned_effect) == Approx(250.0));
    CHECK(in_tonnes(*incl.remaining_gap) == Approx(-43.0));

    const auto& excl = p.total_excl_lulucf;
    // 2017 excl.: 441.3748 + 80 = 521.3748; BAU 2030: 500
    CHECK(in_tonnes(*excl.reference) == Approx(521.3748));
    CHECK(in_tonnes(excl.bau_milestone) == Approx(500.0));
    CHECK(in_tonnes(excl.planned_effect) == Approx(250.0));
    // The target is set incl. LULUCF: no target on the excl. total
    CHECK_FALSE(excl.target_milestone.has_value());
}

TEST_CASE("progress table: measure rows, planned against realised, status", "[progress]") {
    auto r = test::hand_scenario();
    const auto p = hand_progress(r, 2023);
    REQUIRE(p.measures.size() == 2);
    const auto& vind = p.measures[0];
    // vind 2023: 20 × (2023 − 2020) = 60 planned; 50 realised < 0.9 × 60 = 54: behind
    CHECK(in_tonnes(vind.planned) == Approx(60.0));
    CHECK(in_tonnes(*vind.realised) == Approx(50.0));
    CHECK(in_tonnes(vind.planned_milestone) == Approx(200.0));
    CHECK(vind.status == MeasureStatus::behind);
    // elbusser starts 2025: not started in 2023, planned 0
    CHECK(p.measures[1].status == MeasureStatus::not_started);
    CHECK(in_tonnes(p.measures[1].planned) == Approx(0.0));

    // 55 ≥ 54: on track
    r.measures[0].realised[2023] = tonnes(55);
    CHECK(hand_progress(r, 2023).measures[0].status == MeasureStatus::on_track);
    // Started, but nothing reported for 2026: no report (not assumed on track)
    CHECK(hand_progress(r, 2026).measures[1].status == MeasureStatus::no_report);
}

TEST_CASE("progress table: the scenario must reach 2030", "[progress]") {
    auto r = test::hand_scenario();
    const std::vector<std::string> rows = r.bau.rows();
    r.bau = Trajectory(rows, 2017, 2025);
    r.scenario = r.bau;
    const auto t = test::hand_targets();
    const auto path = target_path(t, test::hand_known());
    const auto& tax = test::fixture_reference().taxonomy;
    const auto gap = analyse_gap(r, t, path, tax, std::nullopt);
    CHECK_THROWS_WITH(build_progress(r, t, path, gap, tax, {}, 2023), Catch::Contains("cover 2030"));
}
