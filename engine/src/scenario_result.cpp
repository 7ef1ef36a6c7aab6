#include "klima/scenario_result.hpp"

#include <algorithm>

namespace klima {

std::vector<ThemeResult> themes_of(const ScenarioResult& r) {
    std::vector<ThemeResult> out;
    for (std::size_t i = 0; i < r.measures.size(); ++i) {
        const auto& m = r.measures[i];
        auto it = std::find_if(out.begin(), out.end(), [&](const ThemeResult& t) { return t.theme == m.theme; });
        if (it == out.end()) {
            out.push_back({m.theme, {}, m.effect - m.effect, units::Money{}});
            it = out.end() - 1;
        }
        it->measures.push_back(i);
        it->effect += m.effect;
        it->cost += m.cost;
    }
    return out;
}

bool names_themes(const std::vector<ThemeResult>& themes) {
    return themes.size() > 1 || (themes.size() == 1 && !themes.front().theme.empty());
}

}  // namespace klima
