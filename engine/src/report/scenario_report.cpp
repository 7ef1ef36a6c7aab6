#include "klima/report/scenario_report.hpp"

#include "klima/join.hpp"
#include "klima/progress.hpp"
#include "klima/sector_totals.hpp"

#include "allocation_note.hpp"
#include "history_note.hpp"
#include "json_writer.hpp"
#include "labels.hpp"
#include "render_by_format.hpp"
#include "report_text.hpp"
#include "text.hpp"

#include <nlohmann/json.hpp>

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

// A JSON value streamed as nlohmann dumps it: a json's object in its sorted key order, an
// ordered_json's in its own.
template <class J>
void write_value(JsonWriter& w, const J& j) {
    using value_t = typename J::value_t;
    switch (j.type()) {
        case value_t::object:
            w.begin_object();
            for (auto it = j.begin(); it != j.end(); ++it) {
                w.key(it.key());
                write_value(w, it.value());
            }
            w.end_object();
            return;
        case value_t::array:
            w.begin_array();
            for (const auto& v : j) write_value(w, v);
            w.end_array();
            return;
        case value_t::string: w.value(j.template get_ref<const std::string&>()); return;
        case value_t::boolean: w.value(j.template get<bool>()); return;
        case value_t::number_integer: w.value(j.template get<long long>()); return;
        case value_t::number_unsigned: w.value(static_cast<long long>(j.template get<unsigned long long>())); return;
        case value_t::number_float: w.value(j.template get<double>()); return;
        default: w.null(); return;  // null (nothing here builds binary or discarded values)
    }
}

// The rows of a trajectory in row-name order, of two rows of one name only the later (as a json
// object keeps it). Worked out once for a list of rows and used again while the next trajectory
// has the same list (BAU, scenario and the measures' effects share theirs).
class RowOrder {
public:
    const std::vector<std::size_t>& of(const std::vector<std::string>& rows) {
        if (rows_ && (rows_ == &rows || *rows_ == rows)) return order_;
        rows_ = &rows;
        std::vector<std::size_t> all(rows.size());
        for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
        std::stable_sort(all.begin(), all.end(), [&](std::size_t a, std::size_t b) { return rows[a] < rows[b]; });
        order_.clear();
        for (std::size_t k = 0; k < all.size(); ++k)
            if (k + 1 == all.size() || rows[all[k + 1]] != rows[all[k]]) order_.push_back(all[k]);
        return order_;
    }

private:
    const std::vector<std::string>* rows_ = nullptr;  // the list last asked for; it outlives the render
    std::vector<std::size_t> order_;
};

// {row: [t a year, ...]} in row-name order; of two rows of one name the later, as a json object keeps it.
void write_rows(JsonWriter& w, RowOrder& order, const Trajectory& t) {
    const auto& kg = t.kg();
    w.begin_object();
    for (const std::size_t i : order.of(t.rows())) {
        w.key(t.rows()[i]);
        const auto row = static_cast<Eigen::Index>(i);
        w.number_array(static_cast<std::size_t>(kg.cols()), [&](std::size_t c) {
            return in_tonnes(units::kilograms(kg(row, static_cast<Eigen::Index>(c))));
        });
    }
    w.end_object();
}

// The one total per year of `t` (scope_total.hpp), one entry per year of the run:
// {"construction_t": [...], "lulucf_apart_t": [...] or null, "total_t": [...]}.
void write_totals(JsonWriter& w, const Trajectory& t, const ReferenceData& ref, TargetScope scope, int from, int to) {
    const auto totals = scope_totals(t, from, to, ref.taxonomy, scope);  // rows looked up once, not each year
    w.begin_object();
    w.key("construction_t").number_array(totals.size(), [&](std::size_t i) {
        return in_tonnes(totals[i].construction);
    });
    w.key("lulucf_apart_t");
    if (scope == TargetScope::excl_lulucf) {
        w.begin_array();
        for (const auto& st : totals) {
            if (st.lulucf_apart) w.value(in_tonnes(*st.lulucf_apart));
            else w.null();
        }
        w.end_array();
    } else {
        w.null();
    }
    w.key("total_t").number_array(totals.size(), [&](std::size_t i) { return in_tonnes(totals[i].total); });
    w.end_object();
}

// A number, or null when there is none.
template <class T, class Number>
void value_or_null(JsonWriter& w, const std::optional<T>& v, Number number) {
    if (v) w.value(number(*v));
    else w.null();
}
void value_or_null(JsonWriter& w, const std::optional<std::string>& v) {
    if (v) w.value(*v);
    else w.null();
}

// The latest inventory (the launch year's) in the same terms as the report's "latest" figure: the
// inventory itself, so rows carried into the projection from earlier years (`carried`) are not in it;
// its sectors in the scope add up to total_t. (Computed here from the run's activity: the facade
// does not keep the inventory; moving it there is a follow-up.)
void write_latest_inventory(JsonWriter& w, const ScenarioRun& run, const ReferenceData& ref, TargetScope scope) {
    const auto& r = run.result;
    const auto inv = compute_inventory(run.activity, r.launch_year, ref, r.gwp_set);
    const auto st = scope_total(inv, ref.taxonomy, scope);
    const auto by_sector = sector_totals(inv, ref.taxonomy);
    w.begin_object();
    w.key("construction_t").value(in_tonnes(st.construction));
    w.key("lulucf_apart_t");
    value_or_null(w, st.lulucf_apart, in_tonnes);
    w.key("sectors").begin_array();
    for (const auto& sector : ref.taxonomy.sectors()) {
        if (!by_sector.has(sector) || (scope == TargetScope::excl_lulucf && sector == kLulucfSector)) continue;
        const auto& first = ref.taxonomy.first_subsector(sector);
        w.begin_object();
        w.key("name_da").value(first.sector_da);
        w.key("name_en").value(first.sector_en);
        w.key("sector").value(sector);
        w.key("t").value(in_tonnes(by_sector.by_sector.at(sector)));
        w.end_object();
    }
    w.end_array();
    w.key("total_t").value(in_tonnes(st.total));
    w.key("year").value(r.launch_year);
    w.end_object();
}

// Each year's drivers and national factor paths, base year to end.
void write_drivers(JsonWriter& w, const ScenarioRun& run) {
    const auto& r = run.result;
    const auto factor = [](const std::map<int, units::MassPerEnergy>& path, int y) {
        const auto it = path.find(y);
        return it == path.end() ? std::nullopt : std::optional(units::in_kg_per_mwh(it->second));
    };
    const auto number = [](double v) { return v; };
    w.begin_array();
    for (int y = r.base_year; y <= r.bau.last_year(); ++y) {
        const auto& d = run.drivers.at(y);
        w.begin_object();
        w.key("el_kg_co2e_per_mwh");
        value_or_null(w, factor(run.electricity_factor, y), number);
        w.key("fjernvarme_kg_co2e_per_mwh");
        value_or_null(w, factor(run.district_heat_factor, y), number);
        w.key("households").value(units::in_count(d.households));
        w.key("population").value(units::in_count(d.population));
        w.key("source").value(d.source);
        w.key("vehicle_km_million").value(units::in_km(d.vehicle_km) / 1e6);
        w.key("year").value(y);
        w.end_object();
    }
    w.end_array();
}

// The answer is written member by member in the order nlohmann::json sorts its keys (byte order), which
// the answer had when it was built as one json value, then the CHP allocation last; the trajectories,
// most of its bytes, go straight from the run into the text (issue 26: building, copying and freeing
// json values was two fifths of a workbench run request, then a fifth).
std::string render_json(const ScenarioRun& run, const ReferenceData& ref, TargetScope scope) {
    const auto& r = run.result;
    const int from = r.base_year, to = r.bau.last_year();
    const auto themes = themes_of(r);
    // The answer is returned whole, so it is written straight into its string, sized beforehand:
    // each number of the trajectories takes a line of about 20 bytes (most are "0.0" and its indent).
    std::size_t rows = r.bau.row_count() + r.scenario.row_count();
    for (const auto& m : r.measures) rows += m.effect.row_count();
    for (const auto& t : themes) rows += t.effect.row_count();
    std::string text;
    text.reserve(rows * static_cast<std::size_t>(to - from + 1) * 20 + (std::size_t{32} << 10));
    OutputBuffer out(text);
    JsonWriter w(out);
    RowOrder order;
    const auto tonnes = [](units::Mass m) { return in_tonnes(m); };
    const auto totals = [&](const Trajectory& t) { write_totals(w, t, ref, scope, from, to); };

    w.begin_object();
    w.key("activity_file").value(run.spec.activity_file);
    w.key("attribution").begin_object();
    w.key("estimated").begin_array();
    for (const auto& e : r.estimated) {
        w.begin_object();
        w.key("bound_t").value(in_tonnes(e.bound));
        w.key("measures").value(e.measures);
        w.key("row").value(e.row);
        w.key("year").value(e.year);
        w.end_object();
    }
    w.end_array();
    w.key("method").value(r.estimated.empty() ? "shapley" : "shapley, estimated where listed");
    w.end_object();
    w.key("base_year").value(r.base_year);
    w.key("base_year_missing").value(r.base_year_missing);
    w.key("bau");
    write_rows(w, order, r.bau);
    w.key("bau_kind").value(r.bau_kind());
    w.key("carried").begin_array();
    for (const auto& c : r.carried) {
        w.begin_object();
        w.key("carrier").value(c.carrier);
        w.key("from_year").value(c.from_year);
        w.key("row").value(c.row);
        w.end_object();
    }
    w.end_array();
    w.key("drivers");
    write_drivers(w, run);
    w.key("drivers_file").value(run.spec.drivers_file);
    w.key("end_year").value(r.bau.last_year());
    w.key("gwp_set").value(r.gwp_set);
    w.key("history");
    write_value(w, history_json(r.history, Lang::en));
    w.key("latest_inventory");  // the one total (issue 25): what the report and the workbench tiles show
    write_latest_inventory(w, run, ref, scope);
    w.key("launch_year").value(r.launch_year);
    w.key("launch_year_missing").value(r.launch_year_missing);
    w.key("measures").begin_array();
    for (std::size_t i = 0; i < r.measures.size(); ++i) {
        const auto& m = r.measures[i];
        const auto& spec = run.spec.measures.at(i);
        w.begin_object();
        w.key("cost_dkk").value(units::in_dkk(m.cost));
        w.key("cost_per_tonne_dkk");
        value_or_null(w, m.cost_per_tonne, units::in_dkk_per_tonne);
        w.key("cumulative_avoided_t").value(in_tonnes(m.effect.cumulative(from, to)));
        w.key("cumulative_planned_t").value(in_tonnes(planned_cumulative(m)));
        w.key("effect");
        write_rows(w, order, m.effect);
        w.key("effect_totals");
        totals(m.effect);
        w.key("full_effect_year").value(m.full_effect_year);
        w.key("id").value(m.id);
        w.key("name").value(m.name);
        w.key("owner").value(m.owner);
        w.key("phase_in").value(to_string(spec.phase.shape));
        w.key("planned_t").begin_array();
        for (const auto& [year, effect] : m.planned) w.value(tonnes(effect));
        w.end_array();
        w.key("source").value(spec.source);
        w.key("start_year").value(m.start_year);
        w.key("theme").value(m.theme);
        w.key("type").value(m.type);
        w.end_object();
    }
    w.end_array();
    w.key("municipality").value(r.municipality);
    w.key("name").value(r.name);
    w.key("scenario");
    write_rows(w, order, r.scenario);
    w.key("scope").value(to_string(scope));
    w.key("targets_file");
    value_or_null(w, run.spec.targets_file);
    w.key("themes").begin_array();
    for (const auto& t : themes) {
        w.begin_object();
        w.key("cost_dkk").value(units::in_dkk(t.cost));
        w.key("cumulative_avoided_t").value(in_tonnes(t.effect.cumulative(from, to)));
        w.key("cumulative_planned_t").value(in_tonnes(t.planned_cumulative));
        w.key("effect");
        write_rows(w, order, t.effect);
        w.key("measures").begin_array();
        for (std::size_t i : t.measures) w.value(r.measures[i].id);
        w.end_array();
        w.key("theme").value(t.theme);
        w.end_object();
    }
    w.end_array();
    w.key("totals").begin_object();
    w.key("bau");
    totals(r.bau);
    w.key("scenario");
    totals(r.scenario);
    w.end_object();
    w.key("trends").begin_array();
    for (const auto& t : r.trends) {
        w.begin_object();
        w.key("id").value(t.id);
        w.key("name").value(t.name);
        w.key("source").value(t.source);
        w.key("status").value(t.status);
        w.end_object();
    }
    w.end_array();
    w.key("trends_file");
    value_or_null(w, run.spec.trends_file);
    w.key("unit").value("t CO2e");
    w.key("year_kinds").begin_array();  // per entry of "years": actual, interpolated or projected
    for (auto k : r.year_kinds) w.value(to_string(k));
    w.end_array();
    w.key("years").begin_array();
    for (int y = from; y <= to; ++y) w.value(y);
    w.end_array();
    w.key("chp_allocation");  // after the sorted members, as the answer always had it
    write_value(w, allocation_json(ref.allocation, Lang::en));
    w.end_object();
    text += '\n';
    return text;
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
        on<Format::json>([&] { return render_json(run, ref, scope); }), on<Format::csv>([&] {
            return with_allocation_note(render_csv(run), NoteForm::csv_series, ref.allocation, Lang::en);
        }));
}

}  // namespace klima::report
