#include "klima/activity.hpp"

#include <algorithm>
#include <unordered_map>

namespace klima {

Location ActivityRecord::at(std::string_view field) const {
    Location out = origin;
    if (!out.field.empty() && out.field.front() == '/') out.field.append("/").append(field);
    else out.field = std::string(field);
    return out;
}

std::vector<int> years_in(const ActivitySet& records) {
    std::vector<int> out;
    out.reserve(records.size());
    for (const auto& r : records) out.push_back(r.year);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

namespace {

bool same_amount(const std::optional<units::Amount>& a, const std::optional<units::Amount>& b) {
    if (!a || !b) return !a && !b;
    return a->index() == b->index() && std::visit([](auto x) { return x.value(); }, *a) ==
                                           std::visit([](auto x) { return x.value(); }, *b);
}

}  // namespace

void check_no_duplicates(const ActivitySet& records) {
    std::unordered_map<std::string, std::size_t> seen;
    seen.reserve(records.size());
    for (std::size_t i = 0; i < records.size(); ++i) {
        const auto& r = records[i];
        std::string key = std::to_string(r.year);
        for (const auto* part : {&r.sector, &r.subsector, &r.carrier, &r.source}) key.append("\x1f").append(*part);
        const auto [it, inserted] = seen.emplace(std::move(key), i);
        if (inserted) continue;
        const auto& first = records[it->second];
        const std::string where = to_string(first.origin);
        if (same_amount(first.amount, r.amount))
            throw Error(r.origin, "this row repeats " + where + " (same year, subsector, carrier, quantity and source)",
                        "delete one of the two; if both are real, give each its own source");
        throw Error(r.origin,
                    "this row conflicts with " + where +
                        ": same year, subsector, carrier and source, but another quantity or unit",
                    "keep the right one; if both are real, give each its own source");
    }
}

}  // namespace klima
