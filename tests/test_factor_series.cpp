// The Danish factor series (issue 10): factor status official/derived/illustrative,
// and every carrier × subsector the bundled activity uses has a factor in every
// year 1990–2024, for every gas the carrier needs.
#include "support.hpp"

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

TEST_CASE("coverage: every carrier × subsector of the bundled activity has every gas in 1990–2024", "[data][coverage]") {
    const auto ref = io::load_reference_data(kData);
    const auto records = bundled_records(ref);
    const auto gaps = coverage_gaps(ref, records, 1990, 2024);
    INFO("first gaps: " << (gaps.empty() ? "" : gaps.front()) << (gaps.size() > 1 ? ", " + gaps[1] : ""));
    CHECK(gaps.empty());
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

TEST_CASE("factor status: official, derived and illustrative are read, anything else names the fix", "[factors][errors]") {
    test::TempDir dir;
    const std::string head = "carrier,subsector,gas,value,unit,year_from,year_to,status,source\n";
    const auto p = dir.write("f.csv", head + "el,,CO2,100,g/kWh,2000,2000,official,a\n"
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
    CHECK_THROWS_WITH(io::load_factors(bad, lib2), Catch::Contains("g.csv:2") &&
                                                       Catch::Contains("'interpolated' is not official, derived or illustrative"));
}
