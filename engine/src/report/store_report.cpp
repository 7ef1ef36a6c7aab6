#include "klima/report/store_report.hpp"

#include <cstdio>
#include <iomanip>
#include <sstream>

namespace klima::report {
namespace {

std::string tonnes(units::Mass m) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.3f", units::in_tonnes(m));
    return buf;
}

// A total that may be absent, with how many of its lines were missing.
std::string cell(const std::optional<units::Mass>& m, int missing) {
    std::string s = m ? tonnes(*m) : "-";  // ASCII: setw counts bytes
    if (missing > 0) s += " (" + std::to_string(missing) + " missing)";
    return s;
}

std::string label(int version) {
    std::string s = "v";  // appended, not "v" + to_string: GCC 12 warns falsely (-Wrestrict) on that
    s += std::to_string(version);
    return s;
}

std::string effect(const std::optional<units::Mass>& m) { return m ? tonnes(*m) : "n/a"; }

std::string opt_id(const std::optional<int>& v) { return v ? std::to_string(*v) : "-"; }

}  // namespace

std::string render_versions(const std::vector<store::Version>& all, const std::string& store_path) {
    std::ostringstream out;
    if (all.empty()) {
        out << "the store " << store_path << " holds no versions yet\n";
        return out.str();
    }
    out << std::left << std::setw(4) << "id" << std::setw(7) << "parent" << std::setw(10) << "kind" << std::setw(9)
        << "activity" << std::setw(8) << "factors" << std::setw(10) << "overrides" << std::setw(11) << "allocation"
        << std::setw(22) << "imported (UTC)" << std::setw(14) << "sha256"
        << "file — comment\n";
    for (const auto& v : all)
        out << std::left << std::setw(4) << v.id << std::setw(7) << opt_id(v.parent) << std::setw(10)
            << store::kind_label(v) << std::setw(9) << opt_id(v.activity_from) << std::setw(8) << opt_id(v.factors_from)
            << std::setw(10) << opt_id(v.overrides_from) << std::setw(11) << to_string(v.allocation) << std::setw(22)
            << v.imported_at << std::setw(14) << v.sha256.substr(0, 12) << v.file << " — " << v.comment << "\n";
    out << "current: version " << all.back().id << "\n";
    out << allocation_line(all.back().allocation);
    return out.str();
}

std::string render_version_diff(const std::vector<store::SectorChange>& changes, int v1, int v2,
                                const std::string& gwp) {
    std::ostringstream out;
    out << "version " << v1 << " → " << v2 << ", t CO2e (GWP-100 " << gwp
        << "); change = activity effect + factor effect\n\n";
    out << std::left << std::setw(6) << "year" << std::setw(13) << "sector" << std::right << std::setw(26) << label(v1)
        << std::setw(26) << label(v2) << std::setw(12) << "change" << std::setw(12) << "activity" << std::setw(12)
        << "factor"
        << "\n";
    int unchanged = 0;
    for (const auto& c : changes) {
        const bool same = c.change.value() == 0.0 && c.before.has_value() == c.after.has_value() &&
                          c.missing_before == c.missing_after;
        if (same) {
            ++unchanged;
            continue;
        }
        out << std::left << std::setw(6) << c.year << std::setw(13) << c.sector << std::right << std::setw(26)
            << cell(c.before, c.missing_before) << std::setw(26) << cell(c.after, c.missing_after) << std::setw(12)
            << tonnes(c.change) << std::setw(12) << effect(c.activity_effect) << std::setw(12)
            << effect(c.factor_effect) << "\n";
    }
    if (unchanged == static_cast<int>(changes.size())) out << "no change\n";
    else if (unchanged > 0) out << unchanged << " unchanged sector-year total(s) not shown\n";
    return out.str();
}

std::string allocation_line(ChpAllocation a) {
    return "CHP allocation: " + std::string(to_string(a)) + " — " + std::string(describe(a)) + "\n";
}

std::string render_version_diff(const store::VersionComparison& c, const std::string& gwp) {
    std::ostringstream out;
    const auto& a = c.before;
    const auto& b = c.after;
    for (const auto* v : {&a, &b})
        out << label(v->id) << ": CHP allocation " << to_string(v->allocation) << " — " << describe(v->allocation)
            << "\n";
    for (const auto& t : c.touched) {
        out << label(t.version.id) << " (" << store::kind_label(t.version) << ", " << t.version.file << ") ";
        if (t.version.kind == store::VersionKind::status) {
            out << "revised the action status of " << (t.years.size() == 1 ? "year " : "years ");
            for (std::size_t i = 0; i < t.years.size(); ++i) out << (i ? ", " : "") << t.years[i];
            out << "; every other year's status as before, emissions untouched\n";
            continue;
        }
        if (t.version.kind != store::VersionKind::activity) {
            out << (t.version.overrides ? "replaced the factor overrides" : "replaced the factor set")
                << ": every year may change\n";
            continue;
        }
        out << "revised " << (t.years.size() == 1 ? "year " : "years ");
        for (std::size_t i = 0; i < t.years.size(); ++i) out << (i ? ", " : "") << t.years[i];
        out << "; every other year as before\n";
    }
    out << "\n" << render_version_diff(c.changes, a.id, b.id, gwp);
    return out.str();
}

std::string render_year_comparison(const store::YearComparison& c, const std::string& gwp) {
    std::ostringstream out;
    out << "version " << c.version.id << ": " << c.y1 << " → " << c.y2 << ", t CO2e (GWP-100 " << gwp
        << "); change = activity effect + factor effect\n";
    out << c.y1 << " read from the import of version " << c.read_from.at(0) << ", " << c.y2
        << " from the import of version " << c.read_from.at(1) << "\n";
    out << allocation_line(c.allocation) << "\n";
    out << std::left << std::setw(34) << "sector / subsector" << std::right << std::setw(26) << c.y1 << std::setw(26)
        << c.y2 << std::setw(12) << "change" << std::setw(12) << "activity" << std::setw(12) << "factor"
        << "\n";
    for (const auto& ch : c.changes)
        out << std::left << std::setw(34) << ((ch.is_subsector ? "  " : "") + ch.key) << std::right << std::setw(26)
            << cell(ch.before, ch.missing_before) << std::setw(26) << cell(ch.after, ch.missing_after) << std::setw(12)
            << tonnes(ch.change) << std::setw(12) << effect(ch.activity_effect) << std::setw(12)
            << effect(ch.factor_effect) << "\n";
    return out.str();
}

std::string render_recalculation(const store::Recalculation& r, const std::string& gwp) {
    std::ostringstream out;
    out << "recalculated " << r.years.size() << " year(s) of version " << r.version << " with its factor set (GWP-100 "
        << gwp << "); base year " << r.years.front() << " restated\n";
    out << allocation_line(r.allocation);
    out << (r.previous ? "compared with the inventories computed for version " + std::to_string(*r.previous)
                       : std::string("no earlier computed version to compare with"))
        << "\n\n";
    out << std::left << std::setw(6) << "year" << std::setw(26) << "total" << std::right << std::setw(26) << "before"
        << std::setw(26) << "after" << std::setw(12) << "change"
        << "\n";
    for (const auto& t : r.totals) {
        const auto zero = units::kilograms(0.0);
        const bool changed = !r.previous || t.before.has_value() != t.after.has_value() ||
                             t.before.value_or(zero) != t.after.value_or(zero);
        out << std::left << std::setw(6) << t.year << std::setw(26) << t.name << std::right << std::setw(26)
            << cell(t.before, t.missing_before) << std::setw(26) << cell(t.after, t.missing) << std::setw(12)
            << (changed ? tonnes(t.after.value_or(zero) - t.before.value_or(zero)) : "unchanged") << "\n";
    }
    return out.str();
}

}  // namespace klima::report
