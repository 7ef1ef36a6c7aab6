// The regnskab's sector totals as a scenario's history, and the measures such a history carries
// (docs/national.md, "A plan from the national figures"; docs/method.md).
#include "klima/national/national_history.hpp"

#include "klima/error.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace klima::national {
namespace {

std::string tonnes_text(double t) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", t);
    return buf;
}

bool allowed_subsector(std::string_view sub) {
    if (sub == kAny) return true;
    return std::any_of(kSectors.begin(), kSectors.end(), [&](Sector s) { return history_subsector(s) == sub; });
}

bool allowed_carrier(std::string_view c) { return c == kAny || c == kReportedCarrier || c == kRemovalCarrier; }

[[noreturn]] void refuse(const MeasureSpec& m, const Location& at, const std::string& what, const std::string& fix) {
    throw Error(
        at, "measure '" + m.id + "' " + what + "; the history (Energi- og CO2-regnskabet) has only sector totals", fix);
}

}  // namespace

std::string_view history_sector(Sector s) { return s == Sector::industri ? "industriprocesser" : code(s); }

std::string_view history_subsector(Sector s) {
    switch (s) {
        case Sector::energi: return "energi_regnskab";
        case Sector::transport: return "transport_regnskab";
        case Sector::landbrug: return "landbrug_regnskab";
        case Sector::affald: return "affald_regnskab";
        case Sector::industri: return "industri_regnskab";
    }
    return "";
}

ActivitySet history_records(const NationalData& data, const std::string& code, const std::string& file,
                            const Location& at) {
    const auto it = std::find_if(data.municipalities.begin(), data.municipalities.end(),
                                 [&](const Municipality& m) { return m.code == code; });
    if (it == data.municipalities.end())
        throw Error(at, "municipality code '" + code + "' is not in data/national/municipalities.csv",
                    "give the four-digit kommunekode of one of the 98 municipalities there (Køge is \"0259\")");
    const auto index = static_cast<std::size_t>(it - data.municipalities.begin());
    const std::string source = data.source + ", vintage " + data.vintage + " (official; sector total)";
    ActivitySet out;
    for (const auto& y : data.figures[index])
        for (std::size_t s = 0; s < kSectorCount; ++s) {
            const double t = units::in_tonnes(y.sectors[s]);
            if (!std::isfinite(t))
                throw Error({file, 0, "t_co2e"},
                            "a sector total of " + code + " in " + std::to_string(y.year) + " is not a finite number",
                            "correct the figure in " + file);
            ActivityRecord r;
            r.year = y.year;
            r.sector = std::string(history_sector(kSectors[s]));
            r.subsector = std::string(history_subsector(kSectors[s]));
            r.carrier = std::string(t < 0.0 ? kRemovalCarrier : kReportedCarrier);
            r.amount = units::tonnes(std::abs(t));
            r.unit = "t";
            r.source = source;
            r.origin = {file, 0,
                        "kommunekode " + code + ", year " + std::to_string(y.year) + ", sector " +
                            std::string(national::code(kSectors[s]))};
            out.push_back(std::move(r));
        }
    return out;
}

void check_measures_on_sector_totals(const ScenarioSpec& spec, const ActivitySet& history, int launch) {
    const std::string fix =
        "act on a sector by share (a \"reduce\" or a \"factor\" reduction with \"sector\" and no subsector or "
        "carrier), or give the scenario an activity file with fuel rows instead of \"history\"";
    for (const auto& m : spec.measures)
        for (std::size_t i = 0; i < m.effects.size(); ++i) {
            const Location at = i < m.effect_at.size() ? m.effect_at[i] : m.origin;
            const auto& e = m.effects[i];
            const std::string op(effect_op(e));
            const RowSelector* rows = nullptr;
            if (const auto* r = std::get_if<Reduce>(&e)) rows = &r->rows;
            if (const auto* f = std::get_if<FactorChange>(&e)) {
                if (f->co2e_value)
                    refuse(m, at, "sets a factor to a value per unit of fuel",
                           "give a \"reduction\" share of the sector's emissions instead");
                rows = &f->rows;
            }
            if (std::holds_alternative<OwnRow>(e)) continue;  // its own rows and factor: needs no history row
            const std::string type = m.type == "effects" ? "" : " (preset " + m.type + ")";
            if (!rows) refuse(m, at, "has a " + op + " effect" + type + ", which needs fuel rows", fix);
            if (!allowed_subsector(rows->subsector) || !allowed_carrier(rows->carrier))
                refuse(m, at, "selects " + rows->describe() + ", a row of fuel data", fix);
            for (const auto& r : history)
                if (r.year == launch && r.carrier == kRemovalCarrier && rows->matches(r.sector, r.subsector, r.carrier))
                    throw Error(at,
                                "measure '" + m.id + "' acts by share on " + r.sector + ", a net sink of " +
                                    tonnes_text(units::in_tonnes(std::get<units::Mass>(*r.amount))) + " t CO2e in " +
                                    std::to_string(launch) +
                                    " (Energi- og CO2-regnskabet): a share of a sink taken away raises emissions",
                                "name the sectors it acts on, or select \"carrier\": \"regnskab_co2e\" to act only "
                                "on the sectors that emit");
        }
}

void check_trends_on_sector_totals(const std::vector<Trend>& trends) {
    if (trends.empty()) return;
    const Trend& t = trends.front();
    throw Error(t.origin,
                "trend '" + t.id + "' switches " + t.change.from.describe() +
                    ", rows of fuel data; the history (Energi- og CO2-regnskabet) has only sector totals, so the "
                    "trend would change nothing",
                "leave \"trends\" out of the scenario (its BAU follows the drivers), or give the scenario an activity "
                "file with fuel rows instead of \"history\"");
}

}  // namespace klima::national
