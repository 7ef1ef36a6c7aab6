// The store keeps years (issue 23): yearly imports each revise their own years, every year stays
// readable, two years of one version are compared, import order is free, and a store of
// schema 4 migrates. Fixture factors (tests/fixtures/data/factors/test_factors.csv):
// el 200 kg CO2e/MWh in 2017, 100 in 2023; naturgas 56.95 kg CO2/GJ, 1 g CH4/GJ, 1 g N2O/GJ;
// AR5: CH4 28, N2O 265.
#include "store_support.hpp"

#include "klima/api/store_import.hpp"
#include "klima/api/store_versions.hpp"
#include "klima/report/store_report.hpp"
#include "klima/store/version_diff.hpp"
#include "klima/store/year_compare.hpp"

#include <catch2/catch.hpp>

using namespace klima;
using test::fixture;
using units::in_tonnes;

namespace {

constexpr const char* kHeader = "year,sector,subsector,carrier,quantity,unit,source\n";

api::StoreImportResult import(const test::TempDir& dir, const std::string& name, const std::string& rows,
                              std::optional<ChpAllocation> allocation = std::nullopt) {
    const auto file = dir.write(name, std::string(kHeader) + rows);
    api::StoreImportRequest request;  // by field: GCC 12 warns falsely on a braced {} for `read`
    request.store_path = dir.file("klima.db");
    request.file = file;
    request.comment = "import of " + name;
    request.data_dir = test::fixture_data_dir();
    request.allocation = allocation;
    return api::import_into_store(request, test::fixture_reference());
}

double subsector_t(const InventoryResult& inv, const std::string& key) {
    const auto it = inv.by_subsector.find(key);
    return it == inv.by_subsector.end() ? 0.0 : in_tonnes(it->second.co2e);
}

InventoryResult year_of(const store::Store& s, int version, int year) {
    static thread_local ReferenceData ref;  // kept for the result's factor pointers
    const auto v = s.version(version);
    ref = store::reference_for(s, v, test::fixture_reference());
    return compute_inventory(s.activity(v, year), year, ref, "AR5");
}

const store::YearChange& find(const std::vector<store::YearChange>& all, const std::string& key) {
    for (const auto& c : all)
        if (c.key == key) return c;
    FAIL("no row " << key);
    throw;
}

}  // namespace

TEST_CASE("store years: two yearly imports, then every year is readable", "[store][years]") {
    test::TempDir dir;
    const auto first =
        import(dir, "2017.csv", "2017,energi,el,el,1000,MWh,a\n2017,energi,individuel_opvarmning,naturgas,3600,GJ,a\n");
    // a new store: the factor set of the data directory is recorded first, so no version lacks factors
    CHECK(first.bundled_version == 1);
    CHECK(first.outcome.version == 2);
    const auto second = import(dir, "2023.csv", "2023,energi,el,el,1000,MWh,b\n");
    CHECK(!second.bundled_version);
    CHECK(second.outcome.version == 3);

    const store::Store s(dir.file("klima.db"), store::Open::read_only);
    const auto years = s.years(s.version(3));
    REQUIRE(years.size() == 2);
    CHECK(years[0] == std::pair<int, int>{2017, 2});  // 2017 from the first import
    CHECK(years[1] == std::pair<int, int>{2023, 3});
    // 2017 from version 3: el 1000 MWh × 200 kg = 200 t; naturgas 3600 GJ × 56.95 kg = 205.02 t CO2,
    // 3.6 kg CH4 × 28 = 0.1008 t, 3.6 kg N2O × 265 = 0.954 t → 206.0748 t
    const auto y2017 = year_of(s, 3, 2017);
    CHECK(subsector_t(y2017, "energi/el") == Approx(200.0));
    CHECK(subsector_t(y2017, "energi/individuel_opvarmning") == Approx(206.0748));
    CHECK(in_tonnes(year_of(s, 3, 2023).territorial.co2e) == Approx(100.0));  // 1000 MWh × 100 kg
    CHECK(s.years_imported(2) == std::vector<int>{2017});
    CHECK(s.years_imported(3) == std::vector<int>{2023});
    CHECK(s.activity(s.version(3)).size() == 3);  // every year: 2 rows of 2017, 1 of 2023
}

TEST_CASE("store years: an import revises exactly the years it holds", "[store][years]") {
    test::TempDir dir;
    import(dir, "2017.csv", "2017,energi,el,el,1000,MWh,a\n2017,energi,individuel_opvarmning,naturgas,3600,GJ,a\n");
    import(dir, "2023.csv", "2023,energi,el,el,1000,MWh,b\n");
    const auto revised = import(dir, "2017-revised.csv", "2017,energi,el,el,1200,MWh,c\n");
    CHECK(revised.outcome.version == 4);
    const store::Store s(dir.file("klima.db"), store::Open::read_only);
    // 2017 is now the revised file's alone: 1200 MWh × 200 kg = 240 t, its naturgas row gone with the old year
    const auto y2017 = year_of(s, 4, 2017);
    CHECK(in_tonnes(y2017.territorial.co2e) == Approx(240.0));
    CHECK(y2017.lines.size() == 1);
    CHECK(in_tonnes(year_of(s, 4, 2023).territorial.co2e) == Approx(100.0));     // 2023 as it was
    CHECK(in_tonnes(year_of(s, 3, 2017).territorial.co2e) == Approx(406.0748));  // version 3 keeps its 2017

    // db diff 3 → 4 names the years version 4 touched, and shows 2017 only
    const auto cmp = api::compare_store_versions(dir.file("klima.db"), 3, 4, test::fixture_reference(), "AR5");
    REQUIRE(cmp.touched.size() == 1);
    CHECK(cmp.touched[0].years == std::vector<int>{2017});
    const auto text = report::render_version_diff(cmp, "AR5");
    CHECK_THAT(text, Catch::Contains("v4 (activity, " + dir.file("2017-revised.csv") +
                                     ") revised year 2017; every other year as before"));
    for (const auto& c : cmp.changes) {
        if (c.year == 2023) CHECK(in_tonnes(c.change) == Approx(0.0).margin(1e-9));
    }
    // 2017 territorial: 406.0748 → 240 t, all of it activity (the factors did not change)
    for (const auto& c : cmp.changes)
        if (c.year == 2017 && c.sector == "territorial") {
            CHECK(in_tonnes(c.change) == Approx(240.0 - 406.0748));
            CHECK(in_tonnes(*c.activity_effect) == Approx(240.0 - 406.0748));
        }
}

TEST_CASE("store years: one year against another, split by hand", "[store][years][compare]") {
    test::TempDir dir;
    import(
        dir, "both.csv",
        "2017,energi,el,el,1000,MWh,a\n2023,energi,el,el,1500,MWh,a\n"
        "2017,energi,individuel_opvarmning,naturgas,3600,GJ,a\n2023,energi,individuel_opvarmning,naturgas,1800,GJ,a\n");
    const auto c =
        api::compare_store_years(dir.file("klima.db"), 2017, 2023, std::nullopt, test::fixture_reference(), "AR5");
    CHECK(c.version.id == 2);
    // el: E(A17,F17) = 1000 × 200 = 200 t; E(A23,F23) = 1500 × 100 = 150 t;
    // E(A23,F17) = 1500 × 200 = 300 t; E(A17,F23) = 1000 × 100 = 100 t
    // activity = ½[(300 − 200) + (150 − 100)] = 75 t; factor = ½[(100 − 200) + (150 − 300)] = −125 t
    const auto& el = find(c.changes, "energi/el");
    CHECK(el.is_subsector);
    CHECK(in_tonnes(*el.before) == Approx(200.0));
    CHECK(in_tonnes(*el.after) == Approx(150.0));
    CHECK(in_tonnes(el.change) == Approx(-50.0));
    CHECK(in_tonnes(*el.activity_effect) == Approx(75.0));
    CHECK(in_tonnes(*el.factor_effect) == Approx(-125.0));
    // naturgas: factors the same both years, so all activity: 206.0748 × (1800 − 3600)/3600 = −103.0374 t
    const auto& gas = find(c.changes, "energi/individuel_opvarmning");
    CHECK(in_tonnes(*gas.activity_effect) == Approx(-103.0374));
    CHECK(in_tonnes(*gas.factor_effect) == Approx(0.0).margin(1e-9));
    // the sector and the territorial total add up: −50 − 103.0374 = −153.0374 t
    CHECK(in_tonnes(find(c.changes, "energi").change) == Approx(-153.0374));
    const auto& total = find(c.changes, "territorial");
    CHECK(in_tonnes(total.change) == Approx(-153.0374));
    CHECK(in_tonnes(*total.activity_effect + *total.factor_effect) == Approx(-153.0374));
    CHECK(c.changes.back().key == "territorial");
    const auto text = report::render_year_comparison(c, "AR5");
    CHECK_THAT(text, Catch::Contains("version 2: 2017 → 2023") && Catch::Contains("CHP allocation: declared"));

    SECTION("a year the version does not hold is refused, naming the years it does") {
        try {
            api::compare_store_years(dir.file("klima.db"), 2017, 2019, std::nullopt, test::fixture_reference(), "AR5");
            FAIL("no error");
        } catch (const Error& e) {
            CHECK_THAT(e.problem(), Catch::Contains("no activity for 2019"));
            CHECK_THAT(e.fix(), Catch::Contains("2017, 2023"));
        }
    }
}

TEST_CASE("store years: activity imported before any factors is readable", "[store][years]") {
    test::TempDir dir;
    SECTION("through the import facade: the data directory's set is recorded as version 1") {
        import(dir, "2017.csv", "2017,energi,el,el,1000,MWh,a\n");
        const store::Store s(dir.file("klima.db"), store::Open::read_only);
        CHECK(s.version(1).kind == store::VersionKind::factors);
        CHECK(s.version(2).factors_from == 1);
        CHECK(in_tonnes(year_of(s, 2, 2017).territorial.co2e) == Approx(200.0));
    }
    SECTION("a store without any factor set is computed with the bundled set, then with a later set") {
        {
            store::Store s(dir.file("klima.db"));
            s.import_activity(test::fixture_activity(), test::provenance(fixture("activity.csv"), "activity first"));
        }
        {
            const store::Store s(dir.file("klima.db"), store::Open::read_only);
            CHECK(!s.factor_set_of(s.version(1)));
            CHECK(in_tonnes(year_of(s, 1, 2023).territorial.co2e) == Approx(100.0));  // el 1000 MWh × 100 kg
        }
        {
            store::Store s(dir.file("klima.db"));
            s.import_factors(test::revised_factors(),
                             test::provenance(fixture("store/factors_revised.csv"), "factors after"));
        }
        const store::Store s(dir.file("klima.db"), store::Open::read_only);
        // version 1 has no factors of its own: the newest set (version 2, el 2023 50 kg/MWh) → 50 t
        CHECK(s.factor_set_of(s.version(1)) == 2);
        CHECK(in_tonnes(year_of(s, 1, 2023).territorial.co2e) == Approx(50.0));
    }
}

TEST_CASE("store years: a store of schema 4 migrates with its years", "[store][years][migration]") {
    test::TempDir dir;
    const auto db = dir.file("klima.db");
    const auto y2017 = dir.write("2017.csv", std::string(kHeader) + "2017,energi,el,el,1000,MWh,a\n");
    const auto y2023 = dir.write("2023.csv", std::string(kHeader) + "2023,energi,el,el,1000,MWh,b\n");
    {
        store::Store old(db, store::Open::create, 4);  // as klima wrote it before it kept years
        old.import_factors(test::fixture_factors(),
                           test::provenance(fixture("data/factors/test_factors.csv"), "factors"));
        old.import_activity(io::load_activity(y2017, &test::fixture_reference()), test::provenance(y2017, "2017"));
        old.import_activity(io::load_activity(y2023, &test::fixture_reference()), test::provenance(y2023, "2023"));
        REQUIRE(old.schema_version() == 4);
    }
    {
        const store::Store read(db, store::Open::read_only);  // read as it is: the years come from the rows
        CHECK(read.schema_version() == 4);
        CHECK(read.years(read.version(3)).size() == 2);
        CHECK(read.version(3).allocation == ChpAllocation::declared);
    }
    store::Store s(db, store::Open::existing);
    CHECK(s.schema_version() == store::Store::kSchemaVersion);  // 5 then, 6 since the status (issue 24)
    CHECK(test::sql_count(db, "SELECT count(*) FROM activity_years") == 2);
    // before schema 5 version 3 held 2023 only; now 2017 comes from version 2: 200 t, and 2023 100 t
    CHECK(in_tonnes(year_of(s, 3, 2017).territorial.co2e) == Approx(200.0));
    CHECK(in_tonnes(year_of(s, 3, 2023).territorial.co2e) == Approx(100.0));
    CHECK(s.integrity_check() == "ok");
}

TEST_CASE("store allocation: recorded with every version, and checked", "[store][allocation]") {
    test::TempDir dir;
    const auto first = import(dir, "2017.csv", "2017,energi,el,el,1000,MWh,a\n", ChpAllocation::pct125);
    CHECK(first.allocation == ChpAllocation::pct125);
    {
        const store::Store s(dir.file("klima.db"), store::Open::read_only);
        CHECK(s.version(1).allocation == ChpAllocation::pct125);
        CHECK(s.version(2).allocation == ChpAllocation::pct125);
        CHECK_THAT(report::render_versions(s.versions(), s.path()),
                   Catch::Contains("CHP allocation: 125 — electricity and district heat both by the 125 % method"));
    }
    // another allocation: the current set is the data directory's, so it is recorded again for 200
    const auto second = import(dir, "2023.csv", "2023,energi,el,el,1000,MWh,b\n", ChpAllocation::pct200);
    CHECK(second.bundled_version == 3);
    CHECK(second.outcome.version == 4);
    CHECK(second.allocation == ChpAllocation::pct200);
    // without --allocation an import keeps the set's
    CHECK(import(dir, "2019.csv", "2019,energi,el,el,0,MWh,c\n").allocation == ChpAllocation::pct200);
    {
        store::Store s(dir.file("klima.db"));
        s.import_factors(test::revised_factors(), test::provenance(fixture("store/factors_revised.csv"), "revised"));
    }
    const auto before = test::sql_count(dir.file("klima.db"), "SELECT count(*) FROM versions");
    // a set of another file cannot be re-read for another allocation: refused, nothing written
    try {
        import(dir, "2024.csv", "2023,energi,el,el,5,MWh,d\n", ChpAllocation::energy);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::input);
        CHECK_THAT(e.problem(), Catch::Contains("was read for CHP allocation declared, not energy"));
        // engine words, no flag (docs/cli.md): the CLI names the request's member by its flag
        CHECK(e.fix() ==
              "import that factor file again for CHP allocation energy, or ask for no allocation to keep "
              "declared");
        CHECK(e.subject() == Subject::request);
        CHECK(e.where().field == "allocation");
    }
    CHECK(test::sql_count(dir.file("klima.db"), "SELECT count(*) FROM versions") == before);
}
