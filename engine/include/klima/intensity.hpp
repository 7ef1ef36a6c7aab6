// Per-year CO2e intensities: for each subsector and carrier of one year, the
// kg CO2e of one unit of activity (all gases × GWP), looked up once. It gives
// the same numbers as compute_inventory for a whole activity set much faster,
// which the Shapley attribution of scenarios needs (bench/bench_scenario.cpp).
#pragma once

#include "klima/activity.hpp"
#include "klima/reference_data.hpp"

#include <array>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

namespace klima {

class IntensityTable {
public:
    IntensityTable(const ReferenceData& ref, const GwpSet& gwp, int year);

    // CO2e of one record (zero when its amount is missing). A volume or mass
    // of fuel meets a factor per energy through the fuel's heating value (and
    // density) of the table's year, as in compute_inventory
    // (ReferenceData::amount_for); the unit as written (r.unit) tells a normal
    // cubic metre from a cubic metre, and an empty one takes the first
    // property that fits. Throws klima::Error at the record's origin when no
    // factor covers it, or the factor's unit does not fit the amount and no
    // property converts it.
    units::Mass co2e(const ActivityRecord& r);

    // One looked-up factor row's part of the coefficient co2e uses: kg CO2e
    // per SI unit of the record's kind from that row alone (gwp × converted
    // amount × value, linear in the row's value).
    struct Term {
        const EmissionFactor* factor = nullptr;
        double kg_per_si = 0.0;
    };
    // The terms of record `r` (its amount set) in the order co2e sums them:
    // their sum is co2e(r) / amount. Not cached; throws as co2e does.
    std::vector<Term> terms(const ActivityRecord& r) const;

    int year() const { return year_; }

private:
    std::vector<Term> terms_of(const ActivityRecord& r, units::AmountKind kind) const;
    static constexpr std::size_t kKinds = std::variant_size_v<units::Amount>;
    struct Entry {
        std::array<double, kKinds> kg_per_si{};  // by AmountKind: kg CO2e per J, m, kg, m², count, m³
        std::array<bool, kKinds> known{};
    };
    double coefficient(const ActivityRecord& r, units::AmountKind kind);

    const ReferenceData* ref_;
    const GwpSet* gwp_;
    int year_;
    std::unordered_map<std::string, Entry> cache_;
    std::string key_;  // reused lookup buffer
};

// The CO2e intensity of an energy carrier in a year (e.g. el, fjernvarme) in
// kg CO2e per unit of energy; throws when no factor covers the year.
units::MassPerEnergy energy_intensity(const ReferenceData& ref, const std::string& gwp_set, const std::string& carrier,
                                      const std::string& subsector, int year);

}  // namespace klima
