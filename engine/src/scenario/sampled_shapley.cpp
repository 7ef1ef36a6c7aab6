#include "sampled_shapley.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace klima::plan {

namespace {

// splitmix64 (Steele, Lea & Flood 2014): a small generator whose stream is the same on every platform.
struct Random {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }  // bias < n / 2^64
};

// Two-sided 99 % Student t quantiles by degrees of freedom (a table's smaller df: conservative).
double t99(std::size_t df) {
    static const std::pair<std::size_t, double> kTable[] = {
        {1, 63.657}, {2, 9.925},  {3, 5.841},  {4, 4.604},  {5, 4.032},  {6, 3.707},  {7, 3.499},  {8, 3.355},
        {9, 3.250},  {10, 3.169}, {15, 2.947}, {20, 2.845}, {30, 2.750}, {60, 2.660}, {120, 2.617}};
    double t = 2.576;
    for (const auto& [d, v] : kTable)
        if (df >= d) t = v;
    return df == 0 ? kTable[0].second : (df > 120 ? 2.576 : t);
}

}  // namespace

JointSample sampled_shapley(std::size_t m, std::size_t q, const CoalitionValues& values, double ops, std::uint64_t seed,
                            const std::vector<double>& targets, double max_work,
                            std::vector<std::vector<double>>& out) {
    JointSample res;
    res.bounds.assign(q, 0.0);
    out.assign(q, std::vector<double>(m, 0.0));
    std::vector<unsigned char> ends(2 * m, 0);
    std::fill(ends.begin() + static_cast<std::ptrdiff_t>(m), ends.end(), 1);
    std::vector<double> end_values(2 * q);
    values(ends.data(), 2, end_values.data());
    const double* none = end_values.data();  // v(∅) of each output
    const double* all = end_values.data() + q;
    res.work = 2.0 * ops;

    // A block: m cyclic shifts of one order when kMinBlocks of them fit the work, else an order and its reverse.
    const double per_order = static_cast<double>(m) * ops;
    const bool cyclic =
        m <= kMaxCyclic && static_cast<double>(kMinBlocks) * static_cast<double>(m) * per_order <= max_work;
    const std::size_t orders_per_block = cyclic ? m : 2;
    const double per_block = static_cast<double>(orders_per_block) * per_order;

    Random rng{seed};
    std::vector<std::size_t> base(m), order(m);
    std::iota(base.begin(), base.end(), std::size_t{0});
    // Per output o and measure i at o·m + i: this block's sum, the blocks' sums and sums of squares.
    std::vector<double> block(q * m), sum(q * m, 0.0), sum2(q * m, 0.0), half(q * m, 0.0);
    std::size_t blocks = 0;
    std::vector<unsigned char> in(m), coalitions(orders_per_block * (m - 1) * m);
    std::vector<double> valued(orders_per_block * (m - 1) * q);
    std::vector<std::size_t> orders(orders_per_block * m);
    while (true) {
        for (std::size_t i = m; i > 1; --i) std::swap(base[i - 1], base[rng.below(i)]);  // Fisher–Yates
        std::fill(block.begin(), block.end(), 0.0);
        // The block's coalitions (each order's first m − 1 prefixes), valued together, then its
        // marginal contributions in the same order as one at a time.
        for (std::size_t r = 0; r < orders_per_block; ++r) {
            for (std::size_t j = 0; j < m; ++j)
                order[j] = cyclic ? base[(j + r) % m] : (r == 0 ? base[j] : base[m - 1 - j]);
            std::fill(in.begin(), in.end(), 0);
            for (std::size_t j = 0; j + 1 < m; ++j) {
                in[order[j]] = 1;
                std::copy(in.begin(), in.end(),
                          coalitions.begin() + static_cast<std::ptrdiff_t>((r * (m - 1) + j) * m));
            }
            std::copy(order.begin(), order.end(), orders.begin() + static_cast<std::ptrdiff_t>(r * m));
        }
        values(coalitions.data(), orders_per_block * (m - 1), valued.data());
        for (std::size_t o = 0; o < q; ++o)
            for (std::size_t r = 0; r < orders_per_block; ++r) {
                double before = none[o];
                for (std::size_t j = 0; j < m; ++j) {
                    const double after = j + 1 == m ? all[o] : valued[(r * (m - 1) + j) * q + o];
                    block[o * m + orders[r * m + j]] += before - after;
                    before = after;
                }
            }
        res.work += per_block;
        res.orders += orders_per_block;
        ++blocks;
        for (std::size_t i = 0; i < q * m; ++i) {
            const double x = block[i] / static_cast<double>(orders_per_block);
            sum[i] += x;
            sum2[i] += x * x;
        }
        if (blocks < kMinBlocks) continue;
        const double b = static_cast<double>(blocks);
        bool met = true;
        for (std::size_t o = 0; o < q; ++o) {
            res.bounds[o] = 0.0;
            for (std::size_t i = o * m; i < (o + 1) * m; ++i) {
                const double mean = sum[i] / b;
                const double var = std::max(0.0, (sum2[i] - b * mean * mean) / (b - 1.0));
                half[i] = t99(blocks - 1) * std::sqrt(var / b);
                res.bounds[o] = std::max(res.bounds[o], half[i]);
            }
            met = met && res.bounds[o] <= targets[o];
        }
        if (met || res.work + per_block > max_work) break;
    }
    const double b = static_cast<double>(blocks);
    for (std::size_t o = 0; o < q; ++o) {
        auto& phi = out[o];
        const double* h = half.data() + o * m;
        double total = 0.0, weight = 0.0;
        for (std::size_t i = 0; i < m; ++i) {
            phi[i] = sum[o * m + i] / b;
            total += phi[i];
            weight += h[i] * h[i];
        }
        // Efficiency: what rounding left of v(∅) − v(all), in proportion to the variance (equally if none).
        const double residual = (none[o] - all[o]) - total;
        double largest = 0.0;
        for (std::size_t i = 0; i < m; ++i) {
            const double share = weight > 0.0 ? h[i] * h[i] / weight : 1.0 / static_cast<double>(m);
            phi[i] += residual * share;
            largest = std::max(largest, h[i] + std::abs(residual * share));
        }
        res.bounds[o] = largest;
    }
    return res;
}

SampleResult sampled_shapley(const Game& g, double ops, std::uint64_t seed, double target, double max_work,
                             std::vector<double>& out) {
    std::vector<unsigned char> in(g.players);
    const CoalitionValues one_by_one = [&](const unsigned char* coalitions, std::size_t count, double* values) {
        for (std::size_t c = 0; c < count; ++c) {
            std::copy_n(coalitions + c * g.players, g.players, in.begin());
            values[c] = g.value(in);
        }
    };
    std::vector<std::vector<double>> phi;
    const auto r = sampled_shapley(g.players, 1, g.values ? g.values : one_by_one, ops, seed, {target}, max_work, phi);
    out = std::move(phi.front());
    return {r.bounds.front(), r.work, r.orders};
}

}  // namespace klima::plan
