// klima db diff V1 V2 and klima db recalc: printing what changed between
// versions and what a recalculation restated.
#include "cmd_db.hpp"
#include "store_path.hpp"

#include "klima/io/data_files.hpp"
#include "klima/store.hpp"
#include "klima/version_diff.hpp"

#include <cstdio>
#include <iomanip>
#include <ostream>

namespace klima::cli {
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
    std::string s = "v";
    s += std::to_string(version);
    return s;
}

std::string effect(const std::optional<units::Mass>& m) { return m ? tonnes(*m) : "n/a"; }

}  // namespace

int db_diff(const Args& args, int v1, int v2, std::ostream& out) {
    const auto base = io::load_reference_data(data_dir(args));
    const auto gwp = gwp_option(args, base.gwp);
    const store::Store db(store_path(args), store::Open::read_only);
    std::vector<store::SectorChange> changes;
    {
        const store::Store::ReadTransaction snapshot(db);
        const auto a = db.version(v1), b = db.version(v2);
        changes = store::attribute_change(db.activity(a), db.factors(a), db.activity(b), db.factors(b), base, gwp);
    }
    out << "version " << v1 << " → " << v2 << ", t CO2e (GWP-100 " << gwp
        << "); change = activity effect + factor effect\n\n";
    out << std::left << std::setw(6) << "year" << std::setw(13) << "sector" << std::right << std::setw(26)
        << label(v1) << std::setw(26) << label(v2) << std::setw(12) << "change"
        << std::setw(12) << "activity" << std::setw(12) << "factor" << "\n";
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
    return 0;
}

int db_recalc(const Args& args, std::ostream& out) {
    const auto base = io::load_reference_data(data_dir(args));
    const auto gwp = gwp_option(args, base.gwp);
    store::Store db(store_path(args), store::Open::existing);
    const auto r = store::recalculate(db, base, gwp);
    out << "recalculated " << r.years.size() << " year(s) of version " << r.version << " with its factor set (GWP-100 "
        << gwp << "); base year " << r.years.front() << " restated\n";
    out << (r.previous ? "compared with the inventories computed for version " + std::to_string(*r.previous)
                       : std::string("no earlier computed version to compare with"))
        << "\n\n";
    out << std::left << std::setw(6) << "year" << std::setw(26) << "total" << std::right << std::setw(26) << "before"
        << std::setw(26) << "after" << std::setw(12) << "change" << "\n";
    for (const auto& t : r.totals) {
        const auto zero = units::kilograms(0.0);
        const bool changed = !r.previous || t.before.has_value() != t.after.has_value() ||
                             t.before.value_or(zero) != t.after.value_or(zero);
        out << std::left << std::setw(6) << t.year << std::setw(26) << t.name << std::right << std::setw(26)
            << cell(t.before, t.missing_before) << std::setw(26) << cell(t.after, t.missing) << std::setw(12)
            << (changed ? tonnes(t.after.value_or(zero) - t.before.value_or(zero)) : "unchanged") << "\n";
    }
    return 0;
}

}  // namespace klima::cli
