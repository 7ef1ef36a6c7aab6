// CO2e intensities: for each subsector and carrier, the kg CO2e of one unit of
// activity (all gases × GWP) in a year. IntensitySeries serves one run over many
// years, IntensityTable one year. They give the same numbers as compute_inventory
// for a whole activity set much faster, which the projection and the Shapley
// attribution of scenarios need (bench/bench_scenario.cpp). Knows nothing of
// scenarios or file formats.
#pragma once

#include "klima/activity.hpp"
#include "klima/reference_data.hpp"

#include <array>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

namespace klima {

// The intensities of one run over its years: a key (subsector, carrier, unit as
// written) is interned once, and its coefficient is computed once for every span
// of years in which the same factor rows (FactorLibrary::same_rows) and the same
// fuel properties (FuelProperties::same_rows) apply, so the per-year work of a
// projection is an index and a comparison. The numbers are those of a fresh
// IntensityTable of each year, bit for bit, and so are the errors: a year that no
// factor covers throws at the record asked, every time it is asked.
// Holds pointers to `ref` and `gwp`, which must outlive it and stay unchanged; not
// thread-safe (one a run).
class IntensitySeries {
public:
    IntensitySeries(const ReferenceData& ref, const GwpSet& gwp);

    // The key of record `r`'s subsector, carrier and unit as written (its sector,
    // year and amount aside); the same key for the same three.
    std::size_t intern(const ActivityRecord& r);

    // CO2e of record `r` in `year` (zero when its amount is missing), `key` being
    // intern(r) of this series: as IntensityTable(ref, gwp, year).co2e(r), and
    // throws as it does.
    units::Mass co2e(std::size_t key, const ActivityRecord& r, int year);

private:
    static constexpr std::size_t kKinds = std::variant_size_v<units::Amount>;
    // One key's coefficient for one kind of amount, valid in the years first..last.
    struct Span {
        double kg_per_si = 0.0;
        int first = 1, last = 0;  // empty until computed
    };
    using Spans = std::array<Span, kKinds>;  // by AmountKind

    const ReferenceData* ref_;
    const GwpSet* gwp_;
    std::unordered_map<std::string, std::size_t> keys_;
    std::vector<Spans> spans_;  // by key
    std::string key_;           // reused lookup buffer
};

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
    const ReferenceData* ref_;
    const GwpSet* gwp_;
    int year_;
    IntensitySeries series_;
};

// The CO2e intensity of an energy carrier in a year (e.g. el, fjernvarme) in
// kg CO2e per unit of energy; throws when no factor covers the year.
units::MassPerEnergy energy_intensity(const ReferenceData& ref, const std::string& gwp_set, const std::string& carrier,
                                      const std::string& subsector, int year);

}  // namespace klima
