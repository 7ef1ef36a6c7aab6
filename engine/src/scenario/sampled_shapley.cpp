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

SampleResult sampled_shapley(const Game& g, double ops, std::uint64_t seed, double target, double max_work,
                             std::vector<double>& out) {
    const std::size_t m = g.players;
    SampleResult res;
    out.assign(m, 0.0);
    std::vector<unsigned char> in(m, 0);
    const double none = g.value(in);
    std::fill(in.begin(), in.end(), 1);
    const double all = g.value(in);
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
    std::vector<double> block(m), sum(m, 0.0), sum2(m, 0.0);
    std::size_t blocks = 0;
    std::vector<double> half(m, 0.0);
    std::vector<unsigned char> coalitions(orders_per_block * (m - 1) * m);
    std::vector<double> values(orders_per_block * (m - 1));
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
        const std::size_t count = orders_per_block * (m - 1);
        if (g.values) {
            g.values(coalitions.data(), count, values.data());
        } else {
            for (std::size_t c = 0; c < count; ++c) {
                std::copy_n(coalitions.begin() + static_cast<std::ptrdiff_t>(c * m), m, in.begin());
                values[c] = g.value(in);
            }
        }
        for (std::size_t r = 0; r < orders_per_block; ++r) {
            double before = none;
            for (std::size_t j = 0; j < m; ++j) {
                const double after = j + 1 == m ? all : values[r * (m - 1) + j];
                block[orders[r * m + j]] += before - after;
                before = after;
            }
        }
        res.work += per_block;
        res.orders += orders_per_block;
        ++blocks;
        for (std::size_t i = 0; i < m; ++i) {
            const double x = block[i] / static_cast<double>(orders_per_block);
            sum[i] += x;
            sum2[i] += x * x;
        }
        if (blocks < kMinBlocks) continue;
        const double b = static_cast<double>(blocks);
        res.bound = 0.0;
        for (std::size_t i = 0; i < m; ++i) {
            const double mean = sum[i] / b;
            const double var = std::max(0.0, (sum2[i] - b * mean * mean) / (b - 1.0));
            half[i] = t99(blocks - 1) * std::sqrt(var / b);
            res.bound = std::max(res.bound, half[i]);
        }
        if (res.bound <= target || res.work + per_block > max_work) break;
    }
    const double b = static_cast<double>(blocks);
    double total = 0.0, weight = 0.0;
    for (std::size_t i = 0; i < m; ++i) {
        out[i] = sum[i] / b;
        total += out[i];
        weight += half[i] * half[i];
    }
    // Efficiency: what rounding left of v(∅) − v(all), in proportion to the variance (equally if none).
    const double residual = (none - all) - total;
    double largest = 0.0;
    for (std::size_t i = 0; i < m; ++i) {
        const double share = weight > 0.0 ? half[i] * half[i] / weight : 1.0 / static_cast<double>(m);
        out[i] += residual * share;
        largest = std::max(largest, half[i] + std::abs(residual * share));
    }
    res.bound = largest;
    return res;
}

}  // namespace klima::plan
