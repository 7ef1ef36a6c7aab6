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
    // kampagne and nul were given no cost (cost 0); vind (1 mio.) and elbusser (2 mio.) were
    CHECK(count(f, FindingKind::measure_without_cost, "kampagne") == 1);
    CHECK(count(f, FindingKind::measure_without_cost, "nul") == 1);
    CHECK(count(f, FindingKind::measure_without_cost) == 2);
    // no_inventory, too_few_interim_targets, 2 × timeline, 2 × effect, 2 × cost
    CHECK(f.size() == 8);
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

namespace {

// An inventory of hand-made lines, each one gas on a factor of the given status.
struct HandLine {
    const char* sector;
    const char* subsector;
    double t;
    FactorStatus status;
};

struct HandInventory {
    std::vector<EmissionFactor> factors;  // the lines point into it: reserved, never reallocated
    InventoryResult inv;
};

HandInventory hand_inventory(const std::vector<HandLine>& lines) {
    HandInventory h;
    h.factors.reserve(lines.size());
    h.inv.year = 2017;
    for (const auto& l : lines) {
        EmissionFactor f;
        f.set_status(l.status);
        h.factors.push_back(f);
        InventoryLine line;
        line.subsector = test::fixture_reference().taxonomy.find(l.sector, l.subsector);
        REQUIRE(line.subsector);
        line.record.amount = units::Amount{};
        line.co2e = units::tonnes(l.t);
        line.gases.push_back({Gas::CO2, line.co2e, line.co2e, &h.factors.back(), 1.0});
        h.inv.lines.push_back(line);
    }
    return h;
}

GapAnalysis hand_gap(double gap2030, double gap2050) {
    GapAnalysis g;
    for (auto [year, gap] : {std::pair{2030, gap2030}, std::pair{2050, gap2050}}) {
        YearGap y;
        y.year = year;
        y.target = units::tonnes(100.0);
        y.scenario = units::tonnes(100.0 + gap);
        y.gap = units::tonnes(gap);
        g.years.push_back(y);
    }
    return g;
}

}  // namespace

TEST_CASE("DK2020 check: each target missed, with its year and by how much", "[dk2020]") {
    const auto inv2017 = fixture_inventory(2017);
    const auto gap = hand_gap(86.5, -1.0);  // above the path in 2030, below it in 2050 (neutrality)
    const auto f =
        dk2020_check(test::hand_targets(), test::hand_scenario(), &inv2017, 2023, CheckInputs{&gap, nullptr});
    REQUIRE(count(f, FindingKind::target_missed) == 1);
    for (const auto& x : f)
        if (x.kind == FindingKind::target_missed) {
            CHECK(x.year == 2030);
            REQUIRE(x.amount);
            CHECK(units::in_tonnes(*x.amount) == Approx(86.5));
        }
    const auto on_path = hand_gap(0.0, 0.0);  // on the path is not missed
    CHECK(
        count(dk2020_check(test::hand_targets(), test::hand_scenario(), &inv2017, 2023, CheckInputs{&on_path, nullptr}),
              FindingKind::target_missed) == 0);
}

TEST_CASE("DK2020 check: more than 10 % of the base year on illustrative or derived factors", "[dk2020]") {
    // energi/el 300 t official, 100 t illustrative; lulucf/skov −100 t derived (a removal counts by its size)
    const auto h = hand_inventory({{"energi", "el", 300.0, FactorStatus::official},
                                   {"energi", "el", 100.0, FactorStatus::illustrative},
                                   {"lulucf", "skov", -100.0, FactorStatus::derived}});
    // incl. LULUCF: (100 + 100) / (300 + 100 + 100) = 0.4
    const auto incl = uncertain_factor_share(h.inv, TargetScope::incl_lulucf);
    REQUIRE(incl);
    CHECK(units::in_count(incl->share) == Approx(0.4));
    CHECK(units::in_tonnes(incl->on_uncertain) == Approx(200.0));
    // excl. LULUCF: 100 / (300 + 100) = 0.25
    const auto excl = uncertain_factor_share(h.inv, TargetScope::excl_lulucf);
    REQUIRE(excl);
    CHECK(units::in_count(excl->share) == Approx(0.25));
    const auto f =
        dk2020_check(test::hand_targets(), test::hand_scenario(), &h.inv, 2023, CheckInputs{nullptr, &h.inv});
    REQUIRE(count(f, FindingKind::base_year_uncertain_factors) == 1);
    for (const auto& x : f)
        if (x.kind == FindingKind::base_year_uncertain_factors) {
            CHECK(x.year == 2017);
            REQUIRE(x.share);
            CHECK(units::in_count(*x.share) == Approx(0.4));
        }
    // 50 t of 1000 t illustrative: 5 %, not above 10 %
    const auto low = hand_inventory(
        {{"energi", "el", 950.0, FactorStatus::official}, {"energi", "el", 50.0, FactorStatus::illustrative}});
    CHECK(
        count(dk2020_check(test::hand_targets(), test::hand_scenario(), &low.inv, 2023, CheckInputs{nullptr, &low.inv}),
              FindingKind::base_year_uncertain_factors) == 0);
}
