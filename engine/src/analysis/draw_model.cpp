#include "draw_model.hpp"

#include "../scenario/compile.hpp"

#include "klima/intensity.hpp"
#include "klima/taxonomy.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace klima::analysis {
namespace {

constexpr std::size_t kDrivers = 4;  // population, households, vehicle_km, constant
constexpr std::size_t kNoInput = static_cast<std::size_t>(-1);

double driver_value(const DriverYear& y, Driver d) {
    switch (d) {
        case Driver::population: return y.population.value();
        case Driver::households: return y.households.value();
        case Driver::vehicle_km: return y.vehicle_km.value();
        case Driver::constant: break;
    }
    return 1.0;
}

bool removes(plan::Op::Kind k) { return k == plan::Op::Kind::remove || k == plan::Op::Kind::move_amount; }

bool share_sized(plan::Op::Kind k) {
    return k == plan::Op::Kind::scale || k == plan::Op::Kind::move_share || k == plan::Op::Kind::factor_scale;
}

}  // namespace

DrawModel::DrawModel(const Inputs& base, const std::vector<UncertainInput>& inputs, int launch_year, TargetScope scope)
    : launch_(launch_year), end_(base.spec.end_year), inputs_(inputs.size()) {
    const auto& spec = base.spec;
    // As run_scenario: the measures' own factors (never multiplied: apply_draw
    // does not see them), the rows, the plan compiled at the launch year.
    ReferenceData ref = base.ref;
    plan::add_own_factors(spec, ref);
    const GwpSet& gwp = ref.gwp.require(spec.gwp_set);
    std::map<std::string, std::size_t> rows;
    for (const auto& sub : ref.taxonomy.subsectors()) {
        rows[sub.sector + "/" + sub.code] = row_in_scope_.size();
        row_in_scope_.push_back(sub.territorial && (scope == TargetScope::incl_lulucf || sub.sector != kLulucfSector));
    }
    const plan::Plan plan = plan::compile(spec, base.activity, ref, rows, launch_);
    const std::size_t nyears = years(), nkeys = plan.keys.size(), nmeasures = spec.measures.size();

    for (const auto& key : plan.keys) {
        KeyInfo info;
        info.base = key.base;
        info.driver = static_cast<std::size_t>(key.driver);
        info.in_scope = row_in_scope_[key.row];
        for (std::size_t i = 0; i < inputs.size(); ++i)
            if (inputs[i].on == UncertainInput::On::activity &&
                inputs[i].rows.matches(key.sector, key.subsector, key.carrier))
                info.activity.push_back(i);
        key_driver_.push_back(info.driver);
        key_in_scope_.push_back(info.in_scope);
        keys_.push_back(std::move(info));
    }

    measure_.resize(nmeasures);
    for (std::size_t i = 0; i < inputs.size(); ++i)
        if (inputs[i].on == UncertainInput::On::measure)
            for (std::size_t j = 0; j < nmeasures; ++j)
                if (spec.measures[j].id == inputs[i].measure) measure_[j].push_back(i);

    // Drivers: a later input on the same driver replaces an earlier one (as in apply_draw).
    driver_input_.assign(kDrivers, kNoInput);
    for (std::size_t i = 0; i < inputs.size(); ++i)
        if (inputs[i].on == UncertainInput::On::driver) driver_input_[static_cast<std::size_t>(inputs[i].driver)] = i;
    driver_first_.assign(kDrivers, 1.0);
    driver_index_.assign(kDrivers, std::vector<double>(nyears, 1.0));
    driver_value_.assign(kDrivers, std::vector<double>(nyears, 1.0));
    for (std::size_t d = 0; d < kDrivers; ++d) {
        const auto driver = static_cast<Driver>(d);
        driver_first_[d] = driver_value(base.drivers.years().front(), driver);
        for (std::size_t y = 0; y < nyears; ++y) {
            const int year = launch_ + static_cast<int>(y);
            driver_index_[d][y] = base.drivers.index(driver, launch_, year).value();
            driver_value_[d][y] = driver_value(base.drivers.at(year), driver);
        }
    }

    // The trends' ops on BAU per year, as plan::apply_trends makes them.
    trend_ops_.assign(nyears, {});
    for (std::size_t y = 1; y < nyears; ++y)
        for (const auto& t : plan.trends) {
            const auto& trend = spec.trends[t.player];
            const double share = plan::remaining_phase(t.kind, t.full_share(), trend.share(launch_ + int(y)).value(),
                                                       trend.share(launch_).value());
            if (share > 0.0) trend_ops_[y].push_back(t.instantiate(units::ratio(share)));
        }

    // Phase-in shares, as project() takes them.
    done_.resize(nmeasures);
    for (std::size_t j = 0; j < nmeasures; ++j) done_[j] = spec.measures[j].phase.share(launch_).value();
    now_.assign(nyears, std::vector<double>(nmeasures, 0.0));
    for (std::size_t y = 0; y < nyears; ++y)
        for (std::size_t j = 0; j < nmeasures; ++j)
            now_[y][j] = y == 0 ? done_[j] : spec.measures[j].phase.share(launch_ + static_cast<int>(y)).value();

    // Intensities: per year and key, the factor rows' terms grouped by the factor inputs multiplying them.
    sets_.push_back({});
    std::map<std::vector<std::size_t>, std::size_t> set_of{{{}, 0}};
    intensity_.assign(nyears, std::vector<KeyYear>(nkeys));
    for (std::size_t y = 0; y < nyears; ++y) {
        const int year = launch_ + static_cast<int>(y);
        IntensityTable table(ref, gwp, year);
        for (std::size_t k = 0; k < nkeys; ++k) {
            const auto& key = plan.keys[k];
            ActivityRecord probe;
            probe.sector = key.sector;
            probe.subsector = key.subsector;
            probe.carrier = key.carrier;
            probe.amount = units::amount_of(key.kind, 1.0);
            probe.origin = key.origin;
            probe.year = year;
            auto& at = intensity_[y][k];
            std::vector<IntensityTable::Term> found;
            try {
                found = table.terms(probe);
            } catch (const Error&) {
                if (!key.created) throw;  // the full run looks it up every year
                at.known = false;         // looked up only in a year an op writes the row
                continue;
            }
            at.first = terms_.size();
            for (const auto& t : found) {
                std::vector<std::size_t> set;
                if (base.ref.carriers.find(t.factor->carrier))  // not a measure's own factor
                    for (std::size_t i = 0; i < inputs.size(); ++i)
                        if (multiplies(inputs[i], *t.factor)) set.push_back(i);
                const auto [it, fresh] = set_of.emplace(set, sets_.size());
                if (fresh) sets_.push_back(set);
                if (it->second == 0) at.constant += t.kg_per_si;
                else terms_.push_back({t.kg_per_si, it->second});
            }
            at.last = terms_.size();
        }
    }

    // Ops: each template's op at phase 1 and size 1, and the years it has phase left.
    steps_.assign(nyears, {});
    for (std::size_t t = 0; t < plan.templates.size(); ++t) {
        const auto& tp = plan.templates[t];
        TemplateInfo info;
        info.kind = tp.kind;
        info.player = tp.player;
        info.full_share = tp.full_share();
        switch (tp.kind) {
            case plan::Op::Kind::scale:
            case plan::Op::Kind::move_share: info.unit = tp.size->share_at(units::ratio(1.0)).value(); break;
            case plan::Op::Kind::remove:
            case plan::Op::Kind::add:
            case plan::Op::Kind::move_amount: info.unit = units::si_value(tp.size->amount_at(units::ratio(1.0))); break;
            case plan::Op::Kind::factor_scale:
            case plan::Op::Kind::factor_set: info.unit = tp.factor; break;
        }
        info.back = tp.back;
        info.fwd = tp.fwd;
        info.refuses = removes(tp.kind) && (!tp.missing_row.empty() || tp.src.empty());
        plan::Op op = tp.instantiate(units::ratio(1.0));
        for (std::size_t y = 0; y < nyears; ++y) {
            const double now = now_[y][tp.player], done = done_[tp.player];
            if (now - done <= 0.0) continue;
            bool lacks = false;
            if (!op.on_factor()) {
                lacks = op.target != plan::kNone && !intensity_[y][op.target].known;
                if (op.reads_src())
                    for (std::size_t k : op.src) lacks = lacks || !intensity_[y][k].known;
            }
            // Only a share-sized op's phase depends on the draw (through its share at full effect × m).
            const double phase = share_sized(tp.kind) ? 0.0 : plan::remaining_phase(tp.kind, 0.0, now, done);
            steps_[y].push_back({t, now - done, done, phase, info.refuses || lacks});
        }
        templates_.push_back(std::move(info));
        ops_.push_back(std::move(op));
    }
}

DrawModel::Scratch DrawModel::scratch() const {
    Scratch s;
    const std::size_t nkeys = keys_.size();
    s.base.resize(nkeys);
    s.measure.resize(measure_.size());
    s.product.resize(sets_.size());
    s.amount.resize(nkeys);
    s.bau.resize(nkeys);
    s.intensity.resize(nkeys);
    s.after.resize(nkeys);
    s.index = driver_index_;
    s.ops = ops_;
    return s;
}

bool DrawModel::evaluate(const std::vector<double>& values, Scratch& s, std::vector<units::Mass>& bau,
                         std::vector<units::Mass>& scenario) const {
    using Kind = plan::Op::Kind;
    for (std::size_t k = 0; k < keys_.size(); ++k) {
        double m = 1.0;
        for (std::size_t i : keys_[k].activity) m *= values[i];
        s.base[k] = keys_[k].base * m;
    }
    for (std::size_t j = 0; j < measure_.size(); ++j) {
        double m = 1.0;
        for (std::size_t i : measure_[j]) m *= values[i];
        s.measure[j] = m;
    }
    for (std::size_t g = 0; g < sets_.size(); ++g) {
        double m = 1.0;
        for (std::size_t i : sets_[g]) m *= values[i];
        s.product[g] = m;
    }
    const std::size_t nyears = years();
    for (std::size_t d = 0; d < kDrivers; ++d) {
        if (driver_input_[d] == kNoInput) continue;  // s.index[d] holds the base index
        // v'(y) = v(b) · (1 + m · (v(y)/v(b) − 1)); the index is v'(y) / v'(launch).
        const double m = values[driver_input_[d]], first = driver_first_[d];
        auto grown = [&](double v) { return first * (1.0 + m * (v / first - 1.0)); };
        const double at_launch = grown(driver_value_[d][0]);
        for (std::size_t y = 0; y < nyears; ++y) s.index[d][y] = grown(driver_value_[d][y]) / at_launch;
    }

    for (std::size_t y = 0; y < nyears; ++y) {
        const auto& intensity = intensity_[y];
        double index[kDrivers];
        for (std::size_t d = 0; d < kDrivers; ++d) index[d] = s.index[d][y];
        for (std::size_t k = 0; k < keys_.size(); ++k) {
            s.bau[k] = s.base[k] * index[key_driver_[k]];
            s.amount[k] = s.bau[k];
            const KeyYear& at = intensity[k];
            double i = at.known ? at.constant : 0.0;
            for (std::size_t t = at.first; t < at.last; ++t) i += terms_[t].kg_per_si * s.product[terms_[t].set];
            s.intensity[k] = i;
            s.after[k] = i;
        }
        if (!trend_ops_[y].empty()) {
            for (const plan::Op& op : trend_ops_[y]) plan::apply(op, s.bau);
            s.amount = s.bau;
        }
        for (const Step& step : steps_[y]) {
            const TemplateInfo& info = templates_[step.t];
            const double m = s.measure[info.player];
            double phase = step.phase;
            if (share_sized(info.kind)) {  // plan::remaining_phase of a share: full share × m
                const double left = 1.0 - info.full_share * m * step.done;
                phase = left <= 0.0 ? 0.0 : step.rem / left;
            }
            if (phase <= 0.0) continue;
            plan::Op& op = s.ops[step.t];
            if (info.kind == Kind::factor_set) {
                op.value = info.unit;
                op.phase = phase;
            } else if (info.kind == Kind::move_amount) {
                const double service = info.unit * phase * m;
                op.value = service * info.back;
                op.target_amount = service * info.fwd;
            } else {
                op.value = info.unit * phase * m;
            }
            if (op.value == 0.0 && info.kind != Kind::factor_set) continue;
            if (step.declines) return false;
            if (op.on_factor()) {
                for (std::size_t k : op.src) s.after[k] = plan::apply_factor(op, s.after[k]);
            } else if (!plan::apply(op, s.amount)) {
                return false;
            }
        }
        double b = 0.0, sc = 0.0;
        for (std::size_t k = 0; k < keys_.size(); ++k) {
            if (!key_in_scope_[k]) continue;
            b += s.bau[k] * s.intensity[k];
            sc += s.amount[k] * s.after[k];
        }
        if (!std::isfinite(b) || !std::isfinite(sc)) return false;
        bau[y] = units::kilograms(b);
        scenario[y] = units::kilograms(sc);
    }
    return true;
}

units::Mass DrawModel::in_scope(const Trajectory& t, int year) const {
    auto sum = units::kilograms(0.0);
    for (std::size_t row = 0; row < row_in_scope_.size(); ++row)
        if (row_in_scope_[row]) sum += t.at(row, year);
    return sum;
}

}  // namespace klima::analysis
