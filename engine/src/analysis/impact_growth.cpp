#include "impact_growth.hpp"

#include "klima/taxonomy_codes.hpp"

#include <map>
#include <set>
#include <tuple>

namespace klima::analysis {

namespace {

Location at(const GrowthSpec& g, const std::string& key) { return {g.origin.file, 0, g.origin.field + "/" + key}; }

// The residents' activity of one subsector: the latest inventory up to the
// launch year that holds it, per carrier (and kind of quantity), × residents
// / that year's population.
std::vector<GrowthRow> per_inhabitant(const GrowthSpec& g, std::size_t i, int launch_year, const ActivitySet& activity,
                                      const Drivers& drivers) {
    const std::string& key = g.per_inhabitant[i];
    const auto slash = key.find('/');
    const std::string sector = key.substr(0, slash), subsector = key.substr(slash + 1);
    int year = 0;
    for (const auto& r : activity)
        if (r.sector == sector && r.subsector == subsector && r.amount && r.year <= launch_year)
            year = std::max(year, r.year);
    if (!year)
        throw Error(g.per_inhabitant_at[i],
                    "no inventory up to " + std::to_string(launch_year) + " holds " + key +
                        ", so its activity per inhabitant is unknown",
                    "leave it out of per_inhabitant, or give the residents' own figure under \"activity\"");
    const units::Count population = drivers.at(year).population;
    const units::Ratio share = units::ratio(units::in_count(g.residents) / units::in_count(population));
    std::map<std::pair<std::string, units::AmountKind>, GrowthRow> by_carrier;
    for (const auto& r : activity) {
        if (r.year != year || r.sector != sector || r.subsector != subsector || !r.amount) continue;
        const auto id = std::pair{r.carrier, units::kind_of(*r.amount)};
        const auto part = units::scale(*r.amount, share);
        auto [it, fresh] =
            by_carrier.try_emplace(id, GrowthRow{key, r.carrier, part, true, year, population, r.source});
        if (!fresh) {
            it->second.at_full = units::add(it->second.at_full, part);
            if (it->second.source != r.source) it->second.source += "; " + r.source;
        }
    }
    std::vector<GrowthRow> out;
    for (auto& [id, row] : by_carrier)
        if (units::si_value(row.at_full) > 0) out.push_back(std::move(row));
    return out;
}

MeasureSpec measure_of(const GrowthSpec& g, std::string id, std::string name) {
    MeasureSpec m;
    m.id = std::move(id);
    m.type = "effects";
    m.name = std::move(name);
    m.theme = "";
    m.source = g.source;
    m.origin = g.origin;
    m.cost = units::dkk(0.0);
    return m;
}

}  // namespace

ExpandedGrowth expand_growth(const GrowthSpec& g, int launch_year, const ActivitySet& activity, const Drivers& drivers,
                             const Taxonomy& taxonomy, const std::optional<HouseholdElectricity>& household) {
    if (g.from_year <= launch_year)
        throw Error(at(g, "from_year"),
                    "the growth starts in " + std::to_string(g.from_year) + ", but the projection starts from the " +
                        std::to_string(launch_year) + " inventory, which already holds what happened up to then",
                    "give a from_year from " + std::to_string(launch_year + 1));
    ExpandedGrowth out;
    // Own figures replace the estimate of their subsector.
    std::set<std::string> own;
    for (const auto& a : g.activity) {
        taxonomy.require(a.row.sector, a.row.subsector, a.at);
        own.insert(a.row.sector + "/" + a.row.subsector);
    }
    for (std::size_t i = 0; i < g.per_inhabitant.size(); ++i) {
        const auto& key = g.per_inhabitant[i];
        const auto slash = key.find('/');
        try {
            taxonomy.require(key.substr(0, slash), key.substr(slash + 1), g.per_inhabitant_at[i]);
        } catch (const Error& e) {  // the JSON path of the list entry, not the word 'subsector'
            throw Error(g.per_inhabitant_at[i], e.problem(), e.fix());
        }
        if (own.count(key)) continue;
        if (household && key == std::string(codes::kEnergy) + "/" + codes::kElectricitySub) {
            // A resident's own electricity, not the municipal average with industry and trade.
            GrowthRow row{key,
                          codes::kElectricity,
                          units::Amount{household->per_resident * units::in_count(g.residents)},
                          true,
                          household->year,
                          units::count(0.0),
                          household->source};
            row.household_default = true;
            out.rows.push_back(std::move(row));
            continue;
        }
        for (auto& r : per_inhabitant(g, i, launch_year, activity, drivers)) out.rows.push_back(std::move(r));
    }
    for (const auto& a : g.activity)
        out.rows.push_back(GrowthRow{a.row.sector + "/" + a.row.subsector, a.row.carrier, a.amount, false, 0,
                                     units::count(0.0), a.source});

    // Residents move in linearly from_year..full_year; their activity is added then.
    if (!out.rows.empty()) {
        auto m = measure_of(g, g.id, g.name);
        m.cost = g.cost;
        m.phase.shape = PhaseIn::Shape::linear;
        m.phase.start_year = g.from_year;
        m.phase.full_effect_year = g.full_year;
        std::size_t own_rows = 0;  // the proposal's own rows come last, in the order of g.activity
        for (const auto& r : out.rows) {
            const auto slash = r.row.find('/');
            EffectSize size;
            size.basis = EffectSize::Basis::amount;
            size.amount = r.at_full;
            m.effects.push_back(Add{{r.row.substr(0, slash), r.row.substr(slash + 1), r.carrier}, size});
            if (r.estimated) {
                m.effect_at.push_back(at(g, "per_inhabitant"));
            } else {  // its entry's amount: a unit the row does not take is named at .../amount/unit
                const auto& entry = g.activity[own_rows++].at;
                m.effect_at.push_back({entry.file, entry.line, entry.field + "/amount"});
            }
        }
        out.measures.push_back(std::move(m));
    }
    // The floor area is built evenly over from_year..full_year: a table phase-in
    // of 1 in those years and 0 after, on the area built per year.
    if (g.floor_area) {
        const int years = g.full_year - g.from_year + 1;
        auto m = measure_of(g, g.id + "_byggeri", g.name);
        if (out.measures.empty()) m.cost = g.cost;
        m.phase.shape = PhaseIn::Shape::table;
        m.phase.table = {{g.from_year, units::ratio(1.0)}, {g.full_year, units::ratio(1.0)}};
        if (g.full_year < kLastYear) m.phase.table.push_back({g.full_year + 1, units::ratio(0.0)});
        if (g.full_year == g.from_year) m.phase.table.erase(m.phase.table.begin() + 1);
        m.phase.start_year = m.phase.table.front().first;
        m.phase.full_effect_year = m.phase.table.back().first;
        EffectSize size;
        size.basis = EffectSize::Basis::amount;
        size.amount = units::Amount{*g.floor_area / static_cast<double>(years)};
        if (g.embodied) {
            // Embodied CO2e of its own, on a row of its own; nothing replaced: the area is new.
            OwnRow o;
            o.op = "construction";
            o.row = {codes::kConstruction, codes::kNewBuild, std::string(codes::kNewBuildArea) + ":" + m.id};
            o.co2e_per_unit = *g.embodied;
            o.size = size;
            m.effects.push_back(o);
        } else {
            // New building at the inventory's own factor for new construction.
            m.effects.push_back(Add{{codes::kConstruction, codes::kNewBuild, codes::kNewBuildArea}, size});
        }
        m.effect_at.push_back(at(g, "floor_area_m2"));
        out.measures.push_back(std::move(m));
    }
    if (out.measures.empty())
        throw Error(g.origin, "the growth adds nothing: no rows per inhabitant, no activity and no floor area",
                    "list subsectors in per_inhabitant, give activity, or give floor_area_m2");
    return out;
}

}  // namespace klima::analysis
