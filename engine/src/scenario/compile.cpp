#include "compile.hpp"

#include "klima/join.hpp"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace klima::plan {

namespace {

using units::AmountKind;

std::string kind_name(AmountKind k) { return std::string(units::to_string(k)); }

// A record's amount as the plan keeps it: a volume or mass of fuel whose
// factors there are all per energy becomes that energy, through the fuel's
// heating value (and density) of the record's year, as the inventory turns it
// (ReferenceData::amount_for). Converted once, here, so that every effect and
// preset sees the row in energy (docs/method.md, "Fuels in litres and m³").
units::Amount as_planned(const ActivityRecord& r, const ReferenceData& ref) {
    const auto kind = units::kind_of(*r.amount);
    if (kind != AmountKind::volume && kind != AmountKind::mass) return *r.amount;
    const auto factors = ref.factors.lookup(r.carrier, r.subsector, r.year);
    if (factors.empty()) return *r.amount;
    for (const auto* f : factors)
        if (units::factor_kind(f->value) != AmountKind::energy) return *r.amount;
    try {
        return ref.fuel_properties.to_energy(r.carrier, *r.amount, r.unit, r.year).energy;
    } catch (const Error& e) {
        throw Error(r.at(e.where().field.empty() ? "unit" : e.where().field), e.problem(), e.fix());
    }
}

class KeyTable {
public:
    KeyTable(std::vector<Key>& keys, const std::map<std::string, std::size_t>& rows, const ReferenceData& ref)
        : keys_(keys), rows_(rows), ref_(ref) {}

    std::size_t find(const std::string& s, const std::string& sub, const std::string& c, AmountKind k) const {
        const auto it = index_.find({s, sub, c, k});
        return it == index_.end() ? kNone : it->second;
    }

    // A row of the launch year, or one an effect writes to (validated against
    // the taxonomy and carriers at `at`).
    std::size_t intern(const std::string& s, const std::string& sub, const std::string& c, AmountKind k,
                       const Location& at, bool from_effect) {
        if (const auto found = find(s, sub, c, k); found != kNone) return found;
        if (from_effect) {
            ActivityRecord probe;
            probe.sector = s;
            probe.subsector = sub;
            probe.carrier = c;
            probe.amount = units::amount_of(k, 1.0);
            probe.origin = at;
            ref_.validate(probe);
        }
        Key key;
        key.sector = s;
        key.subsector = sub;
        key.carrier = c;
        key.kind = k;
        key.row = rows_.at(s + "/" + sub);
        key.origin = at;
        key.created = from_effect;
        index_[{s, sub, c, k}] = keys_.size();
        keys_.push_back(std::move(key));
        return keys_.size() - 1;
    }

    std::vector<std::size_t> select(const RowSelector& sel, const RowKey* except = nullptr) const {
        std::vector<std::size_t> out;
        for (std::size_t i = 0; i < keys_.size(); ++i) {
            const auto& k = keys_[i];
            if (!sel.matches(k.sector, k.subsector, k.carrier)) continue;
            if (except && k.sector == except->sector && k.subsector == except->subsector &&
                k.carrier == except->carrier)
                continue;
            out.push_back(i);
        }
        return out;
    }

private:
    std::vector<Key>& keys_;
    const std::map<std::string, std::size_t>& rows_;
    const ReferenceData& ref_;
    std::map<std::tuple<std::string, std::string, std::string, AmountKind>, std::size_t> index_;
};

void check_codes(const RowSelector& s, const ReferenceData& ref, const Location& at) {
    const auto sectors = ref.taxonomy.sectors();
    if (s.sector != kAny && std::find(sectors.begin(), sectors.end(), s.sector) == sectors.end())
        throw Error(at, "unknown sector '" + s.sector + "'", "use one of " + join(sectors, ", ") + " or \"*\"");
    if (s.subsector != kAny) {
        if (s.sector != kAny) try {
                ref.taxonomy.require(s.sector, s.subsector, at);
            } catch (const Error& e) {
                throw Error(at, e.problem(), e.fix());
            }
        const auto& subs = ref.taxonomy.subsectors();
        if (std::none_of(subs.begin(), subs.end(), [&](const auto& x) { return x.code == s.subsector; }))
            throw Error(at, "unknown subsector '" + s.subsector + "'",
                        "use a subsector of data/taxonomy/sectors.csv or \"*\"");
    }
    if (s.carrier != kAny && !ref.carriers.find(s.carrier))
        throw Error(at, "unknown carrier '" + s.carrier + "'", "use a carrier of data/factors/carriers.csv or \"*\"");
}

// Service per unit of a source row of kind `k`, and the service's kind.
std::pair<double, AmountKind> to_service(const Switch& sw, AmountKind k, const std::string& row, const Location& at) {
    if (k == AmountKind::distance) return {1.0, AmountKind::distance};
    if (sw.from_intensity) {
        if (k != AmountKind::energy)
            throw Error(at, row + " is given as " + kind_name(k) + "; from_intensity turns energy into km",
                        "leave out from_intensity, or select rows given in energy");
        return {1.0 / sw.from_intensity->value(), AmountKind::distance};
    }
    if (sw.from_efficiency) return {sw.from_efficiency->value(), k};
    return {1.0, k};
}

// Target per unit of service of kind `k`, and the target's kind.
std::pair<double, AmountKind> from_service(const Switch& sw, AmountKind k) {
    if (k == AmountKind::distance) {
        if (sw.to_intensity) return {sw.to_intensity->value(), AmountKind::energy};
        return {1.0, AmountKind::distance};
    }
    if (sw.to_efficiency) return {1.0 / sw.to_efficiency->value(), k};
    return {1.0, k};
}

std::string first_missing(const RowSelector& sel, const std::vector<RowKey>& missing) {
    for (const auto& m : missing)
        if (sel.matches(m.sector, m.subsector, m.carrier)) return m.describe();
    return {};
}

class Compiler {
public:
    Compiler(const ScenarioSpec& spec, const ReferenceData& ref, const std::map<std::string, std::size_t>& rows,
             Plan& plan)
        : spec_(spec), ref_(ref), plan_(plan), keys_(plan.keys, rows, ref) {}

    // The rows the projection starts from: each key's amount in the launch
    // year. A key that the launch year lacks, or holds without a value, but
    // an earlier inventory year (from `first`) holds is carried from the
    // latest such year, and the plan says so; missing is never zero.
    void launch(const ActivitySet& activity, int first, int launch) {
        struct Seen {
            std::map<int, double> sum;  // year → SI sum of the values present
            bool missing_at_launch = false;
            RowKey row;
            AmountKind kind = AmountKind::energy;
            Location origin;
        };
        std::map<std::tuple<std::string, std::string, std::string>, std::size_t> index;
        std::vector<Seen> seen;
        auto visit = [&](const ActivityRecord& r) {
            const auto [it, fresh] = index.emplace(std::make_tuple(r.sector, r.subsector, r.carrier), seen.size());
            if (fresh) seen.push_back({{}, false, {r.sector, r.subsector, r.carrier}, AmountKind::energy, r.origin});
            Seen& s = seen[it->second];
            if (!r.amount) {
                if (r.year == launch) s.missing_at_launch = true;
                return;
            }
            const auto amount = as_planned(r, ref_);
            if (s.sum.empty()) {
                s.kind = units::kind_of(amount);
                s.origin = r.origin;
            }
            s.sum[r.year] += units::si_value(amount);
        };
        // Launch-year records first, in file order, so that a run launched
        // from the base year interns keys exactly as it always did.
        for (const auto& r : activity)
            if (r.year == launch) visit(r);
        for (const auto& r : activity)
            if (r.year >= first && r.year < launch) visit(r);
        for (const Seen& s : seen) {
            const auto at_launch = s.sum.find(launch);
            int from = launch;
            if (at_launch == s.sum.end()) {
                if (s.sum.empty()) {  // never valued up to the launch year
                    if (s.missing_at_launch) {
                        missing_.push_back(s.row);
                        ++plan_.launch_missing;
                    }
                    continue;
                }
                from = s.sum.rbegin()->first;
            } else if (s.missing_at_launch) {
                missing_.push_back(s.row);  // some values present, one absent: the absent one is left out
            }
            if (from == launch && s.missing_at_launch) ++plan_.launch_missing;
            const auto k = keys_.intern(s.row.sector, s.row.subsector, s.row.carrier, s.kind, s.origin, false);
            auto& key = plan_.keys[k];
            key.base = s.sum.at(from);
            const auto d = spec_.driver_mapping.find(s.row.sector + "/" + s.row.subsector);
            key.driver = d == spec_.driver_mapping.end() ? Driver::constant : d->second;
            if (from != launch) plan_.carried.push_back({k, from});
        }
    }

    void measures() {
        // Rows effects write to first, so that every selection sees them.
        for_each_effect([&](std::size_t j, std::size_t e, const Effect& effect, const Location& at) {
            std::visit([&](const auto& x) { target_of(x, at); }, effect);
            (void)j, (void)e;
        });
        for_each_effect([&](std::size_t j, std::size_t e, const Effect& effect, const Location& at) {
            std::visit([&](const auto& x) { compile(x, j, e, at); }, effect);
        });
        plan_.rank.assign(spec_.measures.size(), 0);
        std::vector<std::size_t> by_id(spec_.measures.size());
        std::iota(by_id.begin(), by_id.end(), 0);
        std::sort(by_id.begin(), by_id.end(),
                  [&](std::size_t a, std::size_t b) { return spec_.measures[a].id < spec_.measures[b].id; });
        for (std::size_t r = 0; r < by_id.size(); ++r) plan_.rank[by_id[r]] = r;
        std::stable_sort(plan_.templates.begin(), plan_.templates.end(), [&](const Template& a, const Template& b) {
            const int sa = stage(a), sb = stage(b);
            if (sa != sb) return sa < sb;
            if (a.player != b.player) return plan_.rank[a.player] < plan_.rank[b.player];
            return a.effect < b.effect;
        });
    }

    // The trends: their target rows interned as rows BAU holds (their
    // factors needed every year), then their templates into plan.trends.
    void trends() {
        for (std::size_t i = 0; i < spec_.trends.size(); ++i) {
            const auto& t = spec_.trends[i];
            const std::size_t before = plan_.keys.size();
            target_of(t.change, t.origin);
            into_ = &plan_.trends;
            compile(t.change, i, 0, t.origin);
            into_ = &plan_.templates;
            for (std::size_t k = before; k < plan_.keys.size(); ++k) plan_.keys[k].created = false;
        }
    }

private:
    template <class F>
    void for_each_effect(F f) {
        for (std::size_t j = 0; j < spec_.measures.size(); ++j) {
            const auto& m = spec_.measures[j];
            for (std::size_t e = 0; e < m.effects.size(); ++e)
                f(j, e, m.effects[e], e < m.effect_at.size() ? m.effect_at[e] : m.origin);
        }
    }

    int stage(const Template& t) const { return effect_stage(spec_.measures[t.player].effects[t.effect]); }

    Template& add(std::size_t j, std::size_t e, Op::Kind kind, const Location& at, std::string rows) {
        Template t;
        t.player = j;
        t.effect = e;
        t.kind = kind;
        t.at = at;
        t.rows = std::move(rows);
        into_->push_back(std::move(t));
        return into_->back();
    }

    // Pass 1: the rows written to.
    void target_of(const Reduce&, const Location&) {}
    void target_of(const FactorChange&, const Location&) {}
    void target_of(const Add& a, const Location& at) {
        keys_.intern(a.row.sector, a.row.subsector, a.row.carrier, units::kind_of(*a.size.amount), at, true);
    }
    void target_of(const OwnRow& o, const Location& at) {
        keys_.intern(o.row.sector, o.row.subsector, o.row.carrier, units::kind_of(*o.size.amount), at, true);
    }
    void target_of(const Switch& sw, const Location& at) {
        check_codes(sw.from, ref_, at);
        std::vector<AmountKind> service;
        if (sw.size.basis == EffectSize::Basis::amount) {
            service.push_back(units::kind_of(*sw.size.amount));
        } else {
            for (std::size_t k : keys_.select(sw.from, &sw.to)) {
                const auto& key = plan_.keys[k];
                service.push_back(to_service(sw, key.kind, key.describe(), at).second);
            }
        }
        for (AmountKind s : service)
            keys_.intern(sw.to.sector, sw.to.subsector, sw.to.carrier, from_service(sw, s).second, at, true);
    }

    // Pass 2: templates.
    void compile(const Reduce& r, std::size_t j, std::size_t e, const Location& at) {
        check_codes(r.rows, ref_, at);
        const bool share = r.size.basis == EffectSize::Basis::share;
        auto& t = add(j, e, share ? Op::Kind::scale : Op::Kind::remove, at, r.rows.describe());
        t.size = &r.size;
        t.src = keys_.select(r.rows);
        if (share) return;
        t.amount_kind = units::kind_of(*r.size.amount);
        t.missing_row = first_missing(r.rows, missing_);
        require_kind(t, t.amount_kind, "reduces");
    }

    void compile(const Switch& sw, std::size_t j, std::size_t e, const Location& at) {
        const bool share = sw.size.basis == EffectSize::Basis::share;
        auto& t = add(j, e, share ? Op::Kind::move_share : Op::Kind::move_amount, at, sw.from.describe());
        t.size = &sw.size;
        t.src = keys_.select(sw.from, &sw.to);
        if (share) {
            for (std::size_t k : t.src) {
                const auto& key = plan_.keys[k];
                const auto [per_source, service] = to_service(sw, key.kind, key.describe(), at);
                const auto [per_service, target] = from_service(sw, service);
                const auto tk = keys_.intern(sw.to.sector, sw.to.subsector, sw.to.carrier, target, at, true);
                if (t.target != kNone && t.target != tk)
                    throw Error(at,
                                "the rows " + sw.from.describe() +
                                    " are given in different units, so the switch would "
                                    "write " +
                                    sw.to.describe() + " in two kinds",
                                "select rows of one kind, or give from_intensity so that energy and km both become km");
                t.target = tk;
                t.mult.push_back(per_source * per_service);
            }
            return;
        }
        const AmountKind service = units::kind_of(*sw.size.amount);
        t.amount_kind = service;
        t.missing_row = first_missing(sw.from, missing_);
        for (std::size_t k : t.src) {
            const auto& key = plan_.keys[k];
            const auto [per_source, s] = to_service(sw, key.kind, key.describe(), at);
            if (s != service || key.kind != plan_.keys[t.src.front()].kind)
                throw Error(at,
                            "the switch is sized in " + kind_name(service) + " but " + key.describe() +
                                " is given as " + kind_name(key.kind),
                            "size it in the rows' own kind, or give from_intensity (kWh/km) to turn energy into km");
            t.back = 1.0 / per_source;
            t.amount_kind = key.kind;
        }
        const auto [per_service, target] = from_service(sw, service);
        t.fwd = per_service;
        t.target = keys_.intern(sw.to.sector, sw.to.subsector, sw.to.carrier, target, at, true);
    }

    void compile(const Add& a, std::size_t j, std::size_t e, const Location& at) {
        auto& t = add(j, e, Op::Kind::add, at, a.row.describe());
        t.size = &a.size;
        t.target = keys_.find(a.row.sector, a.row.subsector, a.row.carrier, units::kind_of(*a.size.amount));
    }

    void compile(const OwnRow& o, std::size_t j, std::size_t e, const Location& at) {
        const AmountKind kind = units::kind_of(*o.size.amount);
        if (o.replaces) {
            const RowSelector replaced{o.row.sector, o.row.subsector, *o.replaces};
            check_codes(replaced, ref_, at);
            auto& r = add(j, e, Op::Kind::remove, at, replaced.describe());
            r.size = &o.size;
            r.amount_kind = kind;
            r.src = keys_.select(replaced);
            r.missing_row = first_missing(replaced, missing_);
            require_kind(r, kind, "replaces");
        }
        auto& t = add(j, e, Op::Kind::add, at, o.row.describe());
        t.size = &o.size;
        t.target = keys_.find(o.row.sector, o.row.subsector, o.row.carrier, kind);
    }

    void compile(const FactorChange& f, std::size_t j, std::size_t e, const Location& at) {
        check_codes(f.rows, ref_, at);
        auto& t = add(j, e, f.reduction ? Op::Kind::factor_scale : Op::Kind::factor_set, at, f.rows.describe());
        t.src = keys_.select(f.rows);
        if (f.reduction) {
            t.factor = f.reduction->value();
            return;
        }
        const AmountKind per = units::factor_kind(*f.co2e_value);
        t.factor = units::si_value(*f.co2e_value);
        for (std::size_t k : t.src)
            if (plan_.keys[k].kind != per)
                throw Error(at,
                            "the new factor is per " + kind_name(per) + " but " + plan_.keys[k].describe() +
                                " is given as " + kind_name(plan_.keys[k].kind),
                            "select rows of one kind (give carrier and subsector), or use \"reduction\" instead");
    }

    void require_kind(const Template& t, AmountKind kind, const char* verb) const {
        for (std::size_t k : t.src)
            if (plan_.keys[k].kind != kind)
                throw Error(t.at,
                            plan_.keys[k].describe() + " is given as " + kind_name(plan_.keys[k].kind) +
                                ", the measure " + verb + " " + kind_name(kind),
                            "give that activity in a unit of the kind the measure works on");
    }

    const ScenarioSpec& spec_;
    const ReferenceData& ref_;
    Plan& plan_;
    KeyTable keys_;
    std::vector<RowKey> missing_;
    std::vector<Template>* into_ = &plan_.templates;  // where add() puts templates
};

}  // namespace

Op Template::instantiate(units::Ratio phase) const {
    Op op;
    instantiate(phase, op);
    return op;
}

void Template::instantiate(units::Ratio phase, Op& op) const {
    op.kind = kind;
    op.player = player;
    op.effect = effect;
    op.src = src;
    op.mult.clear();
    op.target = target;
    op.value = 0.0;
    op.target_amount = 0.0;
    op.phase = 0.0;
    switch (kind) {
        case Op::Kind::scale: op.value = size->share_at(phase).value(); break;
        case Op::Kind::remove:
        case Op::Kind::add: op.value = units::si_value(size->amount_at(phase)); break;
        case Op::Kind::move_share:
            op.value = size->share_at(phase).value();
            op.mult = mult;
            break;
        case Op::Kind::move_amount: {
            const double service = units::si_value(size->amount_at(phase));
            op.value = service * back;
            op.target_amount = service * fwd;
            break;
        }
        case Op::Kind::factor_scale: op.value = factor * phase.value(); break;
        case Op::Kind::factor_set:
            op.value = factor;
            op.phase = phase.value();
            break;
    }
}

double Template::full_share() const {
    switch (kind) {
        case Op::Kind::scale:
        case Op::Kind::move_share: return size->share_at(units::ratio(1.0)).value();
        case Op::Kind::factor_scale: return factor;
        default: return 0.0;
    }
}

void apply_trends(const Plan& plan, const ScenarioSpec& spec, int launch, int year, std::vector<double>& bau) {
    if (year <= launch) return;
    for (const Template& t : plan.trends) {
        const auto& trend = spec.trends[t.player];
        const double share =
            remaining_phase(t.kind, t.full_share(), trend.share(year).value(), trend.share(launch).value());
        if (share <= 0.0) continue;
        plan::apply(t.instantiate(units::ratio(share)), bau);  // a share switch takes at most what is there
    }
}

bool brings_own_factors(const ScenarioSpec& spec, const ReferenceData& ref) {
    for (const auto& m : spec.measures)
        for (const auto& e : m.effects)
            if (const auto* o = std::get_if<OwnRow>(&e); o && !ref.carriers.find(o->row.carrier)) return true;
    return false;
}

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

Plan compile(const ScenarioSpec& spec, const ActivitySet& activity, const ReferenceData& ref,
             const std::map<std::string, std::size_t>& rows, int launch_year) {
    Plan plan;
    Compiler c(spec, ref, rows, plan);
    c.launch(activity, spec.base_year, launch_year);
    c.trends();
    c.measures();
    return plan;
}

}  // namespace klima::plan
