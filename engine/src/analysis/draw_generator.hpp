// Internal to the Monte Carlo: the random numbers of one draw. A draw seeds
// its own generator from (seed, draw index) and takes one number per
// uncertain input, about 85 for the Køge plan; std::mt19937_64 seeds all 312
// words of its state and twists all of them before its first number, most of
// a draw's random-number cost for numbers never used. DrawGenerator gives
// exactly std::mt19937_64's sequence for the same seed (Matsumoto and
// Nishimura 1998; the C++ standard's parameters), seeding and twisting each
// word only when a number needs it. Knows nothing of inputs or draws.
#pragma once

#include "klima/distribution.hpp"

#include <array>
#include <cstddef>
#include <cstdint>

namespace klima::analysis {

class DrawGenerator {
public:
    using result_type = std::uint64_t;
    explicit DrawGenerator(std::uint64_t seed) { x_[0] = seed; }

    // The next number of std::mt19937_64(seed). Not thread-safe: one generator a draw.
    std::uint64_t operator()() {
        if (next_ == kN) next_ = 0;
        const std::size_t k = next_++;
        // In place and in order, as the standard's twist: word k reads words k + 1 and k + m (wrapping
        // round to words already twisted), so those must be seeded first.
        const std::size_t k1 = k + 1 < kN ? k + 1 : 0, km = k + kM < kN ? k + kM : k + kM - kN;
        const std::size_t need = k + kM < kN ? k + kM : k + 1;
        for (; seeded_ <= need && seeded_ < kN; ++seeded_)
            x_[seeded_] = 6364136223846793005ULL * (x_[seeded_ - 1] ^ (x_[seeded_ - 1] >> 62)) + seeded_;
        const std::uint64_t y = (x_[k] & kUpper) | (x_[k1] & ~kUpper);
        x_[k] = x_[km] ^ (y >> 1) ^ ((y & 1) != 0 ? 0xb5026f5aa96619e9ULL : 0);
        std::uint64_t z = x_[k];  // tempered
        z ^= (z >> 29) & 0x5555555555555555ULL;
        z ^= (z << 17) & 0x71d67fffeda60000ULL;
        z ^= (z << 37) & 0xfff7eee000000000ULL;
        return z ^ (z >> 43);
    }

private:
    static constexpr std::size_t kN = 312, kM = 156;
    static constexpr std::uint64_t kUpper = ~std::uint64_t{0} << 31;
    std::array<std::uint64_t, kN> x_;  // words [0, seeded_) seeded; those before next_ twisted this round
    std::size_t seeded_ = 1, next_ = 0;
};

// The multiplier of `d` for 64 random bits: an inverse transform of one
// uniform u in (0, 1), the same numbers whatever the library
// (Distribution::draw is multiplier_at(d, rng())).
double multiplier_at(const Distribution& d, std::uint64_t bits);

}  // namespace klima::analysis
