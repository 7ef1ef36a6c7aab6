#include "klima/scenario_result.hpp"

#include "klima/error.hpp"

#include <algorithm>

namespace klima {

std::string_view to_string(YearKind k) {
    switch (k) {
        case YearKind::actual: return "actual";
        case YearKind::interpolated: return "interpolated";
        case YearKind::projected: return "projected";
    }
    return "?";
}

YearKind ScenarioResult::kind_of(int year) const {
    const int i = year - base_year;
    if (i < 0 || i >= static_cast<int>(year_kinds.size()))
        throw Error({},
                    "year " + std::to_string(year) + " is outside the scenario's years " + std::to_string(base_year) +
                        "–" + std::to_string(base_year + static_cast<int>(year_kinds.size()) - 1),
                    "ask for a year the scenario covers");
    return year_kinds[static_cast<std::size_t>(i)];
}

std::vector<YearSpan> year_spans(const ScenarioResult& r) {
    std::vector<YearSpan> out;
    for (std::size_t i = 0; i < r.year_kinds.size(); ++i) {
        const int year = r.base_year + static_cast<int>(i);
        if (!out.empty() && out.back().kind == r.year_kinds[i] && out.back().to == year - 1) out.back().to = year;
        else out.push_back({r.year_kinds[i], year, year});
    }
    return out;
}

units::Mass planned_cumulative(const MeasureResult& m) {
    units::Mass sum{};
    for (const auto& [year, effect] : m.planned) sum += effect;
    return sum;
}

std::optional<units::MoneyPerMass> cost_per_tonne(units::Money cost, units::Mass avoided) {
    if (avoided.value() <= 0.0) return std::nullopt;
    return units::MoneyPerMass(cost / avoided);
}

std::vector<ThemeResult> themes_of(const ScenarioResult& r) {
    std::vector<ThemeResult> out;
    for (std::size_t i = 0; i < r.measures.size(); ++i) {
        const auto& m = r.measures[i];
        auto it = std::find_if(out.begin(), out.end(), [&](const ThemeResult& t) { return t.theme == m.theme; });
        if (it == out.end()) {
            out.push_back({m.theme, {}, m.effect - m.effect, units::Money{}, units::Mass{}});
            it = out.end() - 1;
        }
        it->measures.push_back(i);
        it->effect += m.effect;
        it->cost += m.cost;
        it->planned_cumulative += planned_cumulative(m);
    }
    return out;
}

bool names_themes(const std::vector<ThemeResult>& themes) {
    return themes.size() > 1 || (themes.size() == 1 && !themes.front().theme.empty());
}

}  // namespace klima
