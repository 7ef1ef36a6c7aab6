// Counting actions by status across municipalities (klima/status/status_counts.hpp).
#include "klima/status/status_counts.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace klima::status {

namespace {

std::size_t index_of(ActionState s) {
    return static_cast<std::size_t>(std::find(kActionStates.begin(), kActionStates.end(), s) - kActionStates.begin());
}

}  // namespace

std::vector<YearCount> count_by_status(const std::vector<ExportedAction>& rows) {
    // year → municipality key → count; the key is the code, or the name when an export has none.
    std::map<int, std::map<std::string, MunicipalityCount>> by_year;
    std::set<std::tuple<int, std::string, std::string>> seen;  // year, municipality, action
    for (const auto& r : rows) {
        const auto key = r.municipality_code.empty() ? r.municipality : r.municipality_code;
        if (!seen.insert({r.year, key, r.action_id}).second)
            throw Error(r.origin,
                        "action '" + r.action_id + "' of " + key + " is counted twice for " + std::to_string(r.year),
                        "give each municipality's export once, one row per action");
        auto& m = by_year[r.year][key];
        if (m.file.empty()) {
            m.code = r.municipality_code;
            m.name = r.municipality;
            m.year = r.year;
            m.file = r.origin.file;
        } else if (m.file != r.origin.file) {
            throw Error(r.origin,
                        "municipality " + key + " has a " + std::to_string(r.year) + " export in " + m.file + " too",
                        "give each municipality's export for a year once");
        }
        ++m.actions;
        if (r.state) ++m.counts[index_of(*r.state)];
        else ++m.unreported;
    }
    std::vector<YearCount> out;
    for (auto& [year, municipalities] : by_year) {
        YearCount y;
        y.year = year;
        for (auto& [key, m] : municipalities) {
            y.actions += m.actions;
            y.unreported += m.unreported;
            for (std::size_t i = 0; i < m.counts.size(); ++i) y.counts[i] += m.counts[i];
            y.municipalities.push_back(std::move(m));
        }
        out.push_back(std::move(y));
    }
    return out;
}

}  // namespace klima::status
