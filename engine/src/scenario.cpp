#include "klima/scenario.hpp"

#include "klima/intensity.hpp"
#include "klima/join.hpp"
#include "scenario/compile.hpp"
#include "scenario/year_run.hpp"

#include <algorithm>
#include <map>

namespace klima {

namespace {

// Carriers and factors of the rows with factors of their own (land use,
// construction), added to a copy of the reference data.
void add_own_factors(const ScenarioSpec& spec, ReferenceData& ref) {
    for (const auto& m : spec.measures)
        for (const auto& e : m.effects) {
            const auto* o = std::get_if<OwnRow>(&e);
            if (!o || ref.carriers.find(o->row.carrier)) continue;
            EmissionFactor f;
            f.carrier = o->row.carrier;
            f.subsector = o->row.subsector;
            f.year_from = spec.base_year;
            f.year_to = spec.end_year;
            f.illustrative = true;
            f.gas = Gas::CO2e;
            f.value = o->co2e_per_unit;
            f.source = "scenario measure " + m.id + (m.source.empty() ? "" : ": " + m.source);
            f.origin = m.origin;
            ref.carriers.add(Carrier{o->row.carrier, m.name, m.name, CarrierKind::non_energy, f.source});
            ref.factors.add(std::move(f));
        }
}

}  // namespace

ScenarioResult run_scenario(const ScenarioSpec& spec, const ActivitySet& activity, const Drivers& drivers,
                            const ReferenceData& base_ref) {
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
    const GwpSet* gwp_found = nullptr;
    try {
        gwp_found = &ref.gwp.require(spec.gwp_set);
    } catch (const Error& e) {
        throw Error({spec.file, 0, "/gwp_set"}, e.problem(), e.fix());
    }
    const GwpSet& gwp = *gwp_found;
    std::vector<std::string> row_keys;
    std::map<std::string, std::size_t> rows;
    for (const auto& s : ref.taxonomy.subsectors()) {
        rows[s.sector + "/" + s.code] = row_keys.size();
        row_keys.push_back(s.sector + "/" + s.code);
    }
    const auto defaults = default_driver_mapping();
    for (const auto& [key, driver] : spec.driver_mapping)
        if (!rows.count(key) && !defaults.count(key))  // a key the file added, misspelt
            throw Error({spec.file, 0, "/bau_scaling/" + key}, "'" + key + "' is not a sector/subsector of the taxonomy",
                        "use one of " + join(row_keys, ", "));

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

    const plan::Plan plan = plan::compile(spec, activity, ref, rows);
    const std::size_t nkeys = plan.keys.size();
    std::vector<ActivityRecord> probes(nkeys);
    for (std::size_t k = 0; k < nkeys; ++k) {
        const auto& key = plan.keys[k];
        probes[k].year = spec.base_year;
        probes[k].sector = key.sector;
        probes[k].subsector = key.subsector;
        probes[k].carrier = key.carrier;
        probes[k].amount = units::amount_of(key.kind, 1.0);
        probes[k].origin = key.origin;
    }
    std::vector<std::size_t> theme_of;
    std::map<std::string, std::size_t> themes;
    for (const auto& m : spec.measures) theme_of.push_back(themes.emplace(m.theme, themes.size()).first->second);

    ScenarioResult out;
    out.name = spec.name;
    out.municipality = spec.municipality;
    out.base_year = spec.base_year;
    out.base_year_missing = base_missing;
    out.gwp_set = gwp.name;
    out.bau = Trajectory(row_keys, spec.base_year, spec.end_year);
    out.scenario = out.bau;
    for (const auto& m : spec.measures) {
        MeasureResult mr;
        mr.id = m.id;
        mr.type = m.type;
        mr.name = m.name;
        mr.owner = m.owner;
        mr.theme = m.theme;
        mr.start_year = m.phase.start_year;
        mr.full_effect_year = m.phase.full_effect_year;
        mr.effect = out.bau;
        mr.cost = m.cost;
        out.measures.push_back(std::move(mr));
    }

    const std::size_t n = spec.measures.size();
    std::vector<double> bau(nkeys), intensity(nkeys), share(n);
    std::vector<units::Ratio> phase(n);
    for (int year = spec.base_year; year <= spec.end_year; ++year) {
        for (std::size_t j = 0; j < n; ++j) phase[j] = spec.measures[j].phase.share(year);
        plan::YearRun run(plan, spec, theme_of, year);
        run.ops(phase);

        std::map<Driver, double> index;
        for (std::size_t k = 0; k < nkeys; ++k) {
            const Driver d = plan.keys[k].driver;
            if (!index.count(d)) index[d] = drivers.index(d, spec.base_year, year).value();
            bau[k] = plan.keys[k].base * index[d];
        }
        IntensityTable table(ref, gwp, year);
        for (std::size_t k = 0; k < nkeys; ++k) {
            probes[k].year = year;
            const bool needed = !plan.keys[k].created || run.written(k);
            intensity[k] = needed ? units::in_kg(table.co2e(probes[k])) : 0.0;
        }
        const auto scenario = run.scenario(bau);
        const auto after = run.intensities_after(intensity);

        std::map<std::pair<std::size_t, int>, std::size_t> owen;
        for (std::size_t k = 0; k < nkeys; ++k) {
            const std::size_t row = plan.keys[k].row;
            out.bau.add(row, year, units::kilograms(bau[k] * intensity[k]));
            out.scenario.add(row, year, units::kilograms(scenario[k] * after[k]));
            std::fill(share.begin(), share.end(), 0.0);
            const auto method = run.attribute(k, bau, intensity[k], share);
            for (std::size_t j = 0; j < n; ++j)
                if (share[j] != 0.0) out.measures[j].effect.add(row, year, units::kilograms(share[j]));
            if (method == plan::Method::owen) {
                std::size_t players = 0;
                for (double s : share) players += s != 0.0;
                auto& slot = owen[{plan.keys[k].row, year}];
                slot = std::max(slot, players);
            }
        }
        for (const auto& [where, players] : owen) out.owen.push_back({row_keys[where.first], where.second, players});
    }

    for (auto& mr : out.measures) {
        const units::Mass avoided = mr.effect.cumulative(spec.base_year, spec.end_year);
        if (avoided.value() > 0.0) mr.cost_per_tonne = units::MoneyPerMass(mr.cost / avoided);
    }
    return out;
}

}  // namespace klima
