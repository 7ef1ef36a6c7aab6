// The bundled reference data and Køge example: loadable, complete, and
// faithful to the published shares they were built to follow.
#include "klima/inventory.hpp"
#include "klima/io/data_files.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace klima;
using units::in_tonnes;

namespace {
const std::string kData = std::string(KLIMA_TEST_DIR) + "/../data";

const ReferenceData& bundled() {
    static const ReferenceData ref = io::load_reference_data(kData);
    return ref;
}
}  // namespace

TEST_CASE("bundled data: every Køge record has a factor in every year it reports", "[data]") {
    const auto records = io::load_activity(kData + "/koege/activity.csv", &bundled());
    for (int year : years_in(records)) {
        INFO("year " << year);
        CHECK_NOTHROW(compute_inventory(records, year, bundled()));
    }
    CHECK(years_in(records) == std::vector<int>{1990, 2017, 2023});
}

TEST_CASE("bundled data: GWP sets match the IPCC tables", "[data]") {
    // AR4 WG1 Table 2.14; AR5 WG1 Table 8.7; AR6 WG1 Table 7.15 / 7.SM.7
    const auto& g = bundled().gwp;
    CHECK(g.require("AR4").gwp100[static_cast<int>(Gas::CH4)] == 25);
    CHECK(g.require("AR4").gwp100[static_cast<int>(Gas::N2O)] == 298);
    CHECK(g.require("AR5").gwp100[static_cast<int>(Gas::CH4)] == 28);
    CHECK(g.require("AR5").gwp100[static_cast<int>(Gas::N2O)] == 265);
    CHECK(g.require("AR6").gwp100[static_cast<int>(Gas::CH4)] == Approx(27.9));
    CHECK(g.require("AR6").gwp100[static_cast<int>(Gas::N2O)] == 273);
}

TEST_CASE("bundled data: Køge 2017 follows the plan's shares", "[data]") {
    const auto records = io::load_activity(kData + "/koege/activity.csv", &bundled());
    const auto inv = compute_inventory(records, 2017, bundled());
    const double total = in_tonnes(inv.territorial.co2e);
    // Køge's DK2020 plan: transport about 42 % (about 238,000 t) of the 2017 territorial total
    CHECK(in_tonnes(inv.by_sector.at("transport").co2e) / total == Approx(0.42).margin(0.01));
    // heat and electricity (all stationary energy) about half
    CHECK(in_tonnes(inv.by_sector.at("energi").co2e) / total == Approx(0.50).margin(0.02));
    CHECK(inv.missing_cells() == 0);
}

TEST_CASE("bundled data: the 2023 Køge inventory says one value is missing", "[data]") {
    const auto records = io::load_activity(kData + "/koege/activity.csv", &bundled());
    CHECK(compute_inventory(records, 2023, bundled()).missing_cells() == 1);
}

TEST_CASE("bundled data: Køge 2017 cars and rail with the Danish inventory factors, by hand", "[data]") {
    const auto records = io::load_activity(kData + "/koege/activity.csv", &bundled());
    const auto inv = compute_inventory(records, 2017, bundled());  // AR5: CH4 28, N2O 265
    // personbiler CO2: petrol 1,520,000 GJ × 73 kg (NIR 2005 Table 3.26) = 110,960 t
    //                + diesel 700,000 GJ × 74 kg = 51,800 t + el 3,000 MWh × 190 kg = 570 t → 163,330 t
    //   (with the IPCC defaults 69.3 and 74.1 it was 105,336 + 51,870 + 570 = 157,776 t)
    CHECK(in_tonnes(inv.by_subsector.at("transport/personbiler").gas_co2e[static_cast<int>(Gas::CO2)]) ==
          Approx(163330.0));
    // bane: diesel 20,000 GJ × (74 kg CO2 + 2.90 g CH4 × 28 + 0.20 g N2O × 265) = 20,000 × 74.1342 kg
    //       = 1,482.684 t, + el 10,000 MWh × 190 kg = 1,900 t → 3,382.684 t
    //   (with the IPCC defaults CO2 74.1 kg, CH4 4.15 g, N2O 28.6 g it was 20,000 × (74.1 + 0.1162 + 7.579) kg
    //    = 1,635.904 t + 1,900 t = 3,535.904 t)
    CHECK(in_tonnes(inv.by_subsector.at("transport/bane").co2e) == Approx(3382.684));
}
