// Attribution of a change to activity and factors, and recalculation of every
// year after a factor revision. Revised fixtures (tests/fixtures/store/):
// factors_revised.csv: el 2017 200 → 150 kg/MWh, el 2023 100 → 50 kg/MWh;
// activity_revised.csv: el 2017 1000 → 1200 MWh, soe 2023 missing → 50 MWh.
#include "store_support.hpp"

#include "klima/io/data_files.hpp"
#include "klima/store/version_diff.hpp"

#include <catch2/catch.hpp>

using namespace klima;
using test::fixture;
using units::in_tonnes;

namespace {

const store::SectorChange& find(const std::vector<store::SectorChange>& all, int year, const std::string& sector) {
    for (const auto& c : all)
        if (c.year == year && c.sector == sector) return c;
    FAIL("no change row for " << year << " " << sector);
    throw;
}

}  // namespace

TEST_CASE("diff: a change splits into activity and factor effects that add up", "[store][diff]") {
    const auto ch = store::attribute_change(test::fixture_activity(), test::fixture_factors(), test::revised_activity(),
                                            test::revised_factors(), test::fixture_reference(), "AR5");
    SECTION("2017 electricity: both changed") {
        // (A1,F1) 1000 MWh × 200 = 200 t; (A2,F1) 1200 × 200 = 240 t; (A1,F2) 1000 × 150 = 150 t; (A2,F2) 1200 × 150 =
        // 180 t activity = ½[(240 − 200) + (180 − 150)] = 35 t; factor = ½[(150 − 200) + (180 − 240)] = −55 t; change
        // −20 t
        const auto& e = find(ch, 2017, "energi");
        CHECK(in_tonnes(*e.before) == Approx(452.7348));
        CHECK(in_tonnes(*e.after) == Approx(432.7348));
        CHECK(in_tonnes(e.change) == Approx(-20.0));
        CHECK(in_tonnes(*e.activity_effect) == Approx(35.0));
        CHECK(in_tonnes(*e.factor_effect) == Approx(-55.0));
        const auto& t = find(ch, 2017, "territorial");
        CHECK(in_tonnes(t.change) == Approx(-20.0));  // 441.3748 → 421.3748
        CHECK(in_tonnes(*t.after) == Approx(421.3748));
    }
    SECTION("2023 electricity: only the factor changed") {
        // 1000 MWh × (50 − 100) kg/MWh = −50 t, all of it the factor
        const auto& e = find(ch, 2023, "energi");
        CHECK(in_tonnes(e.change) == Approx(-50.0));
        CHECK(in_tonnes(*e.activity_effect) == Approx(0.0).margin(1e-9));
        CHECK(in_tonnes(*e.factor_effect) == Approx(-50.0));
    }
    SECTION("2023 shipping: a missing value supplied later is an activity change") {
        // soe: 50 MWh = 180 GJ × 74 kg/GJ = 13,320 kg = 13.32 t; before only busser's confirmed 0 t, 1 missing
        const auto& tr = find(ch, 2023, "transport");
        REQUIRE(tr.before.has_value());
        CHECK(in_tonnes(*tr.before) == Approx(0.0).margin(1e-9));
        CHECK(tr.missing_before == 1);
        CHECK(tr.missing_after == 0);
        CHECK(in_tonnes(tr.change) == Approx(13.32));
        CHECK(in_tonnes(*tr.activity_effect) == Approx(13.32));
        CHECK(in_tonnes(*tr.factor_effect) == Approx(0.0).margin(1e-9));
        // territorial 2023: 100 t (1 missing) → 50 + 13.32 = 63.32 t
        CHECK(in_tonnes(find(ch, 2023, "territorial").change) == Approx(-36.68));
    }
    SECTION("untouched sectors show no change") {
        const auto& l = find(ch, 2017, "landbrug");
        CHECK(in_tonnes(l.change) == 0.0);
        CHECK(in_tonnes(*l.activity_effect) == 0.0);
        CHECK(in_tonnes(*l.factor_effect) == 0.0);
    }
}

TEST_CASE("diff: the split does not depend on the direction", "[store][diff]") {
    const auto fwd =
        store::attribute_change(test::fixture_activity(), test::fixture_factors(), test::revised_activity(),
                                test::revised_factors(), test::fixture_reference(), "AR5");
    const auto back =
        store::attribute_change(test::revised_activity(), test::revised_factors(), test::fixture_activity(),
                                test::fixture_factors(), test::fixture_reference(), "AR5");
    const auto& f = find(fwd, 2017, "energi");
    const auto& b = find(back, 2017, "energi");
    // backwards: activity −35 t, factor +55 t (the symmetric formula is antisymmetric)
    CHECK(in_tonnes(*b.activity_effect) == Approx(-in_tonnes(*f.activity_effect)));
    CHECK(in_tonnes(*b.factor_effect) == Approx(55.0));
}

TEST_CASE("diff: a year that the old factors cannot compute is shown without a split", "[store][diff]") {
    auto a2 = test::fixture_activity();
    ActivityRecord r = a2.front();  // el 2017, 1000 MWh
    r.year = 2024;
    a2.push_back(r);
    auto f2 = test::fixture_factors();
    EmissionFactor el24;
    el24.carrier = "el";
    el24.gas = Gas::CO2e;
    el24.value = units::kg_per_mwh(90.0);
    el24.year_from = el24.year_to = 2024;
    el24.source = "test";
    f2.add(el24);
    const auto ch = store::attribute_change(test::fixture_activity(), test::fixture_factors(), a2, f2,
                                            test::fixture_reference(), "AR5");
    const auto& e = find(ch, 2024, "energi");
    // new year: 1000 MWh × 90 kg/MWh = 90 t; (A2,F1) has no 2024 electricity factor, so no split
    CHECK_FALSE(e.before.has_value());
    CHECK(in_tonnes(*e.after) == Approx(90.0));
    CHECK(in_tonnes(e.change) == Approx(90.0));
    CHECK_FALSE(e.activity_effect.has_value());
    CHECK_FALSE(e.factor_effect.has_value());
    // the other years still split: 2017 unchanged
    CHECK(in_tonnes(*find(ch, 2017, "energi").factor_effect) == 0.0);
}

TEST_CASE("recalc: every year, the base year included, is restated after a factor revision", "[store][recalc]") {
    test::TempDir dir;
    store::Store s(dir.file("klima.db"));
    test::seed(s);
    const auto first = store::recalculate(s, test::fixture_reference(), "AR5");
    CHECK(first.version == 2);
    CHECK_FALSE(first.previous.has_value());
    CHECK(first.years == std::vector<int>{2017, 2023});

    s.import_factors(test::revised_factors(), test::provenance(fixture("store/factors_revised.csv"), "el revised"));
    const auto r = store::recalculate(s, test::fixture_reference(), "AR5");
    CHECK(r.version == 3);
    CHECK(r.previous == 2);
    const auto total = [&](int year, const std::string& name) -> const store::RestatedTotal& {
        for (const auto& t : r.totals)
            if (t.year == year && t.name == name) return t;
        FAIL("no total " << year << " " << name);
        throw;
    };
    // base year 2017: 441.3748 t → 441.3748 − 1000 MWh × 0.05 t/MWh = 391.3748 t
    CHECK(in_tonnes(*total(2017, "territorial").before) == Approx(441.3748));
    CHECK(in_tonnes(*total(2017, "territorial").after) == Approx(391.3748));
    // 2023: 100 t → 50 t, the missing shipping value still counted
    CHECK(in_tonnes(*total(2023, "territorial").after) == Approx(50.0));
    CHECK(total(2023, "territorial").missing == 1);
    CHECK(total(2023, "territorial").missing_before == 1);
    // landbrug unchanged: 42 t both times
    CHECK(in_tonnes(*total(2017, "landbrug").before) == Approx(42.0));
    CHECK(in_tonnes(*total(2017, "landbrug").after) == Approx(42.0));

    // stored against version 3, and the first computation stays with version 2
    CHECK(test::sql_count(dir.file("klima.db"),
                          "SELECT count(*) FROM inventories WHERE version_id = 3 AND year = 2017 AND "
                          "name = 'territorial' AND abs(co2e_kg - 391374.8) < 1e-6") == 1);
    CHECK(test::sql_count(dir.file("klima.db"),
                          "SELECT count(*) FROM inventories WHERE version_id = 2 AND year = 2017 AND "
                          "name = 'territorial' AND abs(co2e_kg - 441374.8) < 1e-6") == 1);
    // recalculating again replaces, never duplicates
    store::recalculate(s, test::fixture_reference(), "AR5");
    CHECK(test::sql_count(dir.file("klima.db"),
                          "SELECT count(*) FROM inventories WHERE version_id = 3 AND "
                          "year = 2017 AND name = 'territorial'") == 1);
}

TEST_CASE("recalc: a total whose every line is missing is stored as NULL, not zero", "[store][recalc]") {
    test::TempDir dir;
    const auto csv = dir.write("activity.csv",
                               "year,sector,subsector,carrier,quantity,unit,source\n"
                               "2023,energi,el,el,1000,MWh,test\n"
                               "2023,transport,soe,gasolie,,MWh,test: missing\n");
    store::Store s(dir.file("klima.db"));
    s.import_factors(test::fixture_factors(), test::provenance(fixture("data/factors/test_factors.csv"), "f"));
    s.import_activity(io::load_activity(csv, &test::fixture_reference()), test::provenance(csv, "one missing"));
    store::recalculate(s, test::fixture_reference(), "AR5");
    const auto stored = s.inventories(2, "AR5");
    const store::StoredTotal* transport = nullptr;
    for (const auto& t : stored)
        if (t.name == "transport") transport = &t;
    REQUIRE(transport);
    CHECK_FALSE(transport->co2e.has_value());
    CHECK(transport->missing == 1);
    CHECK(transport->lines == 1);
    CHECK(test::sql_count(dir.file("klima.db"),
                          "SELECT count(*) FROM inventories WHERE name = 'transport' AND co2e_kg IS NULL") == 1);
    // the territorial total has a value (el 100 t) and says one line was missing
    for (const auto& t : stored)
        if (t.name == "territorial") {
            CHECK(in_tonnes(*t.co2e) == Approx(100.0));
            CHECK(t.missing == 1);
        }
}

TEST_CASE("recalc: an empty store is an error", "[store][recalc][errors]") {
    test::TempDir dir;
    store::Store s(dir.file("klima.db"));
    CHECK_THROWS_WITH(store::recalculate(s, test::fixture_reference(), "AR5"),
                      Catch::Contains("empty") && Catch::Contains("import"));
}
