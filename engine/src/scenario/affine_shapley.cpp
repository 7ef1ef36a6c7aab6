#include "affine_shapley.hpp"

#include "attribution.hpp"

#include <algorithm>
#include <bit>

namespace klima::plan {

namespace {

// Sums of states over all coalitions of each size: sum[t] holds, for the
// coalitions of t players, Σ state (local rows, then E, then the count of
// coalitions as the homogeneous coordinate). Every op is affine, so applying
// it to such a sum gives the sum of the states it maps.
using Sums = std::vector<std::vector<double>>;

struct Layout {
    std::size_t rows, e, h;  // number of rows; index of E; index of the coalition count
};

void apply_sum(const Op& op, std::vector<double>& y, const Layout& at) {
    const double h = y[at.h];
    switch (op.kind) {
        case Op::Kind::scale:
            for (std::size_t k : op.src) y[k] *= 1.0 - op.value;
            break;
        case Op::Kind::move_share:
            for (std::size_t i = 0; i < op.src.size(); ++i) {
                const double moved = y[op.src[i]] * op.value;
                y[op.src[i]] -= moved;
                y[op.target] += moved * op.mult[i];
            }
            break;
        case Op::Kind::remove: y[op.src.front()] -= op.value * h; break;
        case Op::Kind::move_amount:
            y[op.src.front()] -= op.value * h;
            y[op.target] += op.target_amount * h;
            break;
        case Op::Kind::add: y[op.target] += op.value * h; break;
        case Op::Kind::factor_scale: y[at.e] *= 1.0 - op.value; break;
        case Op::Kind::factor_set: y[at.e] = (1.0 - op.phase) * y[at.e] + op.phase * op.value * y[0]; break;
    }
}

}  // namespace

bool affine_shapley(const std::vector<Op>& program, const std::vector<Op>& factors, const std::vector<double>& start,
                    double intensity, std::size_t players, double max_work, std::vector<double>& out) {
    // Affine, and never asked for more than a row surely holds.
    std::vector<int> owned(players, 0);
    std::vector<double> removed(start.size(), 0.0), kept(start.size(), 1.0);
    for (const Op& op : program) {
        ++owned[op.player];
        const bool fixed_removal = op.kind == Op::Kind::remove || op.kind == Op::Kind::move_amount;
        if (fixed_removal && op.src.size() != 1) return false;
        if (fixed_removal) removed[op.src.front()] += op.value;
        if (op.kind == Op::Kind::scale || op.kind == Op::Kind::move_share)
            for (std::size_t k : op.src) kept[k] *= 1.0 - op.value;
    }
    for (const Op& f : factors) ++owned[f.player];
    for (std::size_t k = 0; k < start.size(); ++k)
        if (removed[k] > 0.0 && removed[k] > start[k] * kept[k]) return false;  // taking more can only help, not hurt
    // Measures with several ops here are enumerated (2^k); the others go through the size sums.
    std::vector<std::size_t> multi;
    for (std::size_t p = 0; p < players; ++p)
        if (owned[p] > 1) multi.push_back(p);
    if (multi.size() > kMaxEnumerated) return false;
    // Work: per subset of the multi-op measures, two runs per other measure, each ops × sizes.
    const double single = static_cast<double>(players - multi.size());
    const double work = static_cast<double>(std::size_t{1} << multi.size()) * (2.0 * single + 1.0) *
                        static_cast<double>(program.size() + factors.size()) * (single + 1.0);
    if (work > max_work) return false;

    const Layout at{start.size(), start.size(), start.size() + 1};
    std::vector<const Op*> order;
    for (const Op& op : program) order.push_back(&op);
    for (const Op& f : factors) order.push_back(&f);
    const std::size_t activity_ops = program.size();
    const auto w = shapley_weights(players);

    // Sums of v over the coalitions of the free players by size (index = how
    // many free players), the others forced in (mode 1) or left out (mode 2).
    std::vector<unsigned char> mode(players, 0);
    auto run = [&] {
        std::size_t free = 0;
        for (auto m : mode) free += m == 0;
        Sums sum(free + 1, std::vector<double>(at.h + 1, 0.0));
        for (std::size_t k = 0; k < start.size(); ++k) sum[0][k] = start[k];
        sum[0][at.h] = 1.0;
        std::size_t reached = 0;         // largest coalition of free players so far
        auto grow = [&](const Op* op) {  // with a free player: size t − 1 becomes t (op may be none)
            for (std::size_t t = std::min(reached + 1, free); t >= 1; --t) {
                std::vector<double> in = sum[t - 1];
                if (op) apply_sum(*op, in, at);
                for (std::size_t c = 0; c <= at.h; ++c) sum[t][c] += in[c];
            }
            reached = std::min(reached + 1, free);
        };
        for (std::size_t p = 0; p < players; ++p)  // a null player: in or out, the same states
            if (mode[p] == 0 && owned[p] == 0) grow(nullptr);
        for (std::size_t j = 0; j <= order.size(); ++j) {
            if (j == activity_ops)  // E = intensity × the row, before the factor changes
                for (auto& s : sum) s[at.e] = intensity * s[0];
            if (j == order.size()) break;
            const Op& op = *order[j];
            if (mode[op.player] == 1) {
                for (std::size_t t = 0; t <= reached; ++t) apply_sum(op, sum[t], at);
            } else if (mode[op.player] == 0) {  // a free player has one op
                grow(&op);
            }
        }
        std::vector<double> v(free + 1);
        for (std::size_t t = 0; t <= free; ++t) v[t] = sum[t][at.e];
        return v;
    };
    out.assign(players, 0.0);
    const std::size_t subsets = std::size_t{1} << multi.size();
    std::vector<std::vector<double>> plain(subsets);  // per subset R of `multi`, sums over the free players
    for (std::size_t r = 0; r < subsets; ++r) {
        std::size_t in_r = 0;
        for (std::size_t b = 0; b < multi.size(); ++b) {
            const bool in = (r >> b) & 1U;
            mode[multi[b]] = in ? 1 : 2;
            in_r += in;
        }
        plain[r] = run();
        for (std::size_t i = 0; i < players; ++i) {  // single-op players: with and without i, R fixed
            if (owned[i] > 1) continue;
            mode[i] = 2;
            const auto without = run();
            mode[i] = 1;
            const auto with = run();
            mode[i] = 0;
            for (std::size_t u = 0; u < without.size(); ++u) out[i] += w[in_r + u] * (without[u] - with[u]);
        }
    }
    for (std::size_t b = 0; b < multi.size(); ++b)  // multi-op players: R without j against R with j
        for (std::size_t r = 0; r < subsets; ++r) {
            if ((r >> b) & 1U) continue;
            const auto in_r = static_cast<std::size_t>(std::popcount(r));
            const auto& without = plain[r];
            const auto& with = plain[r | (std::size_t{1} << b)];
            for (std::size_t u = 0; u < without.size(); ++u) out[multi[b]] += w[in_r + u] * (without[u] - with[u]);
        }
    return true;
}

}  // namespace klima::plan
