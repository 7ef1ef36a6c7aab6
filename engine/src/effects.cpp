#include "klima/effects.hpp"

#include <cmath>

namespace klima {

namespace {

template <class>
inline constexpr bool always_false = false;

bool fits(const std::string& pattern, std::string_view code) { return pattern == kAny || pattern == code; }

}  // namespace

bool RowSelector::matches(std::string_view s, std::string_view sub, std::string_view c) const {
    return fits(sector, s) && fits(subsector, sub) && fits(carrier, c);
}

std::string RowSelector::describe() const { return sector + "/" + subsector + " " + carrier; }

std::string RowKey::describe() const { return sector + "/" + subsector + " " + carrier; }

units::Ratio Uptake::units_reached() const { return units::ratio(units::si_value(quantity) / units::si_value(one)); }

units::Ratio EffectSize::share_at(units::Ratio phase) const {
    return uptake ? phase * share * uptake->units_reached() : phase * share;
}

units::Amount EffectSize::amount_at(units::Ratio phase) const {
    const units::Ratio k = uptake ? phase * uptake->units_reached() : phase;
    return units::scale(amount.value(), k);
}

std::string_view effect_op(const Effect& e) {
    return std::visit(
        [](const auto& x) -> std::string_view {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, Reduce>) return "reduce";
            else if constexpr (std::is_same_v<T, Switch>) return x.shift ? "shift" : "switch";
            else if constexpr (std::is_same_v<T, Add>) return "add";
            else if constexpr (std::is_same_v<T, FactorChange>) return "factor";
            else if constexpr (std::is_same_v<T, OwnRow>) return x.op;
            else static_assert(always_false<T>);
        },
        e);
}

int effect_stage(const Effect& e) {
    return std::visit(
        [](const auto& x) -> int {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, Reduce>) return 1;
            else if constexpr (std::is_same_v<T, Switch>) {
                if (x.shift) return 1;
                return x.size.basis == EffectSize::Basis::amount ? 2 : 3;
            } else if constexpr (std::is_same_v<T, Add>) return 2;
            else if constexpr (std::is_same_v<T, OwnRow>) return 4;
            else if constexpr (std::is_same_v<T, FactorChange>) return 5;
            else static_assert(always_false<T>);
        },
        e);
}

units::Ratio phase_in(int start_year, int full_effect_year, int year) {
    if (year < start_year) return units::ratio(0.0);
    if (year >= full_effect_year) return units::ratio(1.0);
    return units::ratio(static_cast<double>(year - start_year + 1) / (full_effect_year - start_year + 1));
}

units::Ratio PhaseIn::share(int year) const {
    switch (shape) {
        case Shape::linear: return phase_in(start_year, full_effect_year, year);
        case Shape::step: return units::ratio(year >= start_year ? 1.0 : 0.0);
        case Shape::s_curve: {
            if (year < start_year) return units::ratio(0.0);
            if (year >= full_effect_year) return units::ratio(1.0);
            const auto logistic = [&](double y) { return 1.0 / (1.0 + std::exp(-steepness * (y - midpoint))); };
            const double lo = logistic(start_year - 1), hi = logistic(full_effect_year);
            return units::ratio((logistic(year) - lo) / (hi - lo));
        }
        case Shape::table: {
            if (table.empty() || year < table.front().first) return units::ratio(0.0);
            for (std::size_t i = 1; i < table.size(); ++i) {
                const auto& [y1, s1] = table[i];
                if (year > y1) continue;
                const auto& [y0, s0] = table[i - 1];
                const double t = static_cast<double>(year - y0) / (y1 - y0);
                return units::ratio(s0.value() + t * (s1.value() - s0.value()));
            }
            return table.back().second;
        }
    }
    return units::ratio(0.0);
}

std::string_view to_string(PhaseIn::Shape s) {
    switch (s) {
        case PhaseIn::Shape::linear: return "linear";
        case PhaseIn::Shape::s_curve: return "s_curve";
        case PhaseIn::Shape::step: return "step";
        case PhaseIn::Shape::table: return "table";
    }
    return "?";
}

}  // namespace klima
