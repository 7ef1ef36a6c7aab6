#include "klima/activity.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>

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
    return a->index() == b->index() &&
           std::visit([](auto x) { return x.value(); }, *a) == std::visit([](auto x) { return x.value(); }, *b);
}

}  // namespace

void check_no_duplicates(const ActivitySet& records) {
    // A 64-bit hash of each key, sorted: 16 bytes a record instead of a copy
    // of every key; equal hashes are confirmed on the records themselves.
    const auto key_hash = [](const ActivityRecord& r) {
        std::size_t h = std::hash<int>{}(r.year);
        for (const auto* part : {&r.sector, &r.subsector, &r.carrier, &r.source})
            h = (h ^ std::hash<std::string>{}(*part)) * 0x100000001b3ull + 0x9e3779b97f4a7c15ull;
        return static_cast<std::uint64_t>(h);
    };
    const auto same_key = [](const ActivityRecord& a, const ActivityRecord& b) {
        return a.year == b.year && a.sector == b.sector && a.subsector == b.subsector && a.carrier == b.carrier &&
               a.source == b.source;
    };
    std::vector<std::pair<std::uint64_t, std::size_t>> keys;
    keys.reserve(records.size());
    for (std::size_t i = 0; i < records.size(); ++i) keys.emplace_back(key_hash(records[i]), i);
    std::sort(keys.begin(), keys.end());
    // The repeat that comes first in the file is reported, with the row it repeats.
    std::size_t first = records.size(), second = records.size();
    for (std::size_t a = 0; a < keys.size(); ++a)
        for (std::size_t b = a + 1; b < keys.size() && keys[b].first == keys[a].first; ++b)
            if (keys[b].second < second && same_key(records[keys[a].second], records[keys[b].second])) {
                first = keys[a].second;
                second = keys[b].second;
            }
    if (second == records.size()) return;
    const auto& r = records[second];
    const auto& earlier = records[first];
    const std::string where = to_string(earlier.origin);
    if (same_amount(earlier.amount, r.amount))
        throw Error(r.origin, "this row repeats " + where + " (same year, subsector, carrier, quantity and source)",
                    "delete one of the two; if both are real, give each its own source");
    throw Error(
        r.origin,
        "this row conflicts with " + where + ": same year, subsector, carrier and source, but another quantity or unit",
        "keep the right one; if both are real, give each its own source");
}

}  // namespace klima
