#include "klima/activity.hpp"

#include <algorithm>

namespace klima {

std::vector<int> years_in(const ActivitySet& records) {
    std::vector<int> out;
    out.reserve(records.size());
    for (const auto& r : records) out.push_back(r.year);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace klima
