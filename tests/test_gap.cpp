#include "report_fixture.hpp"
#include "support.hpp"

#include "klima/error.hpp"
#include "klima/gap.hpp"

#include <catch2/catch.hpp>

using namespace klima;
using units::in_tonnes;

namespace {
GapAnalysis hand_gap() {
    const auto r = test::hand_scenario();
    const auto t = test::hand_targets();
    const auto path = target_path(t, test::hand_known());
    const auto& tax = test::fixture_reference().taxonomy;
    return analyse_gap(r, t, path, tax, sector_totals(r.bau, 2017, tax));
}
}  // namespace

TEST_CASE("gap: scenario minus target path per year, the 2030 gap", "[gap]") {
    const auto g = hand_gap();
    REQUIRE(g.years.size() == 34);  // 2017–2050
    // 2030: scenario 450 − 200 − 50 = 200; target 243; gap 200 − 243 = −43 (below the path)
    CHECK(in_tonnes(g.at(2030).scenario) == Approx(200.0));
    CHECK(in_tonnes(g.at(2030).bau) == Approx(450.0));
    CHECK(in_tonnes(g.at(2030).gap) == Approx(-43.0));
    // 2023: scenario 450 − 60 = 390; target 354.4615…; gap 35.538…
    CHECK(in_tonnes(g.at(2023).gap) == Approx(35.5384615));
    // 2040: 200 − 121.5 = 78.5
    CHECK(in_tonnes(g.at(2040).gap) == Approx(78.5));
    CHECK_THROWS_WITH(g.at(2016), Catch::Contains("does not cover 2016"));
    CHECK(*g.budget.exhausted_in == 2042);
}

TEST_CASE("gap: per sector with an equal-percentage share of the path, LULUCF left out", "[gap]") {
    const auto g = hand_gap();
    REQUIRE(g.sectors.size() == 2);  // energi, transport; lulucf has no sector target
    CHECK(g.sector("lulucf") == nullptr);
    const auto* energi = g.sector("energi");
    REQUIRE(energi);
    // energi target 2030: 400 × 243/450 = 216; scenario 400 − 200 = 200; gap −16
    const auto& e30 = energi->years[2030 - 2017];
    CHECK(e30.year == 2030);
    CHECK(in_tonnes(e30.target) == Approx(216.0));
    CHECK(in_tonnes(e30.gap) == Approx(-16.0));
    // transport 2030: target 100 × 0.54 = 54; scenario 50; gap −4
    CHECK(in_tonnes(g.sector("transport")->years[13].gap) == Approx(-4.0));
    // transport 2023: target 100 × 354.4615/450 = 78.769…; scenario 100 (buses start 2025); gap 21.23…
    CHECK(in_tonnes(g.sector("transport")->years[6].gap) == Approx(21.2307692));
}

TEST_CASE("gap: excluding LULUCF changes the totals compared", "[gap]") {
    auto t = test::hand_targets();
    t.scope = TargetScope::excl_lulucf;
    const auto r = test::hand_scenario();
    const auto& tax = test::fixture_reference().taxonomy;
    // Reference excl. LULUCF: 400 + 100 = 500; 2030 target 500 × 0.54 = 270
    const auto path = target_path(t, {{2017, units::tonnes(500)}});
    const auto g = analyse_gap(r, t, path, tax, std::nullopt);
    // 2030 scenario excl. LULUCF: 200 + 50 = 250; gap 250 − 270 = −20
    CHECK(in_tonnes(g.at(2030).scenario) == Approx(250.0));
    CHECK(in_tonnes(g.at(2030).gap) == Approx(-20.0));
    CHECK(g.sectors.empty());  // no reference breakdown given
}

TEST_CASE("sector totals: a trajectory row unknown to the taxonomy is an error", "[gap]") {
    Trajectory t({"energi/atomkraft"}, 2020, 2021);
    CHECK_THROWS_WITH(sector_totals(t, 2020, test::fixture_reference().taxonomy),
                      Catch::Contains("energi/atomkraft") && Catch::Contains("data/taxonomy/sectors.csv"));
}
