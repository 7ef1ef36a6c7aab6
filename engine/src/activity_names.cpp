#include "klima/activity_names.hpp"
#include "klima/join.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace klima {

std::string fold_name(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    bool space = false;
    const auto put = [&](std::string_view s) {
        if (space && !out.empty()) out += ' ';
        space = false;
        out.append(s);
    };
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        if (c == ' ' || c == '_' || c == '-' || c == '\t') {
            space = true;
            continue;
        }
        if (c == 0xC3 && i + 1 < name.size()) {
            const auto d = static_cast<unsigned char>(name[i + 1]);
            const char* folded = nullptr;
            switch (d) {
                case 0xA6:
                case 0x86: folded = "ae"; break;  // æ Æ
                case 0xB8:
                case 0x98: folded = "oe"; break;  // ø Ø
                case 0xA5:
                case 0x85: folded = "aa"; break;  // å Å
                case 0xA9:
                case 0x89: folded = "e"; break;  // é É
                default: break;
            }
            if (folded) {
                put(folded);
                ++i;
                continue;
            }
        }
        const char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
        put(std::string_view(&lower, 1));
    }
    return out;
}

namespace {

struct Candidate {
    const std::string* code;
    std::string_view names[3];  // code, Danish name, English name
};

// The code `written` names among `candidates`: itself when it is a code, the
// one code whose code or names fold alike, or null when none. Throws at `at`
// when it names two.
const std::string* match(std::string_view written, const std::vector<Candidate>& candidates, const Location& at,
                         std::string_view what) {
    for (const auto& c : candidates)
        if (*c.code == written) return c.code;
    const std::string folded = fold_name(written);
    std::vector<const Candidate*> hits;
    for (const auto& c : candidates) {
        const bool hit = std::any_of(std::begin(c.names), std::end(c.names),
                                     [&](std::string_view n) { return !n.empty() && fold_name(n) == folded; });
        if (hit && std::none_of(hits.begin(), hits.end(), [&](const Candidate* h) { return *h->code == *c.code; }))
            hits.push_back(&c);
    }
    if (hits.empty()) return nullptr;
    if (hits.size() > 1)
        throw Error(at,
                    "'" + std::string(written) + "' names more than one " + std::string(what) + ": " +
                        join(hits, ", ",
                             [](const Candidate* h) {
                                 return *h->code + " (" + std::string(h->names[1]) + " / " + std::string(h->names[2]) +
                                        ")";
                             }),
                    "write the code of the one you mean");
    return hits.front()->code;
}

}  // namespace

bool resolve_display_names(ActivityRecord& r, const ReferenceData& ref) {
    const auto& tax = ref.taxonomy;
    if (tax.find(r.sector, r.subsector) && ref.carriers.find(r.carrier)) return false;  // codes: the common case
    const ActivityRecord before = r;
    {
        std::vector<Candidate> sectors;
        for (const auto& s : tax.subsectors())
            if (std::none_of(sectors.begin(), sectors.end(), [&](const Candidate& c) { return *c.code == s.sector; }))
                sectors.push_back({&s.sector, {s.sector, s.sector_da, s.sector_en}});
        if (const auto* code = match(r.sector, sectors, r.at("sector"), "sector")) r.sector = *code;
    }
    {
        std::vector<Candidate> subsectors;
        for (const auto& s : tax.subsectors())
            if (s.sector == r.sector) subsectors.push_back({&s.code, {s.code, s.name_da, s.name_en}});
        if (const auto* code = match(r.subsector, subsectors, r.at("subsector"), "subsector of " + r.sector))
            r.subsector = *code;
    }
    {
        std::vector<Candidate> carriers;
        for (const auto& c : ref.carriers.all()) carriers.push_back({&c.code, {c.code, c.name_da, c.name_en}});
        if (const auto* code = match(r.carrier, carriers, r.at("carrier"), "carrier")) r.carrier = *code;
    }
    return r.sector != before.sector || r.subsector != before.subsector || r.carrier != before.carrier;
}

CountedSubsectors::CountedSubsectors(const Taxonomy& taxonomy) {
    for (const auto& s : taxonomy.subsectors())
        if (!s.counts_also.empty()) {
            involved_.emplace_back(s.sector, s.code);
            for (const auto& also : s.counts_also) involved_.emplace_back(s.sector, also);
        }
}

bool CountedSubsectors::operator()(const ActivityRecord& r) const {
    return std::any_of(involved_.begin(), involved_.end(),
                       [&](const auto& p) { return p.second == r.subsector && p.first == r.sector; });
}

void add_counted_subsectors(ActivitySet& records, const Taxonomy& taxonomy) {
    const CountedSubsectors is_involved(taxonomy);
    if (!is_involved.any()) return;
    using Key = std::tuple<int, std::string, std::string, std::string>;  // year, sector, subsector, carrier
    std::map<Key, bool> present;
    for (const auto& r : records)
        if (is_involved(r)) present[{r.year, r.sector, r.subsector, r.carrier}] = true;
    if (present.empty()) return;
    const std::size_t n = records.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (!is_involved(records[i])) continue;
        const auto* sub = taxonomy.find(records[i].sector, records[i].subsector);
        if (!sub) continue;
        for (const auto& also : sub->counts_also) {
            const Key key{records[i].year, records[i].sector, also, records[i].carrier};
            if (present.count(key)) continue;
            present[key] = true;
            ActivityRecord copy = records[i];
            copy.subsector = also;
            records.push_back(std::move(copy));
        }
    }
}

}  // namespace klima
