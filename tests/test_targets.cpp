#include "report_fixture.hpp"

#include "klima/error.hpp"
#include "klima/gap.hpp"
#include "klima/targets.hpp"

#include <catch2/catch.hpp>

using namespace klima;
using units::in_tonnes;
using units::tonnes;

TEST_CASE("target path: linear between reference, interim targets and neutrality", "[targets]") {
    const auto path = target_path(test::hand_targets(), test::hand_known());
    // Anchors: (2017, 450), (2030, 450 × (1 − 0.46) = 243), (2050, 0)
    REQUIRE(path.anchors().size() == 3);
    CHECK(in_tonnes(path.at(2017)) == Approx(450.0));
    CHECK(in_tonnes(path.at(2030)) == Approx(243.0));
    // 2023: 450 + (243 − 450) × 6/13 = 450 − 95.538… = 354.4615…
    CHECK(in_tonnes(path.at(2023)) == Approx(354.4615385));
    // 2040: 243 × (2050 − 2040)/20 = 121.5
    CHECK(in_tonnes(path.at(2040)) == Approx(121.5));
    CHECK(in_tonnes(path.at(2050)) == Approx(0.0));
    CHECK_THROWS_WITH(path.at(2016), Catch::Contains("outside the target path 2017–2050"));
}

TEST_CASE("target path: targets against another year than the reference", "[targets]") {
    auto t = test::hand_targets();
    t.reference_year = 1990;
    t.interim = {{2025, units::ratio(0.5), 1990, "x"}, {2030, units::ratio(0.46), 2017, "x"}};
    t.stated_emissions[1990] = tonnes(1000);
    // 1990 from the plan (1000 t), 2017 from the inventory (450 t)
    const auto path = target_path(t, test::hand_known());
    // 2025: 1000 × 0.5 = 500; 2030: 450 × 0.54 = 243
    CHECK(in_tonnes(path.at(2025)) == Approx(500.0));
    CHECK(in_tonnes(path.at(2030)) == Approx(243.0));
    // 2000: 1000 + (500 − 1000) × 10/35 = 857.142857…
    CHECK(in_tonnes(path.at(2000)) == Approx(857.1428571));
    // The inventory wins over a stated level for the same year
    t.stated_emissions[2017] = tonnes(9999);
    CHECK(in_tonnes(target_path(t, test::hand_known()).at(2030)) == Approx(243.0));
}

TEST_CASE("target path: an unknown anchor level names the file, JSON path and fix", "[targets]") {
    auto t = test::hand_targets();
    t.interim[0].against_year = 1990;
    CHECK_THROWS_WITH(target_path(t, test::hand_known()),
                      Catch::Contains("hand_targets") && Catch::Contains("/interim_targets/0/against_year") &&
                          Catch::Contains("no emissions known for 1990") && Catch::Contains("reference_emissions"));
    CHECK_THROWS_WITH(target_path(t, {}), Catch::Contains("/reference_year"));
    CHECK_THROWS_AS(TargetPath({{2030, tonnes(1)}, {2020, tonnes(0)}}, 2050), Error);
    CHECK_THROWS_AS(TargetPath({}, 2050), Error);
}

TEST_CASE("cumulative budget: the sum of the target path over the budget years", "[targets]") {
    const auto path = target_path(test::hand_targets(), test::hand_known());
    // 2017–2030: 14 years, linear 450 → 243, mean 346.5: 14 × 346.5 = 4851
    CHECK(in_tonnes(path.cumulative(2017, 2030)) == Approx(4851.0));
    // 2031–2050: 243 × k/20 for k = 19…0: 12.15 × 190 = 2308.5; total 7159.5
    CHECK(in_tonnes(path.cumulative(2017, 2050)) == Approx(7159.5));
}

TEST_CASE("budget use: the year the budget runs out and the years it lasts", "[targets][gap]") {
    const auto path = target_path(test::hand_targets(), test::hand_known());
    std::vector<YearGap> years;
    const auto scen = test::hand_scenario().scenario;
    for (int y = 2017; y <= 2050; ++y) years.push_back({y, tonnes(0), scen.total(y), path.at(y), tonnes(0)});
    const auto b = budget_use(path, 2050, years);
    CHECK(b.from == 2017);
    CHECK(b.to == 2050);
    CHECK(in_tonnes(b.budget) == Approx(7159.5));
    // Scenario running sum: 2017–20: 4 × 450 = 1800; 2021–24: 430+410+390+370 = 1600 → 3400;
    // 2025–29: 300+280+260+240+220 = 1300 → 4700; then 200 a year: 2041 → 4700 + 12 × 200 = 7100,
    // 2042 → 7300 > 7159.5, so exhausted in 2042.
    REQUIRE(b.exhausted_in.has_value());
    CHECK(*b.exhausted_in == 2042);
    // Years lasting: (2042 − 2017) + (7159.5 − 7100) / 200 = 25 + 0.2975 = 25.2975
    CHECK(units::in_count(*b.years_lasting) == Approx(25.2975));
    // Scenario 2017–2050: 4700 + 21 × 200 = 8900
    CHECK(in_tonnes(b.scenario_cumulative) == Approx(8900.0));

    // A scenario that stays under the budget: no exhaustion year
    for (auto& y : years) y.scenario = tonnes(100);  // 34 × 100 = 3400 < 7159.5
    const auto low = budget_use(path, 2050, years);
    CHECK_FALSE(low.exhausted_in.has_value());
    CHECK_FALSE(low.years_lasting.has_value());
}
