// The Monte Carlo's generator (engine/src/analysis/draw_generator.hpp): the
// numbers of std::mt19937_64, whose first output the C++ standard fixes, made
// as they are used; and the multipliers of each distribution at known bits.
#include "analysis/draw_generator.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <random>

using namespace klima;
using Catch::Detail::Approx;

TEST_CASE("Draw generator: the standard's check value, the 10000th number of the default seed") {
    // [rand.predef]: the 10000th consecutive invocation of a default-constructed mt19937_64 (seed 5489)
    // produces 9981545732273789042.
    analysis::DrawGenerator g(5489);
    std::uint64_t x = 0;
    for (int i = 0; i < 10000; ++i) x = g();
    CHECK(x == 9981545732273789042ULL);
}

TEST_CASE("Draw generator: std::mt19937_64's sequence for any seed, across several rounds of the state") {
    for (std::uint64_t seed : {0ULL, 1ULL, 0x9e3779b97f4a7c15ULL, ~0ULL}) {
        analysis::DrawGenerator lazy(seed);
        std::mt19937_64 reference(seed);
        int differ = 0;
        for (int i = 0; i < 1000; ++i) differ += lazy() != reference();  // 1000 > 3 × 312 words
        CHECK(differ == 0);
    }
}

TEST_CASE("Draw generator: a distribution's multiplier at known bits") {
    // u = (bits >> 11 + 0.5) · 2⁻⁵³: bits 2⁶³ give u = (2⁵² + 0.5) / 2⁵³, a hair above 0.5.
    const std::uint64_t half = std::uint64_t{1} << 63;
    const double u = (4503599627370496.0 + 0.5) / 9007199254740992.0;
    Distribution uniform{Distribution::Kind::uniform, 0.9, 1.1, 1.0};
    CHECK(analysis::multiplier_at(uniform, half) == Approx(0.9 + u * 0.2));  // ≈ 1.0
    Distribution normal{Distribution::Kind::normal, 0.05, 1.0, 1.0};
    CHECK(analysis::multiplier_at(normal, half) == Approx(1.0).margin(1e-12));  // Φ⁻¹(½) = 0
    Distribution triangular{Distribution::Kind::triangular, 0.8, 1.0, 1.4};
    // f = (1 − 0.8) / (1.4 − 0.8) = 1/3 < u: 1.4 − √((1 − u) · 0.6 · 0.4) = 1.4 − √0.12 ≈ 1.0536
    CHECK(analysis::multiplier_at(triangular, half) == Approx(1.4 - std::sqrt(0.12)).epsilon(1e-9));
    // Distribution::draw is the multiplier at the generator's next number.
    std::mt19937_64 a(3), b(3);
    CHECK(normal.draw(a) == analysis::multiplier_at(normal, b()));
}
