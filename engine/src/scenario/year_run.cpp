#include "year_run.hpp"

#include "affine_shapley.hpp"
#include "attribution.hpp"
#include "chain_shapley.hpp"
#include "flat_program.hpp"
#include "sampled_shapley.hpp"

#include "klima/join.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <sstream>

namespace klima::plan {

std::string describe(units::AmountKind kind, double si) {
    std::ostringstream s;
    s << units::display_value(units::amount_of(kind, si)) << " " << units::display_unit(kind);
    return s.str();
}

void YearRun::attribute_all(const std::vector<double>& bau, const std::vector<double>& intensity,
                            std::vector<KeyShares>& out) {
    pending_.clear();
    out.resize(bau.size());  // the shares of the year before: their buffers reused
    for (std::size_t k = 0; k < bau.size(); ++k) {
        out[k].share.assign(spec_.measures.size(), 0.0);
        out[k].estimate = {};
        out[k].method = attribute(k, bau, intensity[k], out[k].share);
    }
    sample_pending(bau, out);
}

namespace {

// The control variate's program: each fixed amount taken from several rows in proportion taken instead
// in the proportion of the rows' `start` (docs/method.md, "Estimated rows").
std::vector<Op> at_start_shares(const std::vector<Op>& program, const std::vector<double>& start) {
    std::vector<Op> fixed;
    for (const Op& op : program) {
        if (op.kind != Op::Kind::remove || op.src.size() < 2) {
            fixed.push_back(op);
            continue;
        }
        double held = 0.0;
        for (std::size_t r : op.src) held += start[r];
        for (std::size_t r : op.src) {
            Op one = op;
            one.src = {r};
            one.value = held > 0.0 ? op.value * start[r] / held : 0.0;
            fixed.push_back(one);
        }
    }
    return fixed;
}

}  // namespace

Method YearRun::attribute(std::size_t k, const std::vector<double>& bau, double intensity, std::vector<double>& share) {
    if (writers_[k].empty() && factor_ops_[k].empty()) return Method::standalone;  // no measure acts on it
    auto& factors = scratch_.factors;
    factors.clear();
    for (std::size_t i : factor_ops_[k]) factors.push_back(&ops_[i]);

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
    if (!sum_of_terms || removed > bau[k]) return game({&k, 1}, k, {}, factors, bau, intensity, share);
    Method method = Method::standalone;
    std::map<std::size_t, std::vector<std::size_t>> by_source;  // share switches from one row: one game for all
    for (std::size_t i : writers_[k]) {
        const Op& op = ops_[i];
        if (op.kind == Op::Kind::remove) {
            share[op.player] += op.value * intensity;
            continue;
        }
        if (op.kind == Op::Kind::move_share && op.src.size() == 1) by_source[op.src.front()].push_back(i);
        else method = std::max(method, game(op.src, k, {&i, 1}, {}, bau, intensity, share));
    }
    std::vector<std::size_t> sources, terms;  // of the rows that are no chain: one game for all (Shapley is linear)
    for (const auto& [source, taps] : by_source) {
        const auto done = taps_at_once(source, taps, bau, intensity, share);
        if (done == Taps::one_by_one) {  // one game a term, as before
            for (std::size_t i : taps)
                method = std::max(method, game({&source, 1}, k, {&i, 1}, {}, bau, intensity, share));
        } else if (done == Taps::not_a_chain) {
            sources.push_back(source);
            terms.insert(terms.end(), taps.begin(), taps.end());
        } else {
            method = std::max(method, Method::shapley);
        }
    }
    if (!terms.empty()) {
        std::sort(terms.begin(), terms.end());
        method = std::max(method, game(sources, k, terms, {}, bau, intensity, share));
    }
    return method;
}

YearRun::Taps YearRun::taps_at_once(std::size_t source, const std::vector<std::size_t>& taps,
                                    const std::vector<double>& bau, double intensity, std::vector<double>& share) {
    // Cheap games keep their route (one game a term, as before); larger ones are one chain.
    auto& players = scratch_.players;
    players.clear();
    for (std::size_t i : writers_[source])
        if (std::find(players.begin(), players.end(), ops_[i].player) == players.end())
            players.push_back(ops_[i].player);
    const double ops = static_cast<double>(writers_[source].size());
    if (players.size() <= kMaxExactPlayers &&
        static_cast<double>(std::size_t{1} << players.size()) * ops <= kAlwaysExact)
        return Taps::one_by_one;
    std::sort(players.begin(), players.end(),
              [&](std::size_t a, std::size_t b) { return plan_.rank[a] < plan_.rank[b]; });
    auto& program = scratch_.program;
    auto& local_taps = scratch_.local_taps;
    recycle(program, spare_);
    local_taps.clear();
    for (std::size_t i : writers_[source]) {  // in canonical order: writers_ lists ops in order
        Op& op = reuse_back(program, spare_);
        op = ops_[i];
        for (auto& s : op.src) s = s == source ? 0 : 1;  // the chain is slot 0; any other row is slot 1
        if (op.target != kNone) op.target = op.target == source ? 0 : 1;
        op.player = static_cast<std::size_t>(std::find(players.begin(), players.end(), op.player) - players.begin());
        if (std::find(taps.begin(), taps.end(), i) != taps.end()) local_taps.push_back(program.size() - 1);
    }
    auto& phi = scratch_.phi;
    if (!tap_shapley(program, local_taps, {bau[source], 0.0}, intensity, players.size(),
                     phi))  // fixed amounts: a chain a term
        return is_chain(program, {bau[source], 0.0}) ? Taps::one_by_one : Taps::not_a_chain;
    for (std::size_t j = 0; j < players.size(); ++j) share[players[j]] += phi[j];
    return Taps::done;
}

namespace {

// A game's value of one coalition: its program applied to the start, the value
// row times the intensity after the factor ops (held by reference: small enough for
// a std::function to keep without allocating).
struct Valuation {
    const std::vector<Op>& program;
    const std::vector<Op>& factors;
    const std::vector<double>& start;
    double intensity;
    std::vector<double>& state;
    double operator()(const std::vector<unsigned char>& in) const {
        return coalition_value(program, factors, start, intensity, in, state);
    }
};

}  // namespace

Method YearRun::game(std::span<const std::size_t> seeds, std::size_t k, std::span<const std::size_t> terms,
                     const std::vector<const Op*>& factors, const std::vector<double>& bau, double intensity,
                     std::vector<double>& share) {
    // Rows the value depends on: the seeds, the sources of what is moved into
    // a row of the set, and every row a fixed removal shares out over.
    const std::size_t nkeys = bau.size();
    auto& in_set = scratch_.in_set;
    auto& set = scratch_.set;
    in_set.assign(nkeys, 0);
    set.clear();
    for (std::size_t s : seeds)
        if (!in_set[s]) {
            in_set[s] = 1;
            set.push_back(s);
        }
    auto& in_program = scratch_.in_program;
    in_program.assign(ops_.size(), 0);
    for (std::size_t at = 0; at < set.size(); ++at) {
        const std::size_t c = set[at];
        for (std::size_t i : writers_[c]) {
            in_program[i] = 1;
            const Op& op = ops_[i];
            const bool fixed_removal = op.kind == Op::Kind::remove || op.kind == Op::Kind::move_amount;
            const bool moved_in =
                op.target == c && (op.kind == Op::Kind::move_share || op.kind == Op::Kind::move_amount);
            if (!(fixed_removal || moved_in)) continue;
            for (std::size_t s : op.src)
                if (!in_set[s]) {
                    in_set[s] = 1;
                    set.push_back(s);
                }
        }
    }
    for (std::size_t i : terms) in_program[i] = 1;
    const bool term = !terms.empty();

    // Players: the measures of those ops and of the factor ops, in id order.
    auto& players = scratch_.players;
    players.clear();
    auto enlist = [&](std::size_t p) {
        if (std::find(players.begin(), players.end(), p) == players.end()) players.push_back(p);
    };
    for (std::size_t i = 0; i < ops_.size(); ++i)
        if (in_program[i]) enlist(ops_[i].player);
    for (const Op* f : factors) enlist(f->player);
    if (players.empty()) return Method::standalone;
    std::sort(players.begin(), players.end(),
              [&](std::size_t a, std::size_t b) { return plan_.rank[a] < plan_.rank[b]; });
    auto& local_player = scratch_.local_player;
    local_player.assign(spec_.measures.size(), kNone);
    for (std::size_t j = 0; j < players.size(); ++j) local_player[players[j]] = j;

    // The program on local rows. Slot 0 is the value: row k, or for a term
    // only what the term's op moves into k (other ops into k write a scratch slot).
    auto& local = scratch_.local;
    auto& global = scratch_.global;
    auto& start = scratch_.start;
    local.assign(nkeys, kNone);
    global.assign(1, k);
    start.assign(1, term ? 0.0 : bau[k]);
    const std::size_t scratch = term ? 1 : 0;
    if (term) {
        start.push_back(0.0);
        global.push_back(k);
    } else {
        local[k] = 0;
    }
    auto place = [&](std::size_t g) {
        if (local[g] == kNone) {
            local[g] = global.size();
            global.push_back(g);
            start.push_back(bau[g]);
        }
        return local[g];
    };
    auto& program = scratch_.program;
    recycle(program, spare_);
    bool additive = factors.empty();
    for (std::size_t i = 0; i < ops_.size(); ++i) {
        if (!in_program[i]) continue;
        Op& op = reuse_back(program, spare_);
        op = ops_[i];
        for (auto& s : op.src) s = place(s);
        if (op.target == k) op.target = !term || std::find(terms.begin(), terms.end(), i) != terms.end() ? 0 : scratch;
        else if (op.target != kNone) op.target = place(op.target);
        op.player = local_player[op.player];
        additive = additive && op.fixed_size() && op.src.size() <= 1;
    }
    if (additive) {  // no row is asked for more than it starts with: no clamping in any coalition
        auto& removed = scratch_.removed;
        removed.assign(start.size(), 0.0);
        for (const Op& op : program)
            if (op.kind != Op::Kind::add) removed[op.src.front()] += op.value;
        for (std::size_t i = 0; i < start.size(); ++i) additive = additive && removed[i] <= start[i];
    }
    auto& local_factors = scratch_.local_factors;
    recycle(local_factors, spare_);
    for (const Op* f : factors) {
        Op& op = reuse_back(local_factors, spare_);
        op = *f;
        op.player = local_player[f->player];
    }

    Game g;
    g.players = players.size();
    g.additive = additive;
    const Valuation valuation{program, local_factors, start, intensity, scratch_.state};
    g.value = [v = &valuation](const std::vector<unsigned char>& in) { return (*v)(in); };
    auto& phi = scratch_.phi;
    const double ops = static_cast<double>(program.size() + local_factors.size());
    const std::size_t m = players.size();
    const double enumeration = m <= kMaxExactPlayers ? static_cast<double>(std::size_t{1} << m) * ops
                                                     : std::numeric_limits<double>::infinity();
    // Large enumerations and the sampler value many coalitions: the same values, laid out flat
    // (flat_program.hpp). The cheap games (every game of the bundled plans) keep g.value: laying
    // them out would cost more than it saves.
    std::optional<FlatProgram> laid_out;
    if (enumeration > kAlwaysExact) {
        laid_out.emplace(program, local_factors, start, intensity);
        g.values = [&](const unsigned char* in, std::size_t count, double* out) {
            laid_out->values(in, g.players, count, out);
        };
    }
    Method method = Method::shapley;
    if (additive) {
        method = plan::attribute(g, phi);
    } else if (enumeration <= kAlwaysExact) {
        // Cheap: exact as ever, in polynomial time where the row's ops are affine and that is less work.
        const bool affine =
            m >= kMinAffinePlayers && affine_shapley(program, local_factors, start, intensity, m, enumeration, phi);
        if (!affine) method = plan::attribute(g, phi);
    } else if (chain_shapley(program, local_factors, start, intensity, m, term, phi) ||
               affine_shapley(program, local_factors, start, intensity, m, kExactWorkAnyway, phi)) {
        // exact in polynomial time (closed forms 4 and 5 of docs/method.md)
    } else if (enumeration <= budget_.left) {
        budget_.left -= enumeration;
        method = plan::attribute(g, phi);
    } else {
        // Estimated, after every key's games are known (sample_pending): the seed from the game itself,
        // so that a run is reproducible.
        Pending p;
        p.key = k;
        for (std::size_t i = 0; i < ops_.size(); ++i)
            if (in_program[i]) p.ops.push_back(i);
        p.terms.assign(terms.begin(), terms.end());
        p.players = players;
        std::uint64_t seed = 1469598103934665603ULL;
        auto mix = [&](const void* at, std::size_t n) {
            const auto* b = static_cast<const unsigned char*>(at);
            for (std::size_t i = 0; i < n; ++i) seed = (seed ^ b[i]) * 1099511628211ULL;
        };
        mix(&year_, sizeof year_);
        const std::string where = plan_.keys[k].describe();
        mix(where.data(), where.size());
        for (std::size_t pl : players) mix(&plan_.rank[pl], sizeof plan_.rank[pl]);  // canonical, not the listing order
        mix(start.data(), start.size() * sizeof(double));
        for (const Op& op : program) mix(&op.value, sizeof op.value);
        p.seed = seed;
        p.total = std::abs(g.value(std::vector<unsigned char>(m, 0)) - g.value(std::vector<unsigned char>(m, 1)));
        // A control variate: each fixed amount taken from several rows in proportion, taken instead in
        // the proportion of the rows' start. Where that makes the game a chain, its Shapley values are
        // exact, and only the small difference between the two games is sampled.
        const auto fixed = at_start_shares(program, start);
        if (fixed.size() == program.size() || !chain_shapley(fixed, local_factors, start, intensity, m, term, p.exact))
            p.exact.clear();
        p.joinable = true;  // a term game's moves into k have a slot of their own beside other rows if no op reads k
        for (std::size_t i : p.ops)
            p.joinable =
                p.joinable && (!term || std::find(ops_[i].src.begin(), ops_[i].src.end(), k) == ops_[i].src.end());
        p.program = std::move(program);  // the scratch starts afresh for the next game
        p.factors = std::move(local_factors);
        p.start = std::move(start);
        program.clear();
        local_factors.clear();
        start.clear();
        p.intensity = intensity;
        pending_.push_back(std::move(p));
        return Method::estimated;
    }
    for (std::size_t j = 0; j < players.size(); ++j) share[players[j]] += phi[j];
    return method;
}

}  // namespace klima::plan

namespace klima::plan {

void YearRun::sample_pending(const std::vector<double>& bau, std::vector<KeyShares>& out) {
    // Games over the same ops and players (the rows one crowded program values: a fuel row, the rows it
    // shares fixed amounts with, what it switches into) are sampled together; the others one by one.
    std::vector<char> done(pending_.size(), 0);
    for (std::size_t a = 0; a < pending_.size(); ++a) {
        if (done[a]) continue;
        std::vector<const Pending*> games{&pending_[a]};
        for (std::size_t b = a + 1; b < pending_.size() && pending_[a].joinable; ++b)
            if (!done[b] && pending_[b].joinable && pending_[b].ops == pending_[a].ops &&
                pending_[b].players == pending_[a].players) {
                games.push_back(&pending_[b]);
                done[b] = 1;
            }
        sample_together(games, bau, out);
    }
    pending_.clear();
}

void YearRun::sample_together(const std::vector<const Pending*>& games, const std::vector<double>& bau,
                              std::vector<KeyShares>& out) {
    const Pending& first = *games.front();
    const std::size_t m = first.players.size();
    // The program and where each game's value is read. One game: its own program. Several: one program on
    // rows of its own, each game's value a slot of it (a term game's moves into its key a slot apart, which
    // no op reads), so that every value is bit for bit that of the game alone.
    std::vector<Op> program;
    std::vector<FlatProgram::Output> outputs;
    std::vector<double> start;
    bool controlled = false;
    for (const Pending* p : games) controlled = controlled || !p->exact.empty();
    if (games.size() == 1) {
        program = first.program;
        start = first.start;
        outputs.push_back({0, first.factors, first.intensity});
    } else {
        std::vector<std::size_t> local(bau.size(), kNone);
        auto place = [&](std::size_t g) {
            if (local[g] == kNone) {
                local[g] = start.size();
                start.push_back(bau[g]);
            }
            return local[g];
        };
        std::vector<std::size_t> term_slot(ops_.size(), kNone);  // a term game's ops: its value's slot
        for (const Pending* p : games) {
            if (p->terms.empty()) {
                outputs.push_back({kNone, p->factors, p->intensity});
                continue;
            }
            outputs.push_back({start.size(), p->factors, p->intensity});
            for (std::size_t i : p->terms) term_slot[i] = start.size();
            start.push_back(0.0);
        }
        std::vector<std::size_t> player(spec_.measures.size(), kNone);
        for (std::size_t j = 0; j < m; ++j) player[first.players[j]] = j;
        for (std::size_t i : first.ops) {
            Op op = ops_[i];
            for (auto& r : op.src) r = place(r);
            if (op.target != kNone) op.target = term_slot[i] != kNone ? term_slot[i] : place(op.target);
            op.player = player[op.player];
            program.push_back(std::move(op));
        }
        for (std::size_t o = 0; o < games.size(); ++o)
            if (games[o]->terms.empty()) outputs[o].slot = place(games[o]->key);
    }
    const FlatProgram flat(program, outputs, start);
    std::optional<FlatProgram> flat_fixed;
    if (controlled) flat_fixed.emplace(at_start_shares(program, start), outputs, start);
    const std::size_t q = games.size();
    std::vector<double> fixed_values;
    const CoalitionValues values = [&](const unsigned char* in, std::size_t count, double* v) {
        flat.values(in, m, count, v);
        if (!controlled) return;
        fixed_values.resize(count * q);
        flat_fixed->values(in, m, count, fixed_values.data());
        for (std::size_t c = 0; c < count; ++c)
            for (std::size_t o = 0; o < q; ++o)
                if (!games[o]->exact.empty()) v[c * q + o] -= fixed_values[c * q + o];
    };
    // The seed from the games' own (each from its game), in an order that is no listing's.
    std::uint64_t seed = first.seed;
    if (q > 1) {
        std::vector<std::uint64_t> seeds;
        for (const Pending* p : games) seeds.push_back(p->seed);
        std::sort(seeds.begin(), seeds.end());
        seed = 1469598103934665603ULL;
        for (std::uint64_t s : seeds)
            for (std::size_t i = 0; i < sizeof s; ++i) seed = (seed ^ ((s >> (8 * i)) & 0xFF)) * 1099511628211ULL;
    }
    std::vector<double> targets;
    double ops = static_cast<double>(program.size());
    for (const auto& o : outputs) ops += static_cast<double>(o.factors.size());
    for (const Pending* p : games) targets.push_back(kTargetBound * p->total);
    std::vector<std::vector<double>> phi;
    const auto r = sampled_shapley(m, q, values, controlled ? 2.0 * ops : ops, seed, targets,
                                   std::max(budget_.left / 4.0, 0.0), phi);
    budget_.left -= r.work;
    for (std::size_t o = 0; o < q; ++o) {
        const Pending& p = *games[o];
        auto& key = out[p.key];
        for (std::size_t j = 0; j < m; ++j) key.share[p.players[j]] += phi[o][j] + (p.exact.empty() ? 0.0 : p.exact[j]);
        key.estimate.bound += r.bounds[o];
        key.estimate.measures = std::max(key.estimate.measures, m);
    }
}

}  // namespace klima::plan
