// The store keeps fuels in litres, cubic metres, normal cubic metres and
// tonnes with the unit as written (schema 3), and a factor's status official /
// derived / illustrative. Fixture properties (tests/fixtures/data/factors/
// fuel_properties.csv): gasolie 42.84 GJ/t and 0.85 kg/l, naturgas 39.6
// MJ/Nm3, trae 17.5 GJ/t; the hand arithmetic is that of test_fuel_units.cpp.
#include "store_support.hpp"

#include "klima/io/csv.hpp"
#include "klima/io/data_files.hpp"

#include <catch2/catch.hpp>

using namespace klima;

namespace {

const std::string kFuels =
    "year,sector,subsector,carrier,quantity,unit,source\n"
    "2017,transport,busser,gasolie,1000,l,fleet card statement\n"
    "2017,energi,individuel_opvarmning,trae,100,t,pellet sales\n"
    "2017,energi,individuel_opvarmning,naturgas,10000,Nm3,gas distributor\n";

EmissionFactor factor(const std::string& carrier, Gas gas, double kg_per_gj, FactorStatus status,
                      const std::string& source) {
    EmissionFactor f;
    f.carrier = carrier;
    f.gas = gas;
    f.value = units::kg_per_gj(kg_per_gj);
    f.year_from = 1990;
    f.year_to = 2050;
    f.set_status(status);
    f.source = source;
    f.origin = {"f.csv", 2, ""};
    return f;
}

}  // namespace

TEST_CASE("store: fuels in l, Nm3 and t round-trip with their unit and give the file's inventory", "[store][fuel]") {
    test::TempDir dir;
    const auto file = dir.write("fuels.csv", kFuels);
    const auto records = io::load_activity(file, &test::fixture_reference());
    store::Store s(dir.file("klima.db"));
    s.import_factors(test::fixture_factors(), test::provenance(test::fixture("data/factors/test_factors.csv"), "f"));
    s.import_activity(records, test::provenance(file, "fuels"));
    CHECK(test::sql_count(dir.file("klima.db"), "SELECT count(*) FROM activity WHERE unit = 'Nm3'") == 1);

    const auto back = s.activity(*s.current());
    REQUIRE(back.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(back[i].unit == records[i].unit);
        CHECK(units::kind_of(*back[i].amount) == units::kind_of(*records[i].amount));
        CHECK(units::si_value(*back[i].amount) == units::si_value(*records[i].amount));
    }
    CHECK(back[0].unit == "l");
    CHECK(back[1].unit == "t");
    CHECK(back[2].unit == "Nm3");

    // diesel 1000 l → 36.414 GJ × 74 kg/GJ = 2.694636 t; pellets 100 t → 1750 GJ: 9.8 + 1.855 = 11.655 t;
    // gas 10,000 Nm3 → 396 GJ: 22.5522 + 0.011088 + 0.10494 = 22.668228 t
    // total 2.694636 + 11.655 + 22.668228 = 37.017864 t
    const auto from_file = compute_inventory(records, 2017, test::fixture_reference());
    const auto from_store = test::stored_inventory(s, 2, 2017);
    CHECK(units::in_tonnes(from_file.territorial.co2e) == Approx(37.017864));
    CHECK(units::in_tonnes(from_store.territorial.co2e) == Approx(37.017864));
    REQUIRE(from_store.lines.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        REQUIRE(from_store.lines[i].conversion.has_value());
        CHECK(from_store.lines[i].conversion->formula() == from_file.lines[i].conversion->formula());
    }
    CHECK(from_store.lines[0].conversion->formula() == "1000 l × 0.85 kg/l × 42.84 GJ/t = 36.414 GJ");
}

TEST_CASE("store: factors keep official, derived and illustrative", "[store]") {
    test::TempDir dir;
    FactorLibrary lib;
    lib.add(factor("naturgas", Gas::CO2, 56.7, FactorStatus::official, "HB2016"));
    lib.add(factor("gasolie", Gas::CO2, 74, FactorStatus::derived, "derived: carried forward"));
    lib.add(factor("trae", Gas::CH4, 0.2, FactorStatus::illustrative, "ours"));
    const auto file = dir.write("f.csv", "stands for the library above\n");
    store::Store s(dir.file("klima.db"));
    s.import_factors(lib, test::provenance(file, "three statuses"));
    const auto back = s.factors(*s.current());
    CHECK(back.lookup("naturgas", "", 2017)[0]->status() == FactorStatus::official);
    CHECK(back.lookup("gasolie", "", 2017)[0]->status() == FactorStatus::derived);
    CHECK(back.lookup("trae", "", 2017)[0]->status() == FactorStatus::illustrative);
    CHECK(test::sql_count(dir.file("klima.db"), "SELECT count(*) FROM factors WHERE status = 'derived'") == 1);
}

TEST_CASE("store: step 3 migrates a schema-2 store: no units, derived rows found by their source", "[store]") {
    test::TempDir dir;
    const auto db = dir.file("klima.db");
    const auto file = dir.write("f.csv", "stands for the library below\n");
    {
        store::Store v2(db, store::Open::create, 2);  // as klima wrote it before volumes and statuses
        FactorLibrary lib;
        lib.add(factor("naturgas", Gas::CO2, 56.7, FactorStatus::official, "HB2016"));
        lib.add(factor("gasolie", Gas::CO2, 74, FactorStatus::derived, "derived: carried forward"));
        lib.add(factor("trae", Gas::CH4, 0.2, FactorStatus::illustrative, "ours"));
        v2.import_factors(lib, test::provenance(file, "before step 3"));
        v2.import_activity(test::fixture_activity(), test::provenance(test::fixture("activity.csv"), "a"));
        // schema 2 has no room for a volume: refused before anything is written
        const auto fuels = io::load_activity(dir.write("fuels.csv", kFuels), &test::fixture_reference());
        CHECK_THROWS_WITH(
            v2.import_activity(fuels, test::provenance(dir.file("fuels.csv"), "fuels")),
            Catch::Contains("store schema 2 cannot keep volumes") && Catch::Contains("migrated to schema 3"));
        CHECK(v2.versions().size() == 2);
    }
    // read-only, the old schema is read as it is, statuses as step 3 would convert them
    {
        const store::Store ro(db, store::Open::read_only);
        CHECK(ro.schema_version() == 2);
        CHECK(ro.factors(ro.version(1)).lookup("gasolie", "", 2017)[0]->status() == FactorStatus::derived);
    }
    store::Store s(db, store::Open::create, 3);  // step 3 only (step 4 is tests/test_scenario_versions.cpp)
    CHECK(s.schema_version() == 3);
    const auto lib = s.factors(s.version(1));
    CHECK(lib.lookup("naturgas", "", 2017)[0]->status() == FactorStatus::official);
    CHECK(lib.lookup("gasolie", "", 2017)[0]->status() == FactorStatus::derived);
    CHECK(lib.lookup("trae", "", 2017)[0]->status() == FactorStatus::illustrative);
    const auto activity = s.activity(s.version(2));
    CHECK(activity.size() == 11);
    CHECK(activity[0].unit.empty());  // not known for rows stored before step 3
    CHECK(test::sql_count(db, "SELECT count(*) FROM sqlite_master WHERE name LIKE '%_v3'") == 0);
}
