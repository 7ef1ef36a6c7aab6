#include "chain_shapley.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>

namespace klima::plan {

void gauss_legendre(std::size_t n, std::vector<double>& nodes, std::vector<double>& weights) {
    // Newton's iteration on the Legendre polynomial P_n from Chebyshev-like
    // first guesses; nodes and weights mapped from [−1, 1] to [0, 1].
    nodes.assign(n, 0.0);
    weights.assign(n, 0.0);
    const double dn = static_cast<double>(n);
    for (std::size_t i = 0; i < (n + 1) / 2; ++i) {
        double z = std::cos(std::numbers::pi * (static_cast<double>(i) + 0.75) / (dn + 0.5));
        double pp = 1.0;
        for (int iter = 0; iter < 100; ++iter) {
            double p1 = 1.0, p2 = 0.0;
            for (std::size_t j = 1; j <= n; ++j) {
                const double p3 = p2;
                p2 = p1;
                const double dj = static_cast<double>(j);
                p1 = ((2.0 * dj - 1.0) * z * p2 - (dj - 1.0) * p3) / dj;
            }
            pp = dn * (z * p1 - p2) / (z * z - 1.0);
            const double z1 = z;
            z = z1 - p1 / pp;
            if (std::abs(z - z1) <= 1e-15) break;
        }
        const double w = 1.0 / ((1.0 - z * z) * pp * pp);  // 2/((1 − z²)P'²), halved for [0, 1]
        nodes[i] = (1.0 - z) / 2.0;
        nodes[n - 1 - i] = (1.0 + z) / 2.0;
        weights[i] = w;
        weights[n - 1 - i] = w;
    }
}

namespace {

// y → a·y + b with the measure in (a1, b1) or out (a0, b0).
struct Step {
    std::size_t player;
    double a1, b1, a0 = 1.0, b0 = 0.0;
    std::size_t op = kNone;  // its op in the program
};

// [[p, q], [0, r]] acting on (intensity, 1).
struct Tri {
    double p = 1.0, q = 0.0, r = 1.0;
};

// The chain of row `r`'s steps, or false when the game is not one.
bool chain_of(const std::vector<Op>& program, const std::vector<double>& start, bool term_game,
              std::vector<Step>& steps, std::size_t& row) {
    std::size_t end = program.size();
    row = 0;
    if (term_game) {
        end = kNone;
        for (std::size_t i = 0; i < program.size(); ++i)
            if (program[i].target == 0) {
                if (end != kNone) return false;
                end = i;
            }
        if (end == kNone || program[end].src.size() != 1) return false;
        row = program[end].src.front();
    }
    const auto on_row = [&](const Op& op) { return std::find(op.src.begin(), op.src.end(), row) != op.src.end(); };
    for (std::size_t i = 0; i < end; ++i) {
        const Op& op = program[i];
        switch (op.kind) {
            case Op::Kind::scale:
                if (on_row(op)) steps.push_back({op.player, 1.0 - op.value, 0.0, 1.0, 0.0, i});
                break;
            case Op::Kind::move_share:
                if (op.target == row) return false;  // another row read into the chain
                if (on_row(op)) steps.push_back({op.player, 1.0 - op.value, 0.0, 1.0, 0.0, i});
                break;
            case Op::Kind::remove:
            case Op::Kind::move_amount:
                if (op.target == row) return false;
                if (!on_row(op)) break;
                if (op.src.size() != 1) return false;  // taken in proportion from several rows: not affine
                steps.push_back({op.player, 1.0, -op.value, 1.0, 0.0, i});
                break;
            case Op::Kind::add:
                if (op.target == row) steps.push_back({op.player, 1.0, op.value, 1.0, 0.0, i});
                break;
            case Op::Kind::factor_scale:
            case Op::Kind::factor_set: return false;
        }
    }
    if (term_game) {  // the term: what its op moves out of the chain into the row valued; nothing without it
        const Op& op = program[end];
        if (op.kind == Op::Kind::move_share) steps.push_back({op.player, op.value * op.mult.front(), 0.0, 0.0, 0.0});
        else if (op.kind == Op::Kind::move_amount) {
            steps.push_back({op.player, 1.0, -op.value});  // only to check that the take never falls short
            steps.push_back({op.player, 0.0, op.target_amount, 0.0, 0.0});
        } else {
            return false;
        }
    }
    // Never asked for more than the chain holds, in any coalition: the least
    // the row can hold before each step covers every fixed amount taken.
    double least = start[row];
    if (least < 0.0) return false;
    for (const Step& s : steps) {
        if (s.a1 < 0.0) return false;
        if (s.b1 < 0.0 && least < -s.b1) return false;
        least = std::min(least, s.a1 * least + s.b1);
    }
    if (term_game && program[end].kind == Op::Kind::move_amount) {
        // The check step taken out again: the term itself is ta, fixed.
        const Step gain = steps.back();
        steps.pop_back();
        steps.back() = gain;
    }
    return true;
}

}  // namespace

bool chain_shapley(const std::vector<Op>& program, const std::vector<Op>& factors, const std::vector<double>& start,
                   double intensity, std::size_t players, bool term_game, std::vector<double>& out) {
    std::vector<Step> steps;
    std::size_t row = 0;
    if (!chain_of(program, start, term_game, steps, row)) return false;
    const double y0 = start[row];

    // Each measure's factor ops as one map; a measure with several ops only
    // where all factor ops commute (all reductions), else order matters.
    std::vector<Tri> block(players);
    std::vector<std::size_t> first_factor(players, kNone), count(players, 0);
    bool any_set = false;
    for (std::size_t i = 0; i < factors.size(); ++i) {
        const Op& f = factors[i];
        any_set = any_set || f.kind == Op::Kind::factor_set;
        if (first_factor[f.player] == kNone) first_factor[f.player] = i;
        ++count[f.player];
        const double m = f.kind == Op::Kind::factor_scale ? 1.0 - f.value : 1.0 - f.phase;
        const double c = f.kind == Op::Kind::factor_scale ? 0.0 : f.phase * f.value;
        Tri& b = block[f.player];  // this op after the earlier ones: I → m·(p·I + q) + c
        b.q = m * b.q + c;
        b.p = m * b.p;
    }
    if (any_set)
        for (std::size_t c : count)
            if (c > 1) return false;

    // The measures that act here, those with factor ops in their order (the others commute with all).
    std::vector<std::size_t> order, local(players, kNone);
    std::vector<char> acts(players, 0);
    for (const Step& s : steps) acts[s.player] = 1;
    for (std::size_t p = 0; p < players; ++p)
        if (acts[p] && first_factor[p] == kNone) order.push_back(p);
    std::vector<std::size_t> with_factor;
    for (std::size_t p = 0; p < players; ++p)
        if (first_factor[p] != kNone) with_factor.push_back(p);
    std::sort(with_factor.begin(), with_factor.end(),
              [&](std::size_t a, std::size_t b) { return first_factor[a] < first_factor[b]; });
    order.insert(order.end(), with_factor.begin(), with_factor.end());
    const std::size_t n = order.size();
    for (std::size_t j = 0; j < n; ++j) local[order[j]] = j;
    out.assign(players, 0.0);
    if (n == 0) return true;

    // Sources of y: the start, then each step with a fixed amount; for each,
    // the product of the later steps' a per measure, in (α1) and out (α0).
    struct Source {
        double coefficient;
        std::size_t owner;  // local index, kNone for the start
        double b1, b0;
        std::vector<double> alpha1, alpha0;
    };
    std::vector<Source> sources;
    std::vector<double> alpha1(n, 1.0), alpha0(n, 1.0);
    for (std::size_t i = steps.size(); i-- > 0;) {
        const Step& s = steps[i];
        const std::size_t j = local[s.player];
        if (s.b1 != 0.0 || s.b0 != 0.0) sources.push_back({1.0, j, s.b1, s.b0, alpha1, alpha0});
        alpha1[j] *= s.a1;
        alpha0[j] *= s.a0;
    }
    sources.push_back({y0, kNone, 0.0, 0.0, alpha1, alpha0});

    // A run of sources with the same later steps (fixed amounts with no share between them, as a
    // plan's fixed savings all in the demand stage) differ only at their owners: the sum of their
    // terms is one pass per node with a "one owner's map replaced" vector carried alongside, instead
    // of a pass a source. Runs of kRun or more go that way, the rest one by one (in lanes) below.
    constexpr std::size_t kRun = 3;
    struct Run {
        std::vector<double> alpha1, alpha0;  // the run's shared α
        std::vector<double> cb1, cb0;        // per measure, Σ coefficient × b over the sources it owns
        double plain = 0.0;                  // Σ coefficient of the sources without an owner
        std::vector<std::size_t> active;     // the measures not the identity here (as for the blocks below)
    };
    std::vector<Run> runs;
    {
        std::vector<Source> all = std::move(sources);
        sources.clear();
        for (std::size_t i = 0; i < all.size();) {
            std::size_t e = i + 1;
            while (e < all.size() && all[e].alpha1 == all[i].alpha1 && all[e].alpha0 == all[i].alpha0) ++e;
            if (e - i < kRun) {
                for (std::size_t k = i; k < e; ++k) sources.push_back(std::move(all[k]));
            } else {
                Run run{
                    all[i].alpha1, all[i].alpha0, std::vector<double>(n, 0.0), std::vector<double>(n, 0.0), 0.0, {}};
                for (std::size_t k = i; k < e; ++k) {
                    const Source& src = all[k];
                    if (src.owner == kNone) {
                        run.plain += src.coefficient;
                    } else {
                        run.cb1[src.owner] += src.coefficient * src.b1;
                        run.cb0[src.owner] += src.coefficient * src.b0;
                    }
                }
                for (std::size_t j = 0; j < n; ++j) {
                    const Tri& f = block[order[j]];
                    if (f.p != 1.0 || f.q != 0.0 || run.alpha1[j] != 1.0 || run.alpha0[j] != 1.0 || run.cb1[j] != 0.0 ||
                        run.cb0[j] != 0.0)
                        run.active.push_back(j);
                }
                runs.push_back(std::move(run));
            }
            i = e;
        }
    }

    // Nodes and weights by size, computed once per thread.
    thread_local std::map<std::size_t, std::pair<std::vector<double>, std::vector<double>>> rules;
    auto& rule = rules[n / 2 + 1];
    if (rule.first.empty()) gauss_legendre(n / 2 + 1, rule.first, rule.second);
    const auto& nodes = rule.first;
    const auto& weights = rule.second;
    // Sources are taken four at a time, side by side: each source's passes are chains of dependent
    // multiplications, and independent sources fill the processor's waits. Per source and measure the
    // arithmetic and the order of the sums into phi are those of one source at a time.
    constexpr std::size_t L = 4;
    const std::size_t nsources = sources.size();
    const std::size_t nblocks = (nsources + L - 1) / L;
    // Each block's scalars, measure in and out (the same at every node), lane by lane.
    std::vector<double> in_all(nblocks * n * L), out_all(nblocks * n * L);
    for (std::size_t b = 0; b < nblocks; ++b) {
        const std::size_t first = b * L, lanes = std::min(L, nsources - first);
        for (std::size_t l = 0; l < L; ++l) {
            const Source& src = sources[first + std::min(l, lanes - 1)];  // a spare lane repeats the last
            for (std::size_t j = 0; j < n; ++j) {
                double i1 = src.alpha1[j];  // scalar before the measure's factor map, measure in
                double o1 = src.alpha0[j];
                if (j == src.owner) {
                    i1 *= src.b1;
                    o1 *= src.b0;
                }
                in_all[(b * n + j) * L + l] = i1;
                out_all[(b * n + j) * L + l] = o1;
            }
        }
    }
    // A measure with nothing on the chain after any of a block's sources, and no factor op, is the
    // identity there: it changes no one's value and gets none, so the block's passes leave it out
    // (as the identity it is, where (1 − t) + t would round). Crowded rows of fixed amounts taken in
    // proportion leave half their measures out of most sources.
    std::vector<std::size_t> active, active_from(nblocks + 1, 0);
    for (std::size_t b = 0; b < nblocks; ++b) {
        for (std::size_t j = 0; j < n; ++j) {
            const Tri& f = block[order[j]];
            bool acts_here = f.p != 1.0 || f.q != 0.0;
            for (std::size_t l = 0; l < L && !acts_here; ++l)
                acts_here = in_all[(b * n + j) * L + l] != 1.0 || out_all[(b * n + j) * L + l] != 1.0;
            if (acts_here) active.push_back(j);
        }
        active_from[b + 1] = active.size();
    }
    std::vector<double> phi(n, 0.0);
    std::vector<double> pre0(n * L), pre1(n * L), suf0(n * L), suf1(n * L);
    std::vector<Tri> mixed(n * L);
    std::vector<Tri> plain_map(n), owned_map(n);
    std::vector<double> v0s(n), v1s(n), u0s(n), u1s(n);
    for (std::size_t k = 0; k < nodes.size(); ++k) {
        const double t = nodes[k];
        for (const Run& run : runs) {
            // M_j the measure's expected map, B_j the same with its own sources' b (Σ c·b) in place of α.
            for (const std::size_t j : run.active) {
                const Tri& f = block[order[j]];
                const double i1 = run.alpha1[j], o1 = run.alpha0[j];
                plain_map[j] = {(1.0 - t) * o1 + t * i1 * f.p, t * i1 * f.q, (1.0 - t) * o1 + t * i1};
                const double ib = i1 * run.cb1[j], ob = o1 * run.cb0[j];
                owned_map[j] = {(1.0 - t) * ob + t * ib * f.p, t * ib * f.q, (1.0 - t) * ob + t * ib};
            }
            // Forward: v = (I, 1) through the measures before j; u = Σ over owners o < j of the same with B_o.
            double v0 = intensity, v1 = 1.0, u0 = 0.0, u1 = 0.0;
            for (const std::size_t j : run.active) {
                v0s[j] = v0, v1s[j] = v1, u0s[j] = u0, u1s[j] = u1;
                const Tri& m = plain_map[j];
                const Tri& b = owned_map[j];
                u0 = m.p * u0 + m.q * u1 + b.p * v0 + b.q * v1;
                u1 = m.r * u1 + b.r * v1;
                v0 = m.p * v0 + m.q * v1;
                v1 = m.r * v1;
            }
            // Backward: w = e_I through the measures after j; z = Σ over owners o > j with B_o.
            double w0 = 1.0, w1 = 0.0, z0 = 0.0, z1 = 0.0;
            for (std::size_t a = run.active.size(); a-- > 0;) {
                const std::size_t j = run.active[a];
                const Tri& f = block[order[j]];
                const double i1 = run.alpha1[j], o1 = run.alpha0[j];
                const double ib = i1 * run.cb1[j], ob = o1 * run.cb0[j];
                // D = out·1 − in·F on a column (x0, x1), then read by a row.
                auto apply_d = [&](double in, double out, double x0, double x1, double r0, double r1) {
                    return r0 * (out * x0 - in * (f.p * x0 + f.q * x1)) + r1 * (out * x1 - in * x1);
                };
                const double sum = run.plain * apply_d(i1, o1, v0s[j], v1s[j], w0, w1) +
                                   apply_d(i1, o1, u0s[j], u1s[j], w0, w1) + apply_d(i1, o1, v0s[j], v1s[j], z0, z1) +
                                   apply_d(ib, ob, v0s[j], v1s[j], w0, w1);
                phi[j] += weights[k] * sum;
                const Tri& m = plain_map[j];
                const Tri& b = owned_map[j];
                const double nz0 = z0 * m.p + w0 * b.p;
                const double nz1 = z0 * m.q + z1 * m.r + w0 * b.q + w1 * b.r;
                z0 = nz0, z1 = nz1;
                w1 = w0 * m.q + w1 * m.r;
                w0 = w0 * m.p;
            }
        }
        for (std::size_t first = 0; first < nsources; first += L) {
            const std::size_t lanes = std::min(L, nsources - first);
            const double* in = in_all.data() + (first / L) * n * L;
            const double* outp = out_all.data() + (first / L) * n * L;
            const std::size_t* act = active.data() + active_from[first / L];
            const std::size_t nact = active_from[first / L + 1] - active_from[first / L];
            for (std::size_t a = 0; a < nact; ++a) {
                const std::size_t j = act[a];
                const Tri& f = block[order[j]];
                for (std::size_t l = 0; l < L; ++l) {
                    const double i1 = in[j * L + l], o1 = outp[j * L + l];
                    mixed[j * L + l] = {(1.0 - t) * o1 + t * i1 * f.p, t * i1 * f.q, (1.0 - t) * o1 + t * i1};
                }
            }
            double v0[L], v1[L], w0[L], w1[L];
            for (std::size_t l = 0; l < L; ++l) {
                v0[l] = intensity;  // (I, 1) through the measures in order
                v1[l] = 1.0;
                w0[l] = 1.0;  // e_I through the later measures, from the end
                w1[l] = 0.0;
            }
            for (std::size_t a = 0; a < nact; ++a)
                for (std::size_t l = 0, j = act[a]; l < L; ++l) {
                    const Tri& x = mixed[j * L + l];
                    pre0[j * L + l] = v0[l];
                    pre1[j * L + l] = v1[l];
                    v0[l] = x.p * v0[l] + x.q * v1[l];
                    v1[l] = x.r * v1[l];
                }
            for (std::size_t a = nact; a-- > 0;)
                for (std::size_t l = 0, j = act[a]; l < L; ++l) {
                    const Tri& x = mixed[j * L + l];
                    suf0[j * L + l] = w0[l];
                    suf1[j * L + l] = w1[l];
                    w1[l] = w0[l] * x.q + w1[l] * x.r;
                    w0[l] = w0[l] * x.p;
                }
            for (std::size_t a = 0; a < nact; ++a) {
                const std::size_t j = act[a];
                // (out·1 − in·F) applied to the prefix, read by the suffix
                const Tri& f = block[order[j]];
                for (std::size_t l = 0; l < lanes; ++l) {
                    const std::size_t at = j * L + l;
                    const double scale = weights[k] * sources[first + l].coefficient;
                    const double d0 = outp[at] * pre0[at] - in[at] * (f.p * pre0[at] + f.q * pre1[at]);
                    const double d1 = outp[at] * pre1[at] - in[at] * pre1[at];
                    phi[j] += scale * (suf0[at] * d0 + suf1[at] * d1);
                }
            }
        }
    }
    for (std::size_t j = 0; j < n; ++j) out[order[j]] = phi[j];
    return true;
}

bool is_chain(const std::vector<Op>& program, const std::vector<double>& start) {
    std::vector<Step> steps;
    std::size_t row = 0;
    return chain_of(program, start, false, steps, row);
}

bool tap_shapley(const std::vector<Op>& program, const std::vector<std::size_t>& taps, const std::vector<double>& start,
                 double intensity, std::size_t players, std::vector<double>& out) {
    std::vector<Step> steps;
    std::size_t row = 0;
    if (!chain_of(program, start, false, steps, row)) return false;
    std::vector<char> is_tap(program.size(), 0);
    for (std::size_t i : taps) {
        const Op& op = program[i];
        if (op.kind != Op::Kind::move_share || op.src.size() != 1 || op.src.front() != 0) return false;
        is_tap[i] = 1;
    }
    std::vector<std::size_t> local(players, kNone), order;
    for (const Step& s : steps)
        if (local[s.player] == kNone) {
            local[s.player] = order.size();
            order.push_back(s.player);
        }
    const std::size_t n = order.size();
    out.assign(players, 0.0);
    if (n == 0) return true;
    // Sources of y: the start (before step 0) and each fixed amount (after its step).
    std::vector<std::size_t> sources{kNone};
    for (std::size_t i = 0; i < steps.size(); ++i)
        if (steps[i].b1 != 0.0) sources.push_back(i);
    // For one source, measure q's scalar on the path so far is A1_q in, A0_q out (the source's own
    // measure: its amount b in, nothing out); g_q = (1 − t)·A0_q + t·A1_q. A tap o of measure p moves
    // E_o = v·c·y_s·t·A1_p·Π_{q≠p} g_q; f(x_i = 0) − f(x_i = 1) is E_o·(A0_i − A1_i)/g_i for i ≠ p
    // and −E_o/t for p. The first is summed lazily: (A0_i − A1_i)/g_i changes only at i's own steps,
    // so each measure takes the running Σ E_o between its steps. O(steps) a source and node.
    thread_local std::map<std::size_t, std::pair<std::vector<double>, std::vector<double>>> rules;
    auto& rule = rules[n / 2 + 1];
    if (rule.first.empty()) gauss_legendre(n / 2 + 1, rule.first, rule.second);
    // Sources are taken four at a time, side by side, as in chain_shapley: each source's sweep is one chain
    // of dependent multiplications and divisions, and independent sources fill the processor's waits. Per
    // source the order of the sums into phi is that of one source at a time.
    constexpr std::size_t L = 4;
    const std::size_t nsources = sources.size();
    // spread = (A0 − A1)/g and inv = 1/g are kept beside g: one division a step.
    std::vector<double> phi(n, 0.0), a1(n * L), a0(n * L), g(n * L), inv(n * L), spread(n * L), since(n * L),
        part(n * L);
    for (std::size_t k = 0; k < rule.first.size(); ++k) {
        const double t = rule.first[k], w = rule.second[k], inv_t = 1.0 / t;
        for (std::size_t block = 0; block < nsources; block += L) {
            const std::size_t lanes = std::min(L, nsources - block);
            for (std::size_t i = 0; i < n; ++i)
                for (std::size_t l = 0, at = i * L; l < lanes; ++l, ++at) {
                    a1[at] = a0[at] = g[at] = inv[at] = 1.0;
                    spread[at] = since[at] = part[at] = 0.0;
                }
            double all[L], sum[L], y[L];               // Π_q g_q; Σ E_o so far; the source's amount
            std::size_t first[L];                      // its first step after the source
            for (std::size_t l = 0; l < lanes; ++l) {  // a block short of L sources leaves its spare lanes idle
                const std::size_t src = sources[block + l];
                all[l] = 1.0;
                sum[l] = 0.0;
                y[l] = start[0] * intensity;
                first[l] = 0;
                if (src != kNone) {
                    const Step& s = steps[src];
                    const std::size_t p = local[s.player] * L + l;
                    y[l] = intensity;
                    a1[p] = s.b1;
                    a0[p] = s.b0;
                    g[p] = (1.0 - t) * a0[p] + t * a1[p];
                    inv[p] = 1.0 / g[p];
                    spread[p] = (a0[p] - a1[p]) * inv[p];
                    all[l] = g[p];
                    first[l] = src + 1;
                }
            }
            auto flush = [&](std::size_t at, std::size_t l) {
                part[at] += (sum[l] - since[at]) * spread[at];
                since[at] = sum[l];
            };
            for (std::size_t i = *std::min_element(first, first + lanes); i < steps.size(); ++i) {
                const Step& s = steps[i];
                const std::size_t p = local[s.player];
                const bool tap = is_tap[s.op];
                const double moves = tap ? program[s.op].value * program[s.op].mult.front() : 0.0;
                for (std::size_t l = 0; l < lanes; ++l) {
                    if (i < first[l]) continue;
                    const std::size_t at = p * L + l;
                    if (tap) {
                        const double e = moves * y[l] * t * a1[at] * all[l] * inv[at];
                        flush(at, l);
                        sum[l] += e;
                        part[at] -= e * inv_t + e * spread[at];  // its own tap: −E/t, not the spread
                    }
                    flush(at, l);
                    a1[at] *= s.a1;
                    a0[at] *= s.a0;
                    const double gp = (1.0 - t) * a0[at] + t * a1[at];
                    if (gp == 0.0 || g[at] == 0.0) return false;  // a share of 1: one term at a time
                    all[l] *= gp * inv[at];
                    g[at] = gp;
                    inv[at] = 1.0 / gp;
                    spread[at] = (a0[at] - a1[at]) * inv[at];
                }
            }
            for (std::size_t i = 0; i < n; ++i)
                for (std::size_t l = 0; l < lanes; ++l) {
                    flush(i * L + l, l);
                    phi[i] += w * part[i * L + l];
                }
        }
    }
    for (std::size_t j = 0; j < n; ++j) out[order[j]] = phi[j];
    return true;
}

}  // namespace klima::plan
