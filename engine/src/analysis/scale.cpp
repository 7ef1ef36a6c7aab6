#include "scale.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <type_traits>
#include <variant>

namespace klima::analysis {
namespace {

void scale_size(EffectSize& size, units::Ratio s) {
    size.share = size.share * s;
    if (size.amount) size.amount = units::scale(*size.amount, s);
}

void scale_effect(Effect& e, units::Ratio s) {
    std::visit(
        [&](auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, FactorChange>) {
                if (x.reduction) x.reduction = *x.reduction * s;
            } else {
                scale_size(x.size, s);
            }
        },
        e);
}

// The share at full effect of a share-sized effect or a factor reduction; 0 otherwise.
double full_share(const Effect& e) {
    return std::visit(
        [](const auto& x) -> double {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, FactorChange>) {
                return x.reduction ? x.reduction->value() : 0.0;
            } else {
                if (x.size.basis != EffectSize::Basis::share) return 0.0;
                return x.size.share_at(units::ratio(1.0)).value();
            }
        },
        e);
}

// The rows a share-sized effect acts on, in words.
std::string rows_of(const Effect& e) {
    return std::visit(
        [](const auto& x) -> std::string {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, FactorChange> || std::is_same_v<T, Reduce>) {
                return x.rows.describe();
            } else if constexpr (std::is_same_v<T, Switch>) {
                return x.from.describe();
            } else {
                return x.row.describe();
            }
        },
        e);
}

}  // namespace

std::string share_limiter(const ScenarioSpec& spec, const std::vector<std::size_t>& which) {
    double largest = 0.0;
    std::string out;
    for (std::size_t j : which) {
        const auto& m = spec.measures.at(j);
        for (std::size_t e = 0; e < m.effects.size(); ++e) {
            const double share = full_share(m.effects[e]);
            if (share <= largest) continue;
            largest = share;
            const long pct = std::lround(100.0 * share);
            out = "measure '" + m.id + "', effect " + std::to_string(e + 1) + ": " +
                  std::string(effect_op(m.effects[e])) + " of " + rows_of(m.effects[e]) + ", " + std::to_string(pct) +
                  " % at the planned size";
        }
    }
    return out;
}

ScenarioSpec scaled(const ScenarioSpec& spec, const std::vector<units::Ratio>& scale) {
    ScenarioSpec out = spec;
    for (std::size_t j = 0; j < out.measures.size() && j < scale.size(); ++j)
        for (auto& e : out.measures[j].effects) scale_effect(e, scale[j]);
    return out;
}

units::Ratio share_cap(const ScenarioSpec& spec, const std::vector<std::size_t>& which, units::Ratio limit) {
    double largest = 0.0;
    for (std::size_t j : which)
        for (const auto& e : spec.measures.at(j).effects) largest = std::max(largest, full_share(e));
    if (largest <= 0.0) return limit;
    return units::ratio(std::min(limit.value(), 1.0 / largest));
}

}  // namespace klima::analysis
