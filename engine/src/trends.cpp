#include "klima/trends.hpp"

namespace klima {

units::Ratio Trend::share(int year) const {
    if (path.empty() || year <= path.front().first) return path.empty() ? units::ratio(0.0) : path.front().second;
    for (std::size_t i = 1; i < path.size(); ++i) {
        const auto& [y1, s1] = path[i];
        if (year > y1) continue;
        const auto& [y0, s0] = path[i - 1];
        const double t = static_cast<double>(year - y0) / (y1 - y0);
        return units::ratio(s0.value() + t * (s1.value() - s0.value()));
    }
    return path.back().second;
}

}  // namespace klima
