#include "draw_generator.hpp"

#include <boost/math/special_functions/erf.hpp>

#include <algorithm>
#include <cmath>

namespace klima::analysis {
namespace {

// The standard normal quantile: Φ⁻¹(u) = −√2 · erfc⁻¹(2u).
double normal_quantile(double u) { return -std::sqrt(2.0) * boost::math::erfc_inv(2.0 * u); }

}  // namespace

double multiplier_at(const Distribution& d, std::uint64_t bits) {
    using Kind = Distribution::Kind;
    // Inverse transforms of one uniform u (std:: distributions differ between libraries; these do not).
    const double u = (static_cast<double>(bits >> 11) + 0.5) * 0x1.0p-53;
    const double a = d.a, b = d.b, c = d.c;
    switch (d.kind) {
        case Kind::normal: return std::max(0.0, 1.0 + a * normal_quantile(u));  // sd ≤ 0.5: below 0 only past 2 sd
        case Kind::lognormal: return std::exp(a * normal_quantile(u));
        case Kind::triangular: {
            const double f = (b - a) / (c - a);
            return u < f ? a + std::sqrt(u * (c - a) * (b - a)) : c - std::sqrt((1 - u) * (c - a) * (c - b));
        }
        case Kind::uniform: return a + u * (b - a);
    }
    return 1.0;
}

}  // namespace klima::analysis
