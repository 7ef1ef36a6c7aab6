#include "report_fixture.hpp"
#include "support.hpp"

#include "klima/dk2020_check.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace klima;

namespace {

const InventoryResult& fixture_inventory(int year) { return test::fixture_inventories().at(year == 2017 ? 0 : 1); }

int count(const std::vector<Finding>& f, FindingKind k, const std::string& subject = "*") {
    return static_cast<int>(std::count_if(
        f.begin(), f.end(), [&](const Finding& x) { return x.kind == k && (subject == "*" || x.subject == subject); }));
}

}  // namespace

TEST_CASE("DK2020 check: inventory age, interim targets, gases, measures", "[dk2020]") {
    const auto inv2017 = fixture_inventory(2017);
    const auto f = dk2020_check(test::hand_targets(), test::hand_scenario(), &inv2017, 2023);
    // 2023 − 2017 = 6 > 3 years: outdated
    CHECK(count(f, FindingKind::inventory_outdated) == 1);
    // One interim target (2030) < 2
    REQUIRE(count(f, FindingKind::too_few_interim_targets) == 1);
    for (const auto& x : f)
        if (x.kind == FindingKind::too_few_interim_targets) CHECK(x.count == 1);
    // 2017 has natural gas (CO2, CH4, N2O): every gas covered
    CHECK(count(f, FindingKind::gas_not_covered) == 0);
    // elbusser has no owner; both have a timeline and an effect
    CHECK(count(f, FindingKind::measure_without_owner, "elbusser") == 1);
    CHECK(count(f, FindingKind::measure_without_owner) == 1);
    CHECK(count(f, FindingKind::measure_without_timeline) == 0);
    CHECK(count(f, FindingKind::measure_without_effect) == 0);
    CHECK(f.size() == 3);
}

TEST_CASE("DK2020 check: a recent inventory lacking CH4 and N2O", "[dk2020]") {
    const auto inv2023 = fixture_inventory(2023);
    auto targets = test::hand_targets();
    targets.interim.push_back({2040, units::ratio(0.8), 2017, "x"});
    const auto f = dk2020_check(targets, test::hand_scenario(), &inv2023, 2026);
    // 2026 − 2023 = 3: not older than 3 years
    CHECK(count(f, FindingKind::inventory_outdated) == 0);
    CHECK(count(f, FindingKind::too_few_interim_targets) == 0);
    // 2023 has electricity (CO2e factor) and buses at 0 (gas oil: CO2 only)
    CHECK(count(f, FindingKind::gas_not_covered, "CO2") == 0);
    CHECK(count(f, FindingKind::gas_not_covered, "CH4") == 1);
    CHECK(count(f, FindingKind::gas_not_covered, "N2O") == 1);
}

TEST_CASE("DK2020 check: no inventory, measures without timeline or effect", "[dk2020]") {
    auto r = test::hand_scenario();
    r.measures[0].start_year = 0;  // no start
    r.measures[1].owner = "Mobilitet";
    r.measures[1].full_effect_year = 2020;  // full effect before start (2025)
    MeasureResult empty;
    empty.id = "kampagne";
    empty.owner = "Klima";
    empty.start_year = 2024;
    empty.full_effect_year = 2026;
    r.measures.push_back(empty);  // no effect trajectory at all
    MeasureResult zero = empty;
    zero.id = "nul";
    zero.effect = Trajectory({"energi/el"}, 2017, 2050);  // all zero
    r.measures.push_back(zero);
    const auto f = dk2020_check(test::hand_targets(), r, nullptr, 2023);
    CHECK(count(f, FindingKind::no_inventory) == 1);
    CHECK(count(f, FindingKind::measure_without_timeline, "vind") == 1);
    CHECK(count(f, FindingKind::measure_without_timeline, "elbusser") == 1);
    CHECK(count(f, FindingKind::measure_without_effect, "kampagne") == 1);
    CHECK(count(f, FindingKind::measure_without_effect, "nul") == 1);
    CHECK(count(f, FindingKind::measure_without_owner) == 0);
    CHECK(count(f, FindingKind::base_year_incomplete) == 0);
    // no_inventory, too_few_interim_targets, 2 × timeline, 2 × effect
    CHECK(f.size() == 6);
}

TEST_CASE("DK2020 check: a base year with missing values is flagged", "[dk2020]") {
    auto r = test::hand_scenario();
    r.base_year_missing = 2;
    const auto inv2017 = fixture_inventory(2017);
    const auto f = dk2020_check(test::hand_targets(), r, &inv2017, 2023);
    REQUIRE(count(f, FindingKind::base_year_incomplete) == 1);
    for (const auto& x : f)
        if (x.kind == FindingKind::base_year_incomplete) {
            CHECK(x.count == 2);
            CHECK(x.year == r.base_year);
        }
}
