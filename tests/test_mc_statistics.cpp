// The Monte Carlo's order statistics (engine/src/analysis/statistics.hpp):
// quantiles chosen by selection and ranks by a radix sort, against values
// worked out by hand and against the full sort they replace.
#include "analysis/statistics.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

using namespace klima::analysis;
using Catch::Detail::Approx;

namespace {

// The formula on sorted values, as the Monte Carlo computed it before selection (type 7).
double sorted_quantile(const std::vector<double>& sorted, double q) {
    const double h = (sorted.size() - 1) * q;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const auto hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

}  // namespace

TEST_CASE("Quantiles: five values interpolate between order statistics as type 7 does") {
    std::vector<double> v{5, 1, 4, 2, 3};
    const auto q = stats::quantiles(v, {0.05, 0.5, 0.95});
    REQUIRE(q.size() == 3);
    CHECK(q[0] == Approx(1.2));  // h = 4 × 0.05 = 0.2: 1 + 0.2 × (2 − 1)
    CHECK(q[1] == 3.0);          // h = 2: the middle value
    CHECK(q[2] == Approx(4.8));  // h = 3.8: 4 + 0.8 × (5 − 4)
}

TEST_CASE("Quantiles: one value, two values and the ends") {
    std::vector<double> one{7};
    CHECK(stats::quantiles(one, {0.05, 0.5, 0.95}) == std::vector<double>{7, 7, 7});
    std::vector<double> two{3, 1};
    const auto q = stats::quantiles(two, {0.0, 0.5, 0.95, 1.0});
    CHECK(q[0] == 1.0);
    CHECK(q[1] == 2.0);          // h = 0.5: 1 + 0.5 × 2
    CHECK(q[2] == Approx(2.9));  // h = 0.95: 1 + 0.95 × 2
    CHECK(q[3] == 3.0);          // h = 1: the largest, no value after it
}

TEST_CASE("Quantiles: two quantiles sharing their order statistics read the ones already placed") {
    std::vector<double> v{50, 10, 40, 20, 30};
    // h = 4 × 0.25 = 1 and 4 × 0.3 = 1.2: both between the 2nd and 3rd smallest (20 and 30).
    const auto q = stats::quantiles(v, {0.25, 0.3});
    CHECK(q[0] == 20.0);
    CHECK(q[1] == Approx(22.0));  // 20 + 0.2 × 10
}

TEST_CASE("Quantiles: bit for bit those of a full sort, for 1,000 and 1,001 draws with ties") {
    std::mt19937_64 rng(5);
    std::normal_distribution<double> normal(1.0, 0.1);
    for (std::size_t n : {1000u, 1001u}) {
        std::vector<double> v(n);
        for (auto& x : v) x = std::round(normal(rng) * 200) / 200;  // steps of 0.005: many ties
        auto sorted = v;
        std::sort(sorted.begin(), sorted.end());
        const std::vector<double> qs{0.05, 0.5, 0.95};
        const auto q = stats::quantiles(v, qs);
        for (std::size_t i = 0; i < qs.size(); ++i) CHECK(q[i] == sorted_quantile(sorted, qs[i]));
    }
}

TEST_CASE("Ranks: ties share their mean rank, −0 ties with 0, negatives come first") {
    const std::vector<double> v{0.3, -1.0, 0.3, 2.0, -0.0, 0.0};
    // Sorted: −1 (rank 0); −0 and 0 (ranks 1 and 2, mean 1.5); 0.3 twice (ranks 3 and 4, mean 3.5); 2 (rank 5).
    CHECK(stats::ranks(v) == std::vector<double>{3.5, 0, 3.5, 5, 1.5, 1.5});
}

TEST_CASE("Ranks: values that differ only in the last bit or only in the exponent are ordered") {
    const double one = 1.0, below = std::nextafter(1.0, 0.0), above = std::nextafter(1.0, 2.0);
    const std::vector<double> v{1e300, above, -1e-300, one, below, -1e300, std::numeric_limits<double>::denorm_min()};
    // Ascending: −1e300 (0), −1e-300 (1), the smallest denormal (2), below 1 (3), 1 (4), above 1 (5), 1e300 (6).
    CHECK(stats::ranks(v) == std::vector<double>{6, 5, 1, 4, 3, 0, 2});
    CHECK(stats::ranks({}).empty());
    CHECK(stats::ranks({4.0, 4.0, 4.0}) == std::vector<double>{1, 1, 1});  // all tied: the mean of 0, 1, 2
}

TEST_CASE("Spearman: four pairs with one swap, and a constant variable") {
    // x ranks 0 1 2 3, y = 10 20 40 30 ranks 0 1 3 2; about the mean rank 1.5:
    // Σ dx·dy = 2.25 + 0.25 + 0.75 + 0.75 = 4, Σ dx² = Σ dy² = 2.25 + 0.25 + 0.25 + 2.25 = 5, ρ = 4 / 5
    // (= 1 − 6 Σd² / (n(n² − 1)) = 1 − 6 · 2 / 60).
    const auto ry = stats::ranks({10, 20, 40, 30});
    CHECK(stats::spearman({1, 2, 3, 4}, ry) == Approx(0.8));
    CHECK(stats::spearman({4, 3, 2, 1}, stats::ranks({1, 2, 3, 4})) == Approx(-1.0));
    CHECK(stats::spearman({2, 2, 2, 2}, ry) == 0.0);  // no spread in x: no correlation
}
