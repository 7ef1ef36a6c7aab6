#include "klima/report/scenario_report.hpp"

#include "klima/join.hpp"
#include "klima/progress.hpp"

#include "allocation_note.hpp"
#include "history_note.hpp"
#include "labels.hpp"
#include "render_by_format.hpp"
#include "report_text.hpp"
#include "scenario_json.hpp"
#include "text.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <sstream>

namespace klima::report {
namespace {

using text::fixed;
using text::pad;
using units::in_tonnes;

// Sum of the rows of one sector, or of all territorial rows.
double sector_t(const Trajectory& t, const std::string& sector, int year) {
    return in_tonnes(t.sector_total(sector, year));
}

// The one total of a year (scope_total.hpp), as the report and the workbench give it.
ScopeTotal total_of(const Trajectory& t, const ReferenceData& ref, int year, TargetScope scope) {
    return scope_total(t, year, ref.taxonomy, scope);
}

std::string money_millions(units::Money m) { return fixed(units::in_dkk(m) / 1e6, 1); }

std::string trajectory_table(const std::string& title, const Trajectory& t, const ReferenceData& ref,
                             const std::vector<int>& years, TargetScope scope) {
    std::ostringstream out;
    std::string head = pad(title, 30, false);
    for (int y : years) head += pad(std::to_string(y), 11);
    out << head << "\n" << std::string(head.size(), '-') << "\n";
    for (const auto& sector : ref.taxonomy.sectors()) {
        std::string row = pad(text::sector_label(ref.taxonomy, sector), 30, false);
        for (int y : years) row += pad(fixed(sector_t(t, sector, y)), 11);
        out << row << "\n";
    }
    // The one total (scope_total.hpp): the targets' scope. Construction (the sector row above, "reported apart")
    // and LULUCF out of the scope are not in it.
    std::string total = pad("Total", 30, false);
    for (int y : years) total += pad(fixed(in_tonnes(total_of(t, ref, y, scope).total)), 11);
    out << std::string(head.size(), '-') << "\n"
        << total << "  (" << to_string(scope) << (scope == TargetScope::excl_lulucf ? "; LULUCF" : "")
        << (scope == TargetScope::excl_lulucf ? " and construction apart)" : "; construction apart)") << "\n\n";
    return out.str();
}

std::string render_table(const ScenarioRun& run, const ReferenceData& ref, TargetScope scope) {
    const auto& r = run.result;
    auto years = milestone_years(r.base_year, r.bau.last_year());
    if (std::find(years.begin(), years.end(), r.launch_year) == years.end()) {
        years.push_back(r.launch_year);
        std::sort(years.begin(), years.end());
    }
    std::ostringstream out;
    out << "Scenario: " << r.name << " (" << r.municipality << "), base year " << r.base_year << "–"
        << r.bau.last_year() << ", t CO2e (GWP-100 " << r.gwp_set << ")\n";
    out << "Activity: " << run.spec.activity_file << "\nDrivers:  " << run.spec.drivers_file << "\n";
    out << "History:  " << history_text(r.history, Lang::en) << "\n";
    out << "BAU:      " << r.bau_kind();
    if (r.bau_with_trends) {
        std::vector<std::string> named;
        for (const auto& t : r.trends) named.push_back(t.id + " (" + t.status.substr(0, t.status.find(':')) + ")");
        out << " (" << (run.spec.trends_file ? *run.spec.trends_file : std::string("trends")) << ": "
            << join(named, ", ") << "); measures are credited beyond them";
    } else {
        out << " (each row scaled by its driver; no trends file)";
    }
    out << "\n";
    out << "Years:    " << year_spans_text(r, Lang::en) << "; projected from the " << r.launch_year << " inventory\n";
    for (const auto& c : r.carried)
        out << "Carried:  " << c.row << " " << c.carrier << " is not in the " << r.launch_year
            << " inventory; projected from its " << c.from_year << " value\n";
    if (r.base_year_missing > 0 && r.launch_year == r.base_year)
        out << r.base_year_missing << " base-year activity value(s) missing: left out of BAU and scenario (not zero), "
            << "so both are understated.\n";
    else if (r.base_year_missing > 0)
        out << r.base_year_missing
            << " base-year activity value(s) missing: left out of the base-year total (not zero), "
            << "so it is understated.\n";
    if (r.launch_year != r.base_year && r.launch_year_missing > 0)
        out << r.launch_year_missing << " activity value(s) of " << r.launch_year
            << " missing with no earlier value: left out of BAU and scenario (not zero), so both are understated.\n";
    out << "\n";

    std::string head = pad("Drivers and factor paths", 30, false);
    for (int y : years) head += pad(std::to_string(y), 11);
    out << head << "\n" << std::string(head.size(), '-') << "\n";
    auto driver_row = [&](const std::string& label, auto value) {
        std::string row = pad(label, 30, false);
        for (int y : years) row += pad(value(y), 11);
        out << row << "\n";
    };
    driver_row("Population", [&](int y) { return fixed(units::in_count(run.drivers.at(y).population), 0); });
    driver_row("Households", [&](int y) { return fixed(units::in_count(run.drivers.at(y).households), 0); });
    driver_row("Vehicle-km (million)",
               [&](int y) { return fixed(units::in_km(run.drivers.at(y).vehicle_km) / 1e6, 1); });
    auto factor_row = [&](const std::string& label, const std::map<int, units::MassPerEnergy>& path) {
        driver_row(label, [&](int y) {
            const auto it = path.find(y);
            return it == path.end() ? std::string("n/a") : fixed(units::in_kg_per_mwh(it->second), 1);
        });
    };
    factor_row("El, kg CO2e/MWh", run.electricity_factor);
    factor_row("Fjernvarme, kg CO2e/MWh", run.district_heat_factor);
    out << "\n";

    out << trajectory_table("BAU, t CO2e", r.bau, ref, years, scope);
    out << trajectory_table("Scenario, t CO2e", r.scenario, ref, years, scope);

    std::string gap = pad("Reduction BAU − scenario", 30, false);
    for (int y : years)
        gap +=
            pad(fixed(in_tonnes(total_of(r.bau, ref, y, scope).total - total_of(r.scenario, ref, y, scope).total)), 11);
    out << gap << "  (total, " << to_string(scope) << ")\n\n";

    const int mid = r.bau.has_year(kMilestoneYear) ? kMilestoneYear : r.bau.last_year();
    const int end = r.bau.last_year();
    auto width = [](std::size_t w) { return w + 2; };
    std::size_t label_w = 12, owner_w = 10;
    for (const auto& m : r.measures) {
        label_w = std::max(label_w, text::pad(m.id + " (" + m.type + ")", 0).size());
        owner_w = std::max(owner_w, text::pad(m.owner, 0).size());
    }
    label_w = width(label_w);
    owner_w = width(owner_w);
    std::string mh = pad("Measure", label_w, false) + pad("Owner", owner_w, false) + pad("Years", 11, false) +
                     pad("t " + std::to_string(mid), 11) + pad("t " + std::to_string(end), 11) +
                     pad("cumulative t", 14) + pad("cost mio DKK", 14) + pad("DKK/t", 10) +
                     pad("apart t " + std::to_string(mid), 14);
    out << mh << "\n" << std::string(mh.size(), '-') << "\n";
    units::Money cost{};
    units::Mass avoided{}, planned{};
    // A measure's effect in the year: in the scope (the figure of every output), and what it avoids apart
    // (construction, LULUCF out of the scope) in its own column, never folded into the first.
    auto in_scope = [&](const Trajectory& effect, int y) {
        return effect.row_count() ? total_of(effect, ref, y, scope) : ScopeTotal{};
    };
    auto apart = [&](const ScopeTotal& st) {
        return st.construction + st.lulucf_apart.value_or(units::kilograms(0.0));
    };
    auto figures = [&](const Trajectory& effect, units::Money c, const std::optional<units::MoneyPerMass>& per_t) {
        const auto at_mid = in_scope(effect, mid);
        return pad(fixed(in_tonnes(at_mid.total)), 11) + pad(fixed(in_tonnes(in_scope(effect, end).total)), 11) +
               pad(fixed(in_tonnes(effect.cumulative(r.base_year, end)), 0), 14) + pad(money_millions(c), 14) +
               pad(per_t ? fixed(units::in_dkk_per_tonne(*per_t), 0) : "n/a", 10) +
               pad(fixed(in_tonnes(apart(at_mid))), 14);
    };
    const auto themes = themes_of(r);
    const bool grouped = names_themes(themes);
    for (const auto& theme : themes) {
        if (grouped) out << (theme.theme.empty() ? "(no theme)" : theme.theme) << "\n";
        for (std::size_t i : theme.measures) {
            const auto& m = r.measures[i];
            cost += m.cost;
            avoided += m.effect.cumulative(r.base_year, end);
            planned += planned_cumulative(m);
            out << pad(m.id + " (" + m.type + ")", label_w, false)
                << pad(m.owner.empty() ? "(no owner)" : m.owner, owner_w, false)
                << pad(std::to_string(m.start_year) + "–" + std::to_string(m.full_effect_year), 11, false)
                << figures(m.effect, m.cost, m.cost_per_tonne) << "\n";
        }
        if (!grouped) continue;
        const auto per_t = cost_per_tonne(theme.cost, theme.planned_cumulative);
        out << pad("  all of " + (theme.theme.empty() ? std::string("(no theme)") : theme.theme),
                   label_w + owner_w + 11, false)
            << figures(theme.effect, theme.cost, per_t) << "\n\n";
    }
    out << std::string(mh.size(), '-') << "\n";
    out << pad("All measures", label_w + owner_w + 11, false)
        << pad(fixed(in_tonnes(total_of(r.bau, ref, mid, scope).total - total_of(r.scenario, ref, mid, scope).total)),
               11)
        << pad(fixed(in_tonnes(total_of(r.bau, ref, end, scope).total - total_of(r.scenario, ref, end, scope).total)),
               11)
        << pad(fixed(in_tonnes(avoided), 0), 14) << pad(money_millions(cost), 14)
        << pad(planned.value() > 0 ? fixed(units::in_dkk_per_tonne(cost / planned), 0) : "n/a", 10)
        << pad(fixed(in_tonnes(apart(total_of(r.bau, ref, mid, scope)) - apart(total_of(r.scenario, ref, mid, scope)))),
               14)
        << "\n\n";
    out << "Effects are Shapley shares over all measures (order-free); the year columns are in the total's scope\n"
           "("
        << to_string(scope) << ", as the report), \"apart\" what a measure avoids outside it (construction"
        << (scope == TargetScope::excl_lulucf ? ", LULUCF" : "") << ");\ncumulative t counts all rows.";
    if (r.launch_year != r.base_year)
        out << " They count from " << r.launch_year + 1 << ": what each measure has left after the " << r.launch_year
            << "\ninventory, which already holds its earlier uptake (docs/method.md).";
    out << " Cost per tonne = undiscounted cost / cumulative avoided t CO2e\n"
        << r.base_year << "–" << end << " of the plan as adopted (projected from " << r.base_year << ").\n";
    if (!r.estimated.empty()) {  // per row: its years and its largest bound
        out << "Estimated shares (sampled Shapley values, docs/method.md): each measure's share of these rows and\n"
               "years is within the bound of its exact value (99 % confidence); the shares still sum exactly.\n";
        std::map<std::string, std::vector<const ScenarioResult::EstimatedRow*>> by_row;
        for (const auto& e : r.estimated) by_row[e.row].push_back(&e);
        for (const auto& [row, list] : by_row) {
            double bound = 0.0;
            std::size_t most = 0;
            for (const auto* e : list) {
                bound = std::max(bound, in_tonnes(e->bound));
                most = std::max(most, e->measures);
            }
            out << "  " << row << " " << list.front()->year << "–" << list.back()->year << " (" << list.size()
                << " years, up to " << most << " measures): bound up to " << fixed(bound, 4) << " t CO2e\n";
        }
    }
    return out.str();
}

std::string render_csv(const ScenarioRun& run) {
    const auto& r = run.result;
    std::ostringstream out;
    out << "series,measure,sector,subsector,year,t_co2e,year_kind\n";
    auto rows = [&](const std::string& series, const std::string& id, const Trajectory& t) {
        for (std::size_t i = 0; i < t.row_count(); ++i) {
            const auto& key = t.rows()[i];
            const auto slash = key.find('/');
            for (int y = t.first_year(); y <= t.last_year(); ++y)
                out << series << "," << text::csv_quote(id) << "," << key.substr(0, slash) << ","
                    << key.substr(slash + 1) << "," << y << "," << fixed(in_tonnes(t.at(i, y)), 6) << ","
                    << to_string(r.kind_of(y)) << "\n";
        }
    };
    rows("bau", "", r.bau);
    rows("scenario", "", r.scenario);
    for (const auto& m : r.measures) rows("measure", m.id, m.effect);
    for (const auto& t : themes_of(r))
        if (!t.theme.empty()) rows("theme", t.theme, t.effect);
    for (const auto& e : r.estimated) {  // where the measures' shares are estimated: each within this of exact
        const auto slash = e.row.find('/');
        out << "estimate_bound,," << e.row.substr(0, slash) << "," << e.row.substr(slash + 1) << "," << e.year << ","
            << fixed(in_tonnes(e.bound), 6) << "," << to_string(r.kind_of(e.year)) << "\n";
    }
    return out.str();
}

}  // namespace

std::vector<int> milestone_years(int base_year, int end_year) {
    std::vector<int> out{base_year};
    for (int y = 2025; y <= end_year; y += 5)
        if (y > base_year) out.push_back(y);
    if (out.back() != end_year) out.push_back(end_year);
    return out;
}

std::string render_scenario(const ScenarioRun& run, const ReferenceData& ref, Format format, TargetScope scope) {
    return render_by_format<kScenarioFormats>(
        format, "the scenario run", on<Format::table>([&] {
            return with_allocation_note(render_table(run, ref, scope), NoteForm::text, ref.allocation, Lang::en);
        }),
        on<Format::json>([&] { return render_scenario_json(run, ref, scope); }), on<Format::csv>([&] {
            return with_allocation_note(render_csv(run), NoteForm::csv_series, ref.allocation, Lang::en);
        }));
}

}  // namespace klima::report
