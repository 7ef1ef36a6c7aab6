#include "klima/taxonomy.hpp"
#include "klima/join.hpp"

#include <algorithm>

namespace klima {

bool Subsector::accepts_kind(units::AmountKind k) const {
    return std::find(accepts.begin(), accepts.end(), k) != accepts.end();
}

void Taxonomy::add(Subsector s) {
    if (find(s.sector, s.code))
        throw Error({}, "duplicate subsector " + s.sector + "/" + s.code, "keep one row per sector/subsector");
    subsectors_.push_back(std::move(s));
}

const Subsector* Taxonomy::find(std::string_view sector, std::string_view subsector) const {
    for (const auto& s : subsectors_)
        if (s.sector == sector && s.code == subsector) return &s;
    return nullptr;
}

const Subsector& Taxonomy::require(std::string_view sector, std::string_view subsector, const Location& where) const {
    if (const auto* s = find(sector, subsector)) return *s;
    try {
        first_subsector(sector);
    } catch (const Error& e) {
        Location at = where;
        at.field = "sector";
        throw Error(at, e.problem(), e.fix());
    }
    std::vector<std::string> codes;
    for (const auto& s : subsectors_)
        if (s.sector == sector) codes.push_back(s.code);
    const std::string list = join(codes, ", ");
    Location at = where;
    at.field = "subsector";
    throw Error(at, "unknown subsector '" + std::string(subsector) + "' in sector '" + std::string(sector) + "'",
                "use one of " + list);
}

const Subsector& Taxonomy::first_subsector(std::string_view sector) const {
    for (const auto& s : subsectors_)
        if (s.sector == sector) return s;
    throw Error({"", 0, "sector"}, "unknown sector '" + std::string(sector) + "'",
                "use one of " + join(sectors(), ", "));
}

std::vector<std::string> Taxonomy::sectors() const {
    std::vector<std::string> out;
    for (const auto& s : subsectors_)
        if (std::find(out.begin(), out.end(), s.sector) == out.end()) out.push_back(s.sector);
    return out;
}

}  // namespace klima
