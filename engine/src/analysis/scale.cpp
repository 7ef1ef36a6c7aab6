#include "scale.hpp"

#include <algorithm>
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

}  // namespace

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
