#include "statistics.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <utility>

namespace klima::analysis::stats {
namespace {

// The bits of x as an unsigned integer in the order of the doubles: the sign bit flipped for a positive
// number, every bit for a negative one (so −0.0 comes just before 0.0).
std::uint64_t orderable(double x) {
    const auto bits = std::bit_cast<std::uint64_t>(x);
    return (bits >> 63) != 0 ? ~bits : bits | (std::uint64_t{1} << 63);
}

}  // namespace

std::vector<double> quantiles(std::vector<double>& values, const std::vector<double>& qs) {
    // Selection instead of a sort: each order statistic asked for is placed by std::nth_element on what
    // lies after the last one placed. The quantiles ask in ascending order, and a quantile's ⌊h⌋ is either
    // past the last placed or is one of the two the previous quantile placed, so every value read is the
    // order statistic a sort would have put there.
    std::size_t placed = 0;  // values[0, placed) are no greater than values[placed, n)
    auto order_statistic = [&](std::size_t p) {
        if (p >= placed) {
            std::nth_element(values.begin() + static_cast<std::ptrdiff_t>(placed),
                             values.begin() + static_cast<std::ptrdiff_t>(p), values.end());
            placed = p + 1;
        }
        return values[p];
    };
    std::vector<double> out;
    out.reserve(qs.size());
    for (double q : qs) {
        const double h = (values.size() - 1) * q;
        const auto lo = static_cast<std::size_t>(std::floor(h));
        const auto hi = std::min(lo + 1, values.size() - 1);
        const double low = order_statistic(lo), high = order_statistic(hi);
        out.push_back(low + (h - lo) * (high - low));
    }
    return out;
}

std::vector<double> ranks(const std::vector<double>& values) {
    // A least-significant-digit radix sort of the orderable bits, a byte a pass, skipping a byte every value
    // shares (the sign and exponent of multipliers near 1): a comparison sort of 1,000 draws mispredicts
    // about every other branch, and ranking the report's 85 inputs was a tenth of a report's CPU.
    const std::size_t n = values.size();
    std::vector<std::uint64_t> key(n), key_to(n);
    std::vector<std::size_t> at(n), at_to(n);  // at[i]: the index in `values` of the i-th smallest so far
    std::array<std::array<std::size_t, 256>, 8> count{};
    for (std::size_t i = 0; i < n; ++i) {
        key[i] = orderable(values[i]);
        at[i] = i;
        for (std::size_t d = 0; d < 8; ++d) ++count[d][(key[i] >> (8 * d)) & 0xff];
    }
    for (std::size_t d = 0; d < 8 && n > 0; ++d) {
        auto& start = count[d];
        const auto shift = 8 * d;
        if (start[(key[0] >> shift) & 0xff] == n) continue;  // every value has this byte
        std::size_t sum = 0;
        for (auto& c : start) sum += std::exchange(c, sum);
        for (std::size_t i = 0; i < n; ++i) {
            const auto to = start[(key[i] >> shift) & 0xff]++;
            key_to[to] = key[i];
            at_to[to] = at[i];
        }
        key.swap(key_to);
        at.swap(at_to);
    }
    std::vector<double> r(n);
    for (std::size_t i = 0; i < n;) {  // ties share their mean rank
        std::size_t j = i;
        while (j + 1 < n && values[at[j + 1]] == values[at[i]]) ++j;
        for (std::size_t k = i; k <= j; ++k) r[at[k]] = 0.5 * (i + j);
        i = j + 1;
    }
    return r;
}

double spearman(const std::vector<double>& x, const std::vector<double>& ry) {
    const auto rx = ranks(x);
    const double n = static_cast<double>(x.size()), m = (n - 1) / 2;
    double sxy = 0, sxx = 0, syy = 0;
    for (std::size_t i = 0; i < rx.size(); ++i) {
        sxy += (rx[i] - m) * (ry[i] - m);
        sxx += (rx[i] - m) * (rx[i] - m);
        syy += (ry[i] - m) * (ry[i] - m);
    }
    return sxx > 0 && syy > 0 ? sxy / std::sqrt(sxx * syy) : 0.0;
}

}  // namespace klima::analysis::stats
