#include "klima/scenario.hpp"

#include "klima/intensity.hpp"

#include <algorithm>
#include <bit>
#include <numeric>
#include <unordered_map>

namespace klima {

namespace {

// Carriers and factors the measures define themselves (climate-friendly
// construction, new forest), added to a copy of the reference data.
void add_own_factors(const ScenarioSpec& spec, ReferenceData& ref) {
    for (const auto& m : spec.measures) {
        const auto carrier = own_carrier(m.params, m.id);
        if (carrier.empty()) continue;
        EmissionFactor f;
        f.carrier = carrier;
        f.year_from = 1990;
        f.year_to = 2050;
        f.illustrative = true;
        f.source = "scenario measure " + m.id + (m.source.empty() ? "" : ": " + m.source);
        f.origin = m.origin;
        Carrier c{carrier, m.name, m.name, CarrierKind::non_energy, f.source};
        if (const auto* cc = std::get_if<ClimateConstruction>(&m.params)) {
            f.subsector = "nybyggeri";
            f.gas = Gas::CO2e;
            f.value = cc->kg_co2e_per_m2;
        } else if (const auto* af = std::get_if<Afforestation>(&m.params)) {
            f.subsector = "skov";
            f.gas = Gas::CO2;
            f.value = units::MassPerArea(-af->uptake_per_year);
        }
        ref.carriers.add(std::move(c));
        ref.factors.add(std::move(f));
    }
}

class RowIndex {
public:
    explicit RowIndex(const Taxonomy& t) {
        for (const auto& s : t.subsectors()) {
            index_[s.sector + "/" + s.code] = keys_.size();
            keys_.push_back(s.sector + "/" + s.code);
        }
    }
    const std::vector<std::string>& keys() const { return keys_; }
    std::size_t at(const ActivityRecord& r) {
        buf_.assign(r.sector);
        buf_.push_back('/');
        buf_.append(r.subsector);
        return index_.at(buf_);  // records are validated against the taxonomy first
    }

private:
    std::vector<std::string> keys_;
    std::unordered_map<std::string, std::size_t> index_;
    std::string buf_;
};

// Shapley weight of a coalition of size s among m players: s!(m−s−1)!/m!.
std::vector<double> shapley_weights(std::size_t m) {
    std::vector<double> w(m == 0 ? 0 : m);
    for (std::size_t s = 0; s < m; ++s) {
        double v = 1.0 / static_cast<double>(m);
        // 1 / (m · C(m−1, s))
        for (std::size_t k = 1; k <= s; ++k) v *= static_cast<double>(k) / static_cast<double>(m - k);
        w[s] = v;
    }
    return w;
}

}  // namespace

ScenarioResult run_scenario(const ScenarioSpec& spec, const ActivitySet& activity, const Drivers& drivers,
                            const ReferenceData& base_ref) {
    const std::size_t n = spec.measures.size();
    if (n > kMaxShapleyMeasures)
        throw Error({spec.file, 0, "/measures"},
                    std::to_string(n) + " measures; exact Shapley attribution is limited to " +
                        std::to_string(kMaxShapleyMeasures) + " (2^n coalitions a year)",
                    "merge related measures into one, or split the scenario in two files");
    if (spec.end_year <= spec.base_year)
        throw Error({spec.file, 0, "/base_year"}, "the base year must lie before " + std::to_string(spec.end_year),
                    "choose the inventory year the projection starts from");
    if (!drivers.covers(spec.base_year, spec.end_year))
        throw Error({spec.drivers_file, 0, "year"},
                    "the drivers must cover every year " + std::to_string(spec.base_year) + "–" +
                        std::to_string(spec.end_year),
                    "add the missing years to the drivers file");

    ReferenceData ref = base_ref;
    add_own_factors(spec, ref);
    const GwpSet& gwp = ref.gwp.require(spec.gwp_set);
    RowIndex rows(ref.taxonomy);

    bool has_base = false;
    int base_missing = 0;
    for (const auto& r : activity)
        if (r.year == spec.base_year) {
            ref.validate(r);
            has_base = true;
            base_missing += !r.amount;
        }
    if (!has_base)
        throw Error({spec.activity_file, 0, "year"}, "no activity records for the base year " + std::to_string(spec.base_year),
                    "set base_year to a year the activity file holds");

    // Measures are applied in a canonical order (stage, then id), never in the
    // order the file lists them.
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const int sa = measure_stage(spec.measures[a].params), sb = measure_stage(spec.measures[b].params);
        return sa != sb ? sa < sb : spec.measures[a].id < spec.measures[b].id;
    });

    ScenarioResult out;
    out.name = spec.name;
    out.municipality = spec.municipality;
    out.base_year = spec.base_year;
    out.base_year_missing = base_missing;
    out.gwp_set = gwp.name;
    out.bau = Trajectory(rows.keys(), spec.base_year, spec.end_year);
    out.scenario = out.bau;
    for (const auto& m : spec.measures) {
        MeasureResult mr;
        mr.id = m.id;
        mr.type = m.type;
        mr.name = m.name;
        mr.owner = m.owner;
        mr.start_year = m.start_year;
        mr.full_effect_year = m.full_effect_year;
        mr.effect = out.bau;
        mr.cost = m.cost;
        out.measures.push_back(std::move(mr));
    }

    const auto nrows = static_cast<Eigen::Index>(rows.keys().size());
    for (int year = spec.base_year; year <= spec.end_year; ++year) {
        ActivitySet bau = project_activity(activity, spec.base_year, year, drivers, spec.driver_mapping);
        // The coalitions copy this set 2^m times; sources are not needed for
        // emissions (origins are kept for errors), so do not copy them.
        for (auto& r : bau) r.source.clear();
        IntensityTable intensity(ref, gwp, year);

        // Players of this year: measures with a non-zero phase-in, in canonical
        // order. A measure not yet started is a null player; its share is 0.
        std::vector<std::size_t> active;
        std::vector<units::Ratio> phase(n);
        for (std::size_t k : order) {
            const auto& m = spec.measures[k];
            phase[k] = phase_in(m.start_year, m.full_effect_year, year);
            if (phase[k].value() > 0.0) active.push_back(k);
        }
        const std::size_t m = active.size();
        const std::size_t coalitions = std::size_t{1} << m;

        // Emissions per row for every coalition of active measures.
        Eigen::MatrixXd kg = Eigen::MatrixXd::Zero(nrows, static_cast<Eigen::Index>(coalitions));
        ActivitySet work;
        for (std::size_t s = 0; s < coalitions; ++s) {
            work = bau;
            for (std::size_t j = 0; j < m; ++j) {
                if (!(s & (std::size_t{1} << j))) continue;
                const auto& spec_m = spec.measures[active[j]];
                apply_measure(spec_m.params, spec_m.id, phase[active[j]], year, work, spec_m.origin);
            }
            const bool all = s == coalitions - 1;
            for (const auto& r : work) {
                if (all && !r.source.empty()) ref.validate(r);  // records the measures added
                kg(static_cast<Eigen::Index>(rows.at(r)), static_cast<Eigen::Index>(s)) += units::in_kg(intensity.co2e(r));
            }
        }

        const int col = year - spec.base_year;
        out.bau.kg().col(col) = kg.col(0);
        out.scenario.kg().col(col) = kg.col(static_cast<Eigen::Index>(coalitions - 1));

        const auto w = shapley_weights(m);
        for (std::size_t j = 0; j < m; ++j) {
            const std::size_t bit = std::size_t{1} << j;
            Eigen::VectorXd share = Eigen::VectorXd::Zero(nrows);
            for (std::size_t s = 0; s < coalitions; ++s) {
                if (s & bit) continue;
                const auto size = static_cast<std::size_t>(std::popcount(s));
                share += w[size] * (kg.col(static_cast<Eigen::Index>(s)) - kg.col(static_cast<Eigen::Index>(s | bit)));
            }
            out.measures[active[j]].effect.kg().col(col) = share;
        }
    }

    for (auto& mr : out.measures) {
        const units::Mass avoided = mr.effect.cumulative(spec.base_year, spec.end_year);
        if (avoided.value() > 0.0) mr.cost_per_tonne = units::MoneyPerMass(mr.cost / avoided);
    }
    return out;
}

}  // namespace klima
