// The Danish factor series (issue 10): factor status official/derived/illustrative,
// and every carrier × subsector the bundled activity uses has a factor in every
// year 1990–2024, for every gas the carrier needs.
#include "support.hpp"

#include "klima/inventory.hpp"
#include "klima/io/data_files.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

using namespace klima;

namespace {
const std::string kData = std::string(KLIMA_TEST_DIR) + "/../data";

// Biomass CO2 is biogenic and has no CO2 row (docs/sources.md, general conventions).
bool biogenic(const std::string& carrier) { return carrier == "trae" || carrier == "halm" || carrier == "biogas"; }

// The gases a carrier × subsector must have a factor for in every year:
// fuels CH4 and N2O, and CO2 unless biogenic; electricity and district heat CO2;
// non-energy activities every gas that has a row for them in any year of the range.
std::set<Gas> needed_gases(const ReferenceData& ref, const std::string& carrier, const std::string& subsector,
                           int first, int last) {
    const auto* c = ref.carriers.find(carrier);
    if (c && c->kind == CarrierKind::fuel) {
        std::set<Gas> g{Gas::CH4, Gas::N2O};
        if (!biogenic(carrier)) g.insert(Gas::CO2);
        return g;
    }
    if (c && (c->kind == CarrierKind::electricity || c->kind == CarrierKind::district_heat)) return {Gas::CO2};
    std::set<Gas> g;
    for (int y = first; y <= last; ++y)
        for (const auto* f : ref.factors.lookup(carrier, subsector, y)) g.insert(f->gas);
    return g;
}

// Every (carrier/subsector year gas) that has no factor, as text.
std::vector<std::string> coverage_gaps(const ReferenceData& ref, const ActivitySet& records, int first, int last) {
    std::set<std::pair<std::string, std::string>> used;
    for (const auto& r : records) used.insert({r.carrier, r.subsector});
    std::vector<std::string> gaps;
    for (const auto& [carrier, subsector] : used) {
        const auto gases = needed_gases(ref, carrier, subsector, first, last);
        if (gases.empty()) gaps.push_back(carrier + "/" + subsector + " has no factor in any year");
        for (int y = first; y <= last; ++y) {
            const auto found = ref.factors.lookup(carrier, subsector, y);
            for (Gas g : gases)
                if (std::none_of(found.begin(), found.end(), [g](const auto* f) { return f->gas == g; }))
                    gaps.push_back(carrier + "/" + subsector + " " + std::to_string(y) + " " +
                                   std::string(to_string(g)));
        }
    }
    return gaps;
}

ActivitySet bundled_records(const ReferenceData& ref) {
    auto records = io::load_activity(kData + "/koege/activity.csv", &ref);
    const auto ballerup = io::load_activity(kData + "/ballerup/activity.csv", &ref);
    records.insert(records.end(), ballerup.begin(), ballerup.end());
    return records;
}
}  // namespace

TEST_CASE("coverage: every carrier × subsector of the bundled activity has every gas in 1990–2024",
          "[data][coverage]") {
    for (auto allocation : kAllChpAllocations) {  // every CHP allocation set is complete
        INFO("allocation " << to_string(allocation));
        const auto ref = io::load_reference_data(kData, allocation);
        const auto gaps = coverage_gaps(ref, bundled_records(ref), 1990, 2024);
        INFO("first gaps: " << (gaps.empty() ? "" : gaps.front()) << (gaps.size() > 1 ? ", " + gaps[1] : ""));
        CHECK(gaps.empty());
    }
    const auto ref = io::load_reference_data(kData);
    const auto records = bundled_records(ref);
    // The bundled files use 23 carriers in 36 carrier × subsector pairs (all in Køge's file;
    // Ballerup adds none): counting them guards against the check silently seeing nothing.
    std::set<std::pair<std::string, std::string>> used;
    for (const auto& r : records) used.insert({r.carrier, r.subsector});
    CHECK(used.size() == 36);
}

TEST_CASE("coverage: the check finds a missing year and a missing gas", "[coverage]") {
    // A library with el CO2 for 1990–2000 only and naturgas without N2O.
    ReferenceData ref = io::load_reference_data(kData);
    ReferenceData small;
    small.carriers = ref.carriers;
    auto row = [](std::string carrier, Gas g, double v, std::string unit, int from, int to) {
        EmissionFactor f;
        f.carrier = std::move(carrier);
        f.gas = g;
        f.value = units::make_factor(v, unit);
        f.year_from = from;
        f.year_to = to;
        f.source = "test";
        return f;
    };
    small.factors.add(row("el", Gas::CO2, 100, "g/kWh", 1990, 2000));
    small.factors.add(row("naturgas", Gas::CO2, 56.1, "kg/GJ", 1990, 2050));
    small.factors.add(row("naturgas", Gas::CH4, 5, "g/GJ", 1990, 2050));
    ActivitySet records(2);
    records[0].carrier = "el";
    records[0].subsector = "el";
    records[1].carrier = "naturgas";
    records[1].subsector = "individuel_opvarmning";
    const auto gaps = coverage_gaps(small, records, 1990, 2024);
    // el: 2001–2024 = 24 years without CO2; naturgas: 35 years without N2O → 59 gaps
    CHECK(gaps.size() == 24 + 35);
    CHECK(std::find(gaps.begin(), gaps.end(), "el/el 2001 CO2") != gaps.end());
    CHECK(std::find(gaps.begin(), gaps.end(), "naturgas/individuel_opvarmning 2024 N2O") != gaps.end());
}

TEST_CASE("factor status: official, derived and illustrative are read, anything else names the fix",
          "[factors][errors]") {
    test::TempDir dir;
    const std::string head = "carrier,subsector,gas,value,unit,year_from,year_to,status,source\n";
    const auto p = dir.write("f.csv", head +
                                          "el,,CO2,100,g/kWh,2000,2000,official,a\n"
                                          "el,,CO2,110,g/kWh,2001,2001,derived,b\n"
                                          "el,,CO2,120,g/kWh,2002,2002,illustrative,c\n");
    FactorLibrary lib;
    io::load_factors(p, lib);
    const auto a = lib.lookup("el", "", 2000), b = lib.lookup("el", "", 2001), c = lib.lookup("el", "", 2002);
    REQUIRE((a.size() == 1 && b.size() == 1 && c.size() == 1));
    CHECK((!a[0]->derived && !a[0]->illustrative));
    CHECK((b[0]->derived && !b[0]->illustrative));
    CHECK((!c[0]->derived && c[0]->illustrative));

    const auto bad = dir.write("g.csv", head + "el,,CO2,100,g/kWh,2000,2000,interpolated,a\n");
    FactorLibrary lib2;
    CHECK_THROWS_WITH(
        io::load_factors(bad, lib2),
        Catch::Contains("g.csv:2") && Catch::Contains("'interpolated' is not official, derived or illustrative"));
}

TEST_CASE("allocation: a row belongs to the sets its allocation cell names; an empty cell to all",
          "[factors][allocation]") {
    test::TempDir dir;
    const auto p = dir.write("f.csv",
                             "carrier,subsector,gas,value,unit,year_from,year_to,status,allocation,source\n"
                             "el,,CO2,190,g/kWh,2017,2017,official,125 declared,a\n"
                             "el,,CO2,226,g/kWh,2017,2017,derived,200,b\n"
                             "el,,CO2,152,g/kWh,2017,2017,illustrative,energy,c\n"
                             "naturgas,,CO2,56.7,kg/GJ,2017,2017,official,,d\n");
    const std::vector<std::pair<ChpAllocation, double>> expect{{ChpAllocation::declared, 190},
                                                               {ChpAllocation::pct125, 190},
                                                               {ChpAllocation::pct200, 226},
                                                               {ChpAllocation::energy, 152}};
    for (const auto& [allocation, g_per_kwh] : expect) {
        INFO(to_string(allocation));
        FactorLibrary lib;
        io::load_factors(p, lib, allocation);
        CHECK(lib.size() == 2);  // one el row and the untagged natural-gas row
        const auto el = lib.lookup("el", "", 2017);
        REQUIRE(el.size() == 1);
        // g/kWh = kg/MWh
        CHECK(units::display_factor_value(el[0]->value) == Approx(g_per_kwh));
        CHECK_THAT(el[0]->source, Catch::EndsWith("[CHP allocation: " + std::string(describe(allocation)) + "]"));
        CHECK(lib.lookup("naturgas", "", 2017)[0]->source == "d");
    }
    const auto bad = dir.write("g.csv",
                               "carrier,subsector,gas,value,unit,year_from,year_to,status,allocation,source\n"
                               "el,,CO2,190,g/kWh,2017,2017,official,125 decl,a\n");
    FactorLibrary lib;
    CHECK_THROWS_WITH(io::load_factors(bad, lib), Catch::Contains("g.csv:2") && Catch::Contains("'decl'") &&
                                                      Catch::Contains("use declared, 125, 200 or energy"));
}

TEST_CASE("allocation: Køge 2017 electricity and district heat under each set, by hand", "[data][allocation]") {
    const auto check = [](ChpAllocation allocation, double el_t, double dh_t) {
        INFO(to_string(allocation));
        const auto ref = io::load_reference_data(kData, allocation);
        CHECK(ref.allocation == allocation);
        const auto records = io::load_activity(kData + "/koege/activity.csv", &ref);
        const auto inv = compute_inventory(records, 2017, ref);
        CHECK(units::in_tonnes(inv.by_subsector.at("energi/el").co2e) == Approx(el_t));
        CHECK(units::in_tonnes(inv.by_subsector.at("energi/fjernvarme").co2e) == Approx(dh_t));
    };
    // el 430,000 MWh; district heat 330,000 MWh (data/koege/activity.csv, 2017); g/kWh = kg/MWh
    // declared: el 190 (Energinet 125 %) → 81,700 t; heat 65 (HB2016, 200 %) → 21,450 t
    check(ChpAllocation::declared, 430000 * 0.190, 330000 * 0.065);
    // 125: el 190 → 81,700 t; heat 65 × 1.40 = 91 → 30,030 t
    check(ChpAllocation::pct125, 430000 * 0.190, 330000 * 0.091);
    // 200: el 190 × 1.19 = 226.1 → 226 → 97,180 t; heat 65 → 21,450 t
    check(ChpAllocation::pct200, 430000 * 0.226, 330000 * 0.065);
    // energy: el 190 × 0.80 = 152 → 65,360 t; heat 65 × 1.81 = 117.65 → 118 → 38,940 t
    check(ChpAllocation::energy, 430000 * 0.152, 330000 * 0.118);
}
