#include "affine_shapley.hpp"

#include "attribution.hpp"

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
                    double intensity, std::size_t players, std::vector<double>& out) {
    // One op a player, affine, and never asked for more than a row surely holds.
    std::vector<int> owned(players, 0);
    std::vector<double> removed(start.size(), 0.0), kept(start.size(), 1.0);
    for (const Op& op : program) {
        if (++owned[op.player] > 1) return false;
        const bool fixed_removal = op.kind == Op::Kind::remove || op.kind == Op::Kind::move_amount;
        if (fixed_removal && op.src.size() != 1) return false;
        if (fixed_removal) removed[op.src.front()] += op.value;
        if (op.kind == Op::Kind::scale || op.kind == Op::Kind::move_share)
            for (std::size_t k : op.src) kept[k] *= 1.0 - op.value;
    }
    for (const Op& f : factors)
        if (++owned[f.player] > 1) return false;
    for (std::size_t k = 0; k < start.size(); ++k)
        if (removed[k] > 0.0 && removed[k] > start[k] * kept[k]) return false;  // taking more can only help, not hurt

    const Layout at{start.size(), start.size(), start.size() + 1};
    std::vector<const Op*> order;
    for (const Op& op : program) order.push_back(&op);
    for (const Op& f : factors) order.push_back(&f);
    const std::size_t activity_ops = program.size();
    const auto w = shapley_weights(players);

    // Sums over the coalitions of the other players, with player i's op forced in or left out.
    auto run = [&](std::size_t i, bool with_i) {
        Sums sum(players, std::vector<double>(at.h + 1, 0.0));
        for (std::size_t k = 0; k < start.size(); ++k) sum[0][k] = start[k];
        sum[0][at.h] = 1.0;
        std::size_t reached = 0;  // largest coalition size so far
        for (std::size_t j = 0; j <= order.size(); ++j) {
            if (j == activity_ops)  // E = intensity × the row, before the factor changes
                for (auto& s : sum) s[at.e] = intensity * s[0];
            if (j == order.size()) break;
            const Op& op = *order[j];
            if (op.player == i) {
                if (with_i)
                    for (std::size_t t = 0; t <= reached; ++t) apply_sum(op, sum[t], at);
                continue;
            }
            // Coalitions with this op: those of size t − 1 before it, mapped by it.
            for (std::size_t t = std::min(reached + 1, players - 1); t >= 1; --t) {
                std::vector<double> in = sum[t - 1];
                apply_sum(op, in, at);
                for (std::size_t c = 0; c <= at.h; ++c) sum[t][c] += in[c];
            }
            reached = std::min(reached + 1, players - 1);
        }
        std::vector<double> v(players);
        for (std::size_t t = 0; t < players; ++t) v[t] = sum[t][at.e];
        return v;
    };
    out.assign(players, 0.0);
    for (std::size_t i = 0; i < players; ++i) {
        const auto without = run(i, false), with = run(i, true);
        for (std::size_t t = 0; t < players; ++t) out[i] += w[t] * (without[t] - with[t]);
    }
    return true;
}

}  // namespace klima::plan
