// Local factor overrides laid over the reference set (FactorLibrary::lay_over,
// io/factor_overrides.hpp). Fixture factors: naturgas CO2 56.95 kg/GJ, CH4 1 g/GJ, N2O 1 g/GJ
// (every subsector); trae CH4 10 g/GJ generic and 200 g/GJ in individuel_opvarmning, N2O 4 g/GJ.
#include "support.hpp"

#include "klima/inventory.hpp"
#include "klima/io/data_files.hpp"
#include "klima/io/factor_overrides.hpp"

#include <catch2/catch.hpp>

using namespace klima;

namespace {

constexpr const char* kHeader = "carrier,subsector,gas,value,unit,year_from,year_to,status,source\n";

ReferenceData with(const std::string& rows) {
    ReferenceData ref = test::fixture_reference();
    io::apply_factor_overrides(ref, io::parse_factor_overrides(std::string(kHeader) + rows, "o.csv", ref));
    return ref;
}

}  // namespace

TEST_CASE("overrides: a gas replaces that gas only; CO2e replaces every gas", "[overrides]") {
    SECTION("CO2 of naturgas in 2020: CH4 and N2O stay the reference rows") {
        const auto ref = with("naturgas,,CO2,55.52,kg/GJ,2020,2020,derived,Evida 2020\n");
        const auto in2020 = ref.factors.lookup("naturgas", "individuel_opvarmning", 2020);
        REQUIRE(in2020.size() == 3);
        CHECK(in2020[0]->gas == Gas::CO2);
        CHECK(in2020[0]->override_layer);
        CHECK(in2020[0]->source == "Evida 2020");
        CHECK_FALSE(in2020[1]->override_layer);  // CH4 as the reference
        CHECK_FALSE(in2020[2]->override_layer);  // N2O as the reference
        // 2021 is not named: all three reference rows
        for (const auto* f : ref.factors.lookup("naturgas", "individuel_opvarmning", 2021))
            CHECK_FALSE(f->override_layer);
    }
    SECTION("a CO2e declaration replaces CO2, CH4 and N2O") {
        const auto ref = with("naturgas,,,60,kg/GJ,2020,2021,official,declaration\n");
        const auto f = ref.factors.lookup("naturgas", "proces", 2021);
        REQUIRE(f.size() == 1);
        CHECK(f[0]->gas == Gas::CO2e);
        CHECK(units::display_factor_value(f[0]->value) == Approx(216.0));  // 60 kg/GJ × 3.6 GJ/MWh, shown per MWh
    }
    SECTION("a subsector override leaves the other subsectors alone") {
        const auto ref = with("trae,individuel_opvarmning,CH4,100,g/GJ,2017,2017,official,stove study\n");
        const auto stoves = ref.factors.lookup("trae", "individuel_opvarmning", 2017);
        REQUIRE(stoves.size() == 2);  // CH4 overridden, N2O the reference
        CHECK(stoves[0]->override_layer);
        CHECK_FALSE(stoves[1]->override_layer);
        for (const auto* f : ref.factors.lookup("trae", "proces", 2017)) CHECK_FALSE(f->override_layer);
    }
}

TEST_CASE("overrides: the inventory takes them, line by line", "[overrides]") {
    // naturgas 3600 GJ in 2017 (tests/fixtures/activity.csv): CO2 3600 × 56.95 = 205.02 t;
    // with a 50 kg/GJ override 180 t, CH4 and N2O unchanged → −25.02 t exactly
    ActivitySet one;
    for (const auto& r : io::load_activity(test::fixture("activity.csv"), &test::fixture_reference()))
        if (r.carrier == "naturgas") one.push_back(r);
    const auto before = compute_inventory(one, 2017, test::fixture_reference(), "AR5");
    const auto ref = with("naturgas,,CO2,50,kg/GJ,2017,2017,illustrative,what-if\n");
    const auto after = compute_inventory(one, 2017, ref, "AR5");
    CHECK(units::in_tonnes(after.territorial.co2e - before.territorial.co2e) == Approx(-25.02));
}

TEST_CASE("overrides: bad files are refused at the cell, with a fix", "[overrides]") {
    const auto& ref = test::fixture_reference();
    const auto refused = [&](const std::string& rows) -> Error {
        try {
            io::parse_factor_overrides(std::string(kHeader) + rows, "o.csv", ref);
        } catch (const Error& e) {
            return e;
        }
        FAIL("accepted: " << rows);
        throw;
    };
    const auto sub = refused("el,elx,,1,kg/MWh,2017,2017,official,x\n");
    CHECK(to_string(sub.where()) == "o.csv:2");
    CHECK(sub.where().field == "subsector");
    CHECK_THAT(sub.problem(), Catch::Contains("unknown subsector 'elx'"));
    const auto overlap = refused("el,,,1,kg/MWh,2017,2018,official,x\nel,,CO2e,2,kg/MWh,2018,2019,official,y\n");
    CHECK_THAT(overlap.problem(), Catch::Contains("overlaps"));
    CHECK(overlap.where().line == 3);
    CHECK_THAT(refused("el,,,1,kg/MWh,2017,2017,official,\n").where().field, Catch::Equals("source"));
    CHECK_THAT(refused("el,,,1,kWh,2017,2017,official,x\n").where().field, Catch::Equals("unit"));
    CHECK_THAT(refused("").problem(), Catch::Contains("no overrides"));
}
