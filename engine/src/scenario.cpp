#include "klima/scenario.hpp"

#include "klima/intensity.hpp"
#include "klima/join.hpp"
#include "scenario/affine_shapley.hpp"
#include "scenario/attribution.hpp"
#include "scenario/compile.hpp"

#include <algorithm>
#include <map>

namespace klima {

namespace {

using plan::Op;

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

std::string describe(units::AmountKind kind, double si) {
    units::Amount a = units::Count::from_value(si);
    switch (kind) {
        case units::AmountKind::energy: a = units::Energy::from_value(si); break;
        case units::AmountKind::distance: a = units::Distance::from_value(si); break;
        case units::AmountKind::mass: a = units::Mass::from_value(si); break;
        case units::AmountKind::area: a = units::Area::from_value(si); break;
        case units::AmountKind::count: break;
    }
    std::ostringstream s;
    s << units::display_value(a) << " " << units::display_unit(kind);
    return s.str();
}

units::Amount one(units::AmountKind kind) {
    switch (kind) {
        case units::AmountKind::energy: return units::Energy::from_value(1.0);
        case units::AmountKind::distance: return units::Distance::from_value(1.0);
        case units::AmountKind::mass: return units::Mass::from_value(1.0);
        case units::AmountKind::area: return units::Area::from_value(1.0);
        case units::AmountKind::count: break;
    }
    return units::Count::from_value(1.0);
}

// One year of a compiled scenario: its ops, the whole scenario applied once
// (the errors are found there), then each row's attribution.
class YearRun {
public:
    YearRun(const plan::Plan& p, const ScenarioSpec& spec, const std::vector<std::size_t>& theme_of, int year)
        : plan_(p), spec_(spec), theme_of_(theme_of), year_(year) {}

    void ops(const std::vector<units::Ratio>& phase) {
        for (const auto& t : plan_.templates) {
            if (phase[t.player].value() <= 0.0) continue;
            Op op = t.instantiate(phase[t.player]);
            if (op.value == 0.0 && op.kind != Op::Kind::factor_set) continue;
            const bool removes = op.kind == Op::Kind::remove || op.kind == Op::Kind::move_amount;
            if (removes && !t.missing_row.empty())
                throw Error(t.at, "the " + std::to_string(year_) + " value of " + t.missing_row +
                                      " is missing, so the measure cannot reduce it",
                            "fill in the base-year value in the activity data");
            if (removes && op.src.empty())
                throw Error(t.at, "the measures remove " + describe(t.amount_kind, op.value) + " of " + t.rows + " in " +
                                      std::to_string(year_) + " but the year holds only none",
                            "lower the measure's size, or check the activity data and the other measures acting on it");
            ops_.push_back(std::move(op));
            from_.push_back(&t);
        }
    }

    // The whole scenario: every op in canonical order; a removal larger than
    // what its rows hold is an error naming the measures that took from them.
    std::vector<double> scenario(std::vector<double> amount) const {
        std::vector<std::vector<std::size_t>> takers(amount.size());
        for (std::size_t i = 0; i < ops_.size(); ++i) {
            const Op& op = ops_[i];
            double before = 0.0;
            for (std::size_t k : op.src) before += amount[k];
            if (!plan::apply(op, amount)) throw too_much(i, before, takers);
            if (op.reads_src())
                for (std::size_t k : op.src) takers[k].push_back(op.player);
        }
        return amount;
    }

    std::vector<double> intensities_after(const std::vector<double>& intensity) const {
        auto out = intensity;
        for (const Op& op : ops_)
            if (op.on_factor())
                for (std::size_t k : op.src) out[k] = plan::apply_factor(op, out[k]);
        return out;
    }

    // Rows written by an op this year (their factors must exist).
    std::vector<char> written(std::size_t keys) const {
        std::vector<char> w(keys, 0);
        for (const Op& op : ops_) {
            if (op.target != plan::kNone) w[op.target] = 1;
            if (op.reads_src())
                for (std::size_t k : op.src) w[k] = 1;
        }
        return w;
    }

    // Each measure's share of key k's reduction, added to `share[player]`.
    plan::Method attribute(std::size_t k, const std::vector<double>& bau, double intensity,
                           std::vector<double>& share) const;
    // The game of the rows `seeds` depend on, valued on row k (or, for a term,
    // on what op `term` moves into k).
    plan::Method game(const std::vector<std::size_t>& seeds, std::size_t k, std::size_t term,
                      const std::vector<const Op*>& factors, const std::vector<double>& bau, double intensity,
                      std::vector<double>& share) const;

    const std::vector<Op>& all() const { return ops_; }

private:
    Error too_much(std::size_t i, double available, const std::vector<std::vector<std::size_t>>& takers) const {
        const Op& op = ops_[i];
        const auto& t = *from_[i];
        std::vector<std::string> others;
        for (std::size_t k : op.src)
            for (std::size_t p : takers[k]) {
                const auto& id = spec_.measures[p].id;
                if (p != op.player && std::find(others.begin(), others.end(), "'" + id + "'") == others.end())
                    others.push_back("'" + id + "'");
            }
        std::vector<std::string> rows;
        for (std::size_t k : op.src) rows.push_back(plan_.keys[k].describe());
        std::string problem = "measure '" + spec_.measures[op.player].id + "' removes " + describe(t.amount_kind, op.value) +
                              " of " + join(rows, " and ") + " in " + std::to_string(year_) + " but the year holds only " +
                              describe(t.amount_kind, available);
        if (!others.empty()) problem += " after measure " + join(others, ", ") + " took its share";
        return Error(t.at, problem,
                     others.empty() ? "lower the measure's size, or check the activity data"
                                    : "lower the sizes so that together they remove at most what the row holds, or "
                                      "check the activity data");
    }

    const plan::Plan& plan_;
    const ScenarioSpec& spec_;
    const std::vector<std::size_t>& theme_of_;
    int year_;
    std::vector<Op> ops_;
    std::vector<const plan::Template*> from_;
    mutable std::vector<std::vector<std::size_t>> writers_;  // per key, the ops writing it (built once)
};

plan::Method YearRun::attribute(std::size_t k, const std::vector<double>& bau, double intensity,
                                std::vector<double>& share) const {
    if (writers_.empty()) {
        writers_.resize(bau.size());
        for (std::size_t i = 0; i < ops_.size(); ++i) {
            const Op& op = ops_[i];
            if (op.on_factor()) continue;
            if (op.target != plan::kNone) writers_[op.target].push_back(i);
            if (op.reads_src())
                for (std::size_t s : op.src) writers_[s].push_back(i);
        }
    }
    std::vector<const Op*> factors;
    for (const Op& op : ops_)
        if (op.on_factor() && std::find(op.src.begin(), op.src.end(), k) != op.src.end()) factors.push_back(&op);

    // A row that only receives (and loses fixed amounts it always holds) is a
    // sum of terms, one per op writing it: Shapley is linear, so each term is
    // its own smaller game. Fixed removals are then standalone.
    bool sum_of_terms = factors.empty() && writers_[k].size() > 1;
    double removed = 0.0;
    for (std::size_t i : writers_[k]) {
        const Op& op = ops_[i];
        if (!op.reads_src() || std::find(op.src.begin(), op.src.end(), k) == op.src.end()) continue;
        sum_of_terms = sum_of_terms && op.kind == Op::Kind::remove && op.src.size() == 1;
        removed += op.value;
    }
    if (!sum_of_terms || removed > bau[k]) return game({k}, k, plan::kNone, factors, bau, intensity, share);
    plan::Method method = plan::Method::standalone;
    for (std::size_t i : writers_[k]) {
        const Op& op = ops_[i];
        if (op.kind == Op::Kind::remove) {
            share[op.player] += op.value * intensity;
            continue;
        }
        method = std::max(method, game(op.src, k, i, {}, bau, intensity, share));
    }
    return method;
}

plan::Method YearRun::game(const std::vector<std::size_t>& seeds, std::size_t k, std::size_t term,
                           const std::vector<const Op*>& factors, const std::vector<double>& bau, double intensity,
                           std::vector<double>& share) const {
    // Rows the value depends on: the seeds, the sources of what is moved into
    // a row of the set, and every row a fixed removal shares out over.
    const std::size_t nkeys = bau.size();
    std::vector<char> in_set(nkeys, 0);
    std::vector<std::size_t> set;
    for (std::size_t s : seeds)
        if (!in_set[s]) {
            in_set[s] = 1;
            set.push_back(s);
        }
    std::vector<char> in_program(ops_.size(), 0);
    for (std::size_t at = 0; at < set.size(); ++at) {
        const std::size_t c = set[at];
        for (std::size_t i : writers_[c]) {
            in_program[i] = 1;
            const Op& op = ops_[i];
            const bool fixed_removal = op.kind == Op::Kind::remove || op.kind == Op::Kind::move_amount;
            const bool moved_in = op.target == c && (op.kind == Op::Kind::move_share || op.kind == Op::Kind::move_amount);
            if (!(fixed_removal || moved_in)) continue;
            for (std::size_t s : op.src)
                if (!in_set[s]) {
                    in_set[s] = 1;
                    set.push_back(s);
                }
        }
    }
    if (term != plan::kNone) in_program[term] = 1;

    // Players: the measures of those ops and of the factor ops, in id order.
    std::vector<std::size_t> players;
    auto enlist = [&](std::size_t p) {
        if (std::find(players.begin(), players.end(), p) == players.end()) players.push_back(p);
    };
    for (std::size_t i = 0; i < ops_.size(); ++i)
        if (in_program[i]) enlist(ops_[i].player);
    for (const Op* f : factors) enlist(f->player);
    if (players.empty()) return plan::Method::standalone;
    std::sort(players.begin(), players.end(),
              [&](std::size_t a, std::size_t b) { return plan_.rank[a] < plan_.rank[b]; });
    std::vector<std::size_t> local_player(spec_.measures.size(), plan::kNone);
    for (std::size_t j = 0; j < players.size(); ++j) local_player[players[j]] = j;

    // The program on local rows. Slot 0 is the value: row k, or for a term
    // only what the term's op moves into k (other ops into k write a scratch slot).
    std::vector<std::size_t> local(nkeys, plan::kNone), global;
    std::vector<double> start{term == plan::kNone ? bau[k] : 0.0};
    global.push_back(k);
    const std::size_t scratch = term == plan::kNone ? 0 : 1;
    if (term != plan::kNone) {
        start.push_back(0.0);
        global.push_back(k);
    } else {
        local[k] = 0;
    }
    auto place = [&](std::size_t g) {
        if (local[g] == plan::kNone) {
            local[g] = global.size();
            global.push_back(g);
            start.push_back(bau[g]);
        }
        return local[g];
    };
    std::vector<Op> program;
    bool additive = factors.empty();
    for (std::size_t i = 0; i < ops_.size(); ++i) {
        if (!in_program[i]) continue;
        Op op = ops_[i];
        for (auto& s : op.src) s = place(s);
        if (op.target == k) op.target = i == term || term == plan::kNone ? 0 : scratch;
        else if (op.target != plan::kNone) op.target = place(op.target);
        op.player = local_player[op.player];
        additive = additive && op.fixed_size() && op.src.size() <= 1;
        program.push_back(std::move(op));
    }
    if (additive) {  // no row is asked for more than it starts with: no clamping in any coalition
        std::vector<double> removed(start.size(), 0.0);
        for (const Op& op : program)
            if (op.kind != Op::Kind::add) removed[op.src.front()] += op.value;
        for (std::size_t i = 0; i < start.size(); ++i) additive = additive && removed[i] <= start[i];
    }
    std::vector<Op> local_factors;
    for (const Op* f : factors) {
        local_factors.push_back(*f);
        local_factors.back().player = local_player[f->player];
    }

    plan::Game g;
    g.players = players.size();
    g.additive = additive;
    for (std::size_t p : players) g.union_of.push_back(theme_of_[p]);
    std::vector<double> state;
    g.value = [&](const std::vector<unsigned char>& in) {
        state = start;
        for (const Op& op : program)
            if (in[op.player]) plan::apply(op, state);
        double i = intensity;
        for (const Op& f : local_factors)
            if (in[f.player]) i = plan::apply_factor(f, i);
        return state[0] * i;
    };
    std::vector<double> phi;
    // Exact in polynomial time where the row's ops are affine; 2^m coalitions (or Owen) otherwise.
    const bool affine = !additive && players.size() >= plan::kMinAffinePlayers &&
                        plan::affine_shapley(program, local_factors, start, intensity, players.size(), phi);
    const auto method = affine ? plan::Method::shapley : plan::attribute(g, phi);
    for (std::size_t j = 0; j < players.size(); ++j) share[players[j]] += phi[j];
    return method;
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
        probes[k].amount = one(key.kind);
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
        const int col = year - spec.base_year;
        for (std::size_t j = 0; j < n; ++j) phase[j] = spec.measures[j].phase.share(year);
        YearRun run(plan, spec, theme_of, year);
        run.ops(phase);

        std::map<Driver, double> index;
        for (std::size_t k = 0; k < nkeys; ++k) {
            const Driver d = plan.keys[k].driver;
            if (!index.count(d)) index[d] = drivers.index(d, spec.base_year, year).value();
            bau[k] = plan.keys[k].base * index[d];
        }
        IntensityTable table(ref, gwp, year);
        const auto written = run.written(nkeys);
        for (std::size_t k = 0; k < nkeys; ++k) {
            probes[k].year = year;
            const bool needed = !plan.keys[k].created || written[k];
            intensity[k] = needed ? units::in_kg(table.co2e(probes[k])) : 0.0;
        }
        const auto scenario = run.scenario(bau);
        const auto after = run.intensities_after(intensity);

        std::map<std::pair<std::size_t, int>, std::size_t> owen;
        for (std::size_t k = 0; k < nkeys; ++k) {
            const auto row = static_cast<Eigen::Index>(plan.keys[k].row);
            out.bau.kg()(row, col) += bau[k] * intensity[k];
            out.scenario.kg()(row, col) += scenario[k] * after[k];
            std::fill(share.begin(), share.end(), 0.0);
            const auto method = run.attribute(k, bau, intensity[k], share);
            for (std::size_t j = 0; j < n; ++j)
                if (share[j] != 0.0) out.measures[j].effect.kg()(row, col) += share[j];
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
