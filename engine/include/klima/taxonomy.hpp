// The sector taxonomy of Danish municipal climate accounts (DK2020), each
// subsector mapped to a GPC sector and scope. Loaded from data/taxonomy/.
#pragma once

#include "klima/error.hpp"
#include "klima/units.hpp"

#include <string>
#include <vector>

namespace klima {

// The sector whose removals totals are given with and without.
inline constexpr const char* kLulucfSector = "lulucf";

struct Subsector {
    std::string sector;  // "energi"
    std::string code;    // "fjernvarme"
    std::string sector_da, sector_en;
    std::string name_da, name_en;
    std::string gpc_ref;      // "I.1.2 I.2.2"
    std::string gpc_sector;   // "Stationary energy"
    int scope = 1;            // GPC scope 1, 2 or 3
    bool territorial = true;  // false: reported apart from the territorial total (byggeri)
    std::vector<units::AmountKind> accepts;
    std::string source;
    // Subsectors of the same sector that a count given here also feeds (husdyr:
    // goedning, one head count for enteric fermentation and manure); the
    // optional column counts_also, space-separated. add_counted_subsectors.
    std::vector<std::string> counts_also;

    bool accepts_kind(units::AmountKind k) const;
};

class Taxonomy {
public:
    void add(Subsector s);  // throws on a duplicate sector/subsector pair

    // nullptr when unknown.
    const Subsector* find(std::string_view sector, std::string_view subsector) const;
    // Throws klima::Error at `where` naming the known codes.
    const Subsector& require(std::string_view sector, std::string_view subsector, const Location& where) const;

    // The first subsector of `sector`: it carries the sector's names
    // (sector_da, sector_en) and whether it counts in the territorial total.
    // Throws klima::Error for an unknown sector.
    const Subsector& first_subsector(std::string_view sector) const;

    const std::vector<Subsector>& subsectors() const { return subsectors_; }
    std::vector<std::string> sectors() const;  // in file order, without repeats
    bool is_lulucf(std::string_view sector) const { return sector == kLulucfSector; }

private:
    std::vector<Subsector> subsectors_;
};

}  // namespace klima
