#include "klima/targets.hpp"

#include "klima/error.hpp"

#include <cmath>
#include <cstdio>

namespace klima {

namespace {

std::string tonnes_text(units::Mass m) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", units::in_tonnes(m));
    return buf;
}

}  // namespace

std::string_view to_string(TargetScope s) {
    return s == TargetScope::incl_lulucf ? "territorial_incl_lulucf" : "territorial_excl_lulucf";
}

TargetPath::TargetPath(std::vector<std::pair<int, units::Mass>> anchors, int last_year)
    : anchors_(std::move(anchors)), last_year_(last_year) {
    if (anchors_.empty()) throw Error({}, "a target path needs at least one anchor year");
    for (std::size_t i = 1; i < anchors_.size(); ++i)
        if (anchors_[i].first <= anchors_[i - 1].first)
            throw Error({}, "target path anchor years must increase (" + std::to_string(anchors_[i - 1].first) +
                                " then " + std::to_string(anchors_[i].first) + ")");
    if (last_year_ < anchors_.back().first)
        throw Error({}, "target path ends (" + std::to_string(last_year_) + ") before its last anchor year (" +
                            std::to_string(anchors_.back().first) + ")");
}

units::Mass TargetPath::at(int year) const {
    if (!has_year(year))
        throw Error({}, "year " + std::to_string(year) + " is outside the target path " + std::to_string(first_year()) +
                            "–" + std::to_string(last_year_));
    for (std::size_t i = 1; i < anchors_.size(); ++i) {
        const auto& [y0, m0] = anchors_[i - 1];
        const auto& [y1, m1] = anchors_[i];
        if (year <= y1) {
            const double t = static_cast<double>(year - y0) / (y1 - y0);
            return m0 + (m1 - m0) * units::ratio(t);
        }
    }
    // After the last anchor (the neutrality year) the path stays at its level.
    return anchors_.back().second;
}

units::Mass TargetPath::cumulative(int from, int to) const {
    units::Mass sum = units::kilograms(0.0);
    for (int y = from; y <= to; ++y) sum += at(y);
    return sum;
}

std::optional<units::Mass> emissions_in(const TargetSet& targets, const EmissionsByYear& known, int year) {
    if (const auto it = known.find(year); it != known.end()) return it->second;
    if (const auto it = targets.stated_emissions.find(year); it != targets.stated_emissions.end()) return it->second;
    return std::nullopt;
}

TargetPath target_path(const TargetSet& targets, const EmissionsByYear& known, int last_year) {
    const auto level = [&](int year, const std::string& json_path) {
        const auto e = emissions_in(targets, known, year);
        if (!e)
            throw Error({targets.file, 0, json_path},
                        "no emissions known for " + std::to_string(year) + ", which the target path needs",
                        "add activity data for " + std::to_string(year) +
                            " or a reference_emissions entry for it (with its source) to the targets file");
        return *e;
    };
    std::vector<std::pair<int, units::Mass>> anchors;
    anchors.emplace_back(targets.reference_year, level(targets.reference_year, "/reference_year"));
    for (std::size_t i = 0; i < targets.interim.size(); ++i) {
        const auto& t = targets.interim[i];
        const std::string at = "/interim_targets/" + std::to_string(i) + "/against_year";
        const auto base = level(t.against_year, at);
        const auto target = base * (units::ratio(1.0) - t.reduction);
        // A share cut of a net removal (Læsø's total is below 0) is a level above it: a path that allows more.
        if (base <= units::kilograms(0.0) && t.reduction > units::ratio(0.0))
            throw Error({targets.file, 0, at},
                        "the total in " + std::to_string(t.against_year) + " is " + tonnes_text(base) +
                            " t CO2e, a net removal; a cut of a share of it is " + tonnes_text(target) +
                            " t, more than in " + std::to_string(t.against_year) + ", not less",
                        "a reduction in % needs a year of net emissions: choose an against_year whose total is "
                        "above 0, or plan this municipality without percentage targets (klima national shows its "
                        "trend)");
        anchors.emplace_back(t.year, target);
    }
    anchors.emplace_back(targets.neutrality_year, units::kilograms(0.0));
    return TargetPath(std::move(anchors), last_year);
}

void require_same_municipality(const TargetSet& targets, const std::string& municipality,
                               const std::string& scenario_file) {
    if (targets.municipality == municipality || targets.municipality == kNationalTargets) return;
    throw Error({targets.file, 0, "/municipality"},
                "these targets are for '" + targets.municipality + "', but the scenario " + scenario_file +
                    " is for '" + municipality + "'",
                "give the targets file of '" + municipality + "' (data/targets/" + municipality +
                    ".json), the national targets (data/targets/national.json), or correct \"municipality\" in the "
                    "file that is wrong");
}

}  // namespace klima
