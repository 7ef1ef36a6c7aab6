// IntensitySeries, the run's intensities over its years: every coefficient bit for bit the
// per-year sum of IntensityTable::terms (what a fresh table of each year computed before), the
// same error where no factor covers a year, and the spans of years it keeps a coefficient for
// ending where a factor row or a fuel property does.
#include "support.hpp"

#include "klima/horizon.hpp"
#include "klima/intensity.hpp"
#include "klima/io/data_files.hpp"
#include "klima/io/factor_overrides.hpp"

#include <catch2/catch.hpp>

#include <bit>
#include <cstdint>
#include <limits>
#include <set>
#include <tuple>

using namespace klima;

namespace {

const std::string kData = std::string(KLIMA_TEST_DIR) + "/../data";

// The straightforward answer: a fresh table of `year`, the terms summed in order, times the amount.
// "error: ..." with where, what and fix when it throws.
std::string straightforward(const ReferenceData& ref, const GwpSet& gwp, const ActivityRecord& r, int year) {
    try {
        units::Mass per_unit{};
        for (const auto& t : IntensityTable(ref, gwp, year).terms(r)) per_unit += units::kilograms(t.kg_per_si);
        const double kg = units::si_value(*r.amount) * units::in_kg(per_unit);
        return std::to_string(std::bit_cast<std::uint64_t>(kg));
    } catch (const Error& e) {
        return "error: " + to_string(e.where()) + " | " + e.problem() + " | " + e.fix();
    }
}

std::string from_series(IntensitySeries& series, const ActivityRecord& r, int year) {
    try {
        const double kg = units::in_kg(series.co2e(series.intern(r), r, year));
        return std::to_string(std::bit_cast<std::uint64_t>(kg));
    } catch (const Error& e) {
        return "error: " + to_string(e.where()) + " | " + e.problem() + " | " + e.fix();
    }
}

// One record of `amount` of `carrier` in sector/subsector, written in `unit`.
ActivityRecord record(const char* sector, const char* subsector, const char* carrier, const char* unit,
                      units::Amount amount) {
    return {.sector = sector,
            .subsector = subsector,
            .carrier = carrier,
            .amount = amount,
            .unit = unit,
            .source = "test",
            .origin = {},
            .uncertainty = std::nullopt};
}

// Every record of `activity` (its own unit and amount), and when `grid` one unit of energy,
// volume and mass of every carrier in every subsector (no unit written): the keys a plan of
// this data can ask for, and more.
std::vector<ActivityRecord> keys_of(const ReferenceData& ref, const ActivitySet& activity, bool grid) {
    std::vector<ActivityRecord> out;
    std::set<std::tuple<std::string, std::string, std::string, int>> seen;
    for (const auto& r : activity)
        if (r.amount &&
            seen.emplace(r.subsector, r.carrier, r.unit, static_cast<int>(units::kind_of(*r.amount))).second)
            out.push_back(r);
    if (!grid) return out;
    for (const auto& sub : ref.taxonomy.subsectors())
        for (const auto& c : ref.carriers.all())
            for (auto kind : {units::AmountKind::energy, units::AmountKind::volume, units::AmountKind::mass}) {
                auto r = record(sub.sector.c_str(), sub.code.c_str(), c.code.c_str(), "", units::amount_of(kind, 1.0));
                r.origin = {"probe", 1, ""};
                out.push_back(r);
            }
    return out;
}

// Years 1988–2052 (the horizon and two years either side, where no factor covers) asked
// upwards, downwards and jumping about, each order with one series for all of them.
void check_every_year(const ReferenceData& ref, const GwpSet& gwp, const std::vector<ActivityRecord>& keys) {
    std::vector<int> up, down, jumping;
    for (int y = 1988; y <= 2052; ++y) up.push_back(y);
    down.assign(up.rbegin(), up.rend());
    for (std::size_t i = 0; i < up.size(); ++i) jumping.push_back(up[(i * 37) % up.size()]);  // 65 and 37 coprime
    std::size_t errors = 0;
    for (const auto* order : {&up, &down, &jumping}) {
        IntensitySeries series(ref, gwp);
        for (int year : *order)
            for (auto r : keys) {
                r.year = year;
                const auto expected = straightforward(ref, gwp, r, year);
                errors += expected.rfind("error: ", 0) == 0;
                const auto got = from_series(series, r, year);
                if (got != expected) {
                    INFO(r.sector << "/" << r.subsector << " " << r.carrier << " [" << r.unit << "] " << year);
                    CHECK(got == expected);
                }
            }
    }
    CHECK(errors > 0);  // the years outside the factors were asked, and failed alike
}

}  // namespace

TEST_CASE("intensities over the years are bit for bit a fresh table's of each year: Køge's data", "[intensity]") {
    const auto ref = io::load_reference_data(kData);
    const auto activity = io::load_activity(kData + "/koege/activity.csv", &ref);
    check_every_year(ref, ref.gwp.require("AR5"), keys_of(ref, activity, true));
    // another GWP set, another CHP allocation, and Evida's yearly natural-gas factors laid over
    check_every_year(ref, ref.gwp.require("AR6"), keys_of(ref, activity, false));
    const auto pct200 = io::load_reference_data(kData, ChpAllocation::pct200);
    check_every_year(pct200, pct200.gwp.require("AR5"), keys_of(pct200, activity, false));
    auto evida = ref;
    io::apply_factor_overrides(evida, io::load_factor_overrides(kData + "/overrides/evida-naturgas.csv", ref));
    check_every_year(evida, evida.gwp.require("AR5"), keys_of(evida, activity, false));
}

TEST_CASE("intensities over the years are bit for bit a fresh table's of each year: the fixtures", "[intensity]") {
    const auto& ref = test::fixture_reference();
    check_every_year(ref, ref.gwp.require("AR5"),
                     keys_of(ref, io::load_activity(test::fixture("activity.csv"), &ref), true));
    const auto scenario = io::load_reference_data(test::fixture("scenario/data"));
    check_every_year(scenario, scenario.gwp.require("AR5"),
                     keys_of(scenario, io::load_activity(test::fixture("scenario/activity.csv"), &scenario), true));
}

TEST_CASE("a year no factor covers throws the table's error, though the year before was kept", "[intensity]") {
    // The fixture's el rows: 200 kg CO2e/MWh for 2017 only, 100 for 2023 only.
    const auto& ref = test::fixture_reference();
    IntensitySeries series(ref, ref.gwp.require("AR5"));
    auto r = record("energi", "el", "el", "", units::megawatt_hours(2.0));
    r.origin = {"plan.json", 0, "/measures/3"};
    const auto key = series.intern(r);
    CHECK(units::in_kg(series.co2e(key, r, 2017)) == Approx(400.0));  // 2 MWh × 200 kg/MWh
    for (int twice = 0; twice < 2; ++twice) {                         // not kept after a failure either
        try {
            series.co2e(key, r, 2018);
            FAIL("2018 has no el factor");
        } catch (const Error& e) {
            CHECK(e.where().file == "plan.json");
            CHECK(e.where().field == "/measures/3");
            CHECK(e.problem() == "no emission factor for carrier 'el' in el for 2018");
            CHECK(e.fix() == "add a row for el covering 2018 to data/factors/");
        }
    }
    CHECK(units::in_kg(series.co2e(key, r, 2023)) == Approx(200.0));  // 2 MWh × 100 kg/MWh
    CHECK(units::in_kg(series.co2e(key, r, 2017)) == Approx(400.0));
}

TEST_CASE("a heating value that changes within a factor row's years changes the coefficient that year", "[intensity]") {
    // gasolie: CO2 74 kg/GJ 1990–2050 (fixture); density 0.85 kg/l throughout; heating value
    // 42.84 GJ/t to 2019, 43 GJ/t from 2020.
    auto ref = test::fixture_reference();
    ref.fuel_properties = FuelProperties{};
    const auto property = [&](FuelBasis basis, auto value, double written, const char* unit, int from, int to) {
        FuelProperty p;
        p.carrier = "gasolie";
        p.basis = basis;
        p.value = value;
        p.written = written;
        p.unit = unit;
        p.year_from = from;
        p.year_to = to;
        ref.fuel_properties.add(p);
    };
    property(FuelBasis::density, units::kg_per_litre(0.85), 0.85, "kg/l", 1990, 2050);
    property(FuelBasis::heating_value_per_mass, units::gj_per_tonne(42.84), 42.84, "GJ/t", 1990, 2019);
    property(FuelBasis::heating_value_per_mass, units::gj_per_tonne(43.0), 43.0, "GJ/t", 2020, 2050);
    const auto [first, last] = ref.fuel_properties.same_rows("gasolie", 2023);
    CHECK(first == 2020);
    CHECK(last == 2050);
    CHECK(ref.factors.same_rows("gasolie", "busser", 2023) == std::pair{1990, 2050});

    IntensitySeries series(ref, ref.gwp.require("AR5"));
    const auto r = record("transport", "busser", "gasolie", "l", units::litres(1000.0));
    const auto key = series.intern(r);
    // 1000 l × 0.85 kg/l = 0.85 t; × 42.84 GJ/t = 36.414 GJ; × 74 kg/GJ = 2694.636 kg
    CHECK(units::in_kg(series.co2e(key, r, 2019)) == Approx(2694.636));
    // 0.85 t × 43 GJ/t = 36.55 GJ; × 74 kg/GJ = 2704.7 kg
    CHECK(units::in_kg(series.co2e(key, r, 2020)) == Approx(2704.7));
    CHECK(units::in_kg(series.co2e(key, r, 2050)) == Approx(2704.7));
    CHECK(units::in_kg(series.co2e(key, r, 1990)) == Approx(2694.636));
}

TEST_CASE("one coefficient by hand from data/factors: natural gas in Nm3 for individual heating, 2023", "[intensity]") {
    // data/factors/fuels.csv for naturgas in individuel_opvarmning, 2023: CO2 56.7 kg/GJ (2019–2050),
    // CH4 5 g/GJ and N2O 0.1 g/GJ (1990–2050); data/gwp.csv AR5: CH4 28, N2O 265.
    //   56.7 + 0.005 × 28 + 0.0001 × 265 = 56.7 + 0.14 + 0.0265 = 56.8665 kg CO2e/GJ
    // data/factors/fuel_properties.csv: 11.00 kWh/Nm3 = 0.0396 GJ/Nm3, so 1000 Nm3 = 39.6 GJ
    //   39.6 GJ × 56.8665 kg/GJ = 2251.9134 kg
    const auto ref = io::load_reference_data(kData);
    IntensitySeries series(ref, ref.gwp.require("AR5"));
    const auto r = record("energi", "individuel_opvarmning", "naturgas", "Nm3", units::cubic_metres(1000.0));
    CHECK(units::in_kg(series.co2e(series.intern(r), r, 2023)) == Approx(2251.9134).epsilon(1e-12));
    // The rows apply 2019–2050 (CO2's row from 2019; the properties' Nm3 row from 2019 too).
    CHECK(ref.factors.same_rows("naturgas", "individuel_opvarmning", 2023) == std::pair{2019, 2050});
    CHECK(ref.factors.same_rows("naturgas", "individuel_opvarmning", 2017) == std::pair{2016, 2018});
    CHECK(ref.fuel_properties.same_rows("naturgas", 2023) == std::pair{2019, 2050});
    // No row of a carrier the library does not know: every year alike.
    CHECK(ref.factors.same_rows("nothing", "el", 2023) ==
          std::pair{std::numeric_limits<int>::min(), std::numeric_limits<int>::max()});
}

TEST_CASE("energy_intensity is the series' coefficient for one MWh, bit for bit", "[intensity]") {
    const auto ref = io::load_reference_data(kData);
    IntensitySeries series(ref, ref.gwp.require("AR5"));
    for (const char* carrier : {"el", "fjernvarme"})
        for (int year = kFirstYear; year <= kLastYear; ++year) {
            const auto r = record("energi", carrier, carrier, "", units::megawatt_hours(1.0));
            const auto expected = series.co2e(series.intern(r), r, year) / units::megawatt_hours(1.0);
            INFO(carrier << " " << year);
            CHECK(std::bit_cast<std::uint64_t>(energy_intensity(ref, "AR5", carrier, carrier, year).value()) ==
                  std::bit_cast<std::uint64_t>(expected.value()));
        }
}
