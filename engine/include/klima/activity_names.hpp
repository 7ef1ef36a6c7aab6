// What an officer writes in an activity sheet, made into klima's codes: a
// sector, subsector or carrier given by its code or by its Danish or English
// display name from data/ (case and Danish letters forgiven), and one head
// count that the taxonomy counts in more than one subsector (enteric
// fermentation and manure). Knows nothing of file formats.
#pragma once

#include "klima/activity.hpp"
#include "klima/reference_data.hpp"

#include <string>
#include <string_view>

namespace klima {

// A name folded for forgiving comparison: ASCII letters lower-cased, æ/Æ →
// "ae", ø/Ø → "oe", å/Å → "aa", é/É → "e", spaces and '_' and '-' runs → one
// space, leading and trailing space dropped. "Mængde", "MAENGDE" and "mængde"
// fold alike.
std::string fold_name(std::string_view name);

// Replaces a display name in `r` (sector, subsector, carrier) by its code.
// A code is kept as it is; a name that folds to no code and no name is kept
// too, for ReferenceData::validate to refuse with the codes it knows. Throws
// klima::Error at the record's field when a name matches more than one entry,
// naming them. True when it replaced a name.
bool resolve_display_names(ActivityRecord& r, const ReferenceData& ref);

// For every record whose subsector's taxonomy row lists `counts_also`
// subsectors (husdyr → goedning), adds a copy in each of those subsectors,
// unless a record of the same year, sector and carrier is already there: one
// head count feeds every source, and the old form with one row per source
// reads as before. Copies keep the origin (file and line) of their row. Only
// records of the subsectors involved are indexed.
void add_counted_subsectors(ActivitySet& records, const Taxonomy& taxonomy);

// Whether a record's subsector is involved in add_counted_subsectors: it lists
// `counts_also` subsectors, or is listed by one. Only such records decide the
// copies, so a reader that streams records keeps these and gives the copies
// after. Holds views into the taxonomy, which must outlive it.
class CountedSubsectors {
public:
    explicit CountedSubsectors(const Taxonomy& taxonomy);
    bool any() const { return !involved_.empty(); }
    bool operator()(const ActivityRecord& r) const;

private:
    std::vector<std::pair<std::string_view, std::string_view>> involved_;  // sector, subsector
};

}  // namespace klima
