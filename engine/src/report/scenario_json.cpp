#include "scenario_json.hpp"

#include "klima/inventory.hpp"
#include "klima/sector_totals.hpp"

#include "allocation_note.hpp"
#include "history_note.hpp"
#include "json_writer.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <optional>

namespace klima::report {
namespace {

using units::in_tonnes;

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

// [{...}, ...]: one object for each item, its members written by `members(item)`.
template <class Items, class Members>
void object_array(JsonWriter& w, const Items& items, Members members) {
    w.begin_array();
    for (const auto& item : items) {
        w.begin_object();
        members(item);
        w.end_object();
    }
    w.end_array();
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
}  // namespace

std::string render_scenario_json(const ScenarioRun& run, const ReferenceData& ref, TargetScope scope) {
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
    w.key("estimated");
    object_array(w, r.estimated, [&](const ScenarioResult::EstimatedRow& e) {
        w.key("bound_t").value(in_tonnes(e.bound));
        w.key("measures").value(e.measures);
        w.key("row").value(e.row);
        w.key("year").value(e.year);
    });
    w.key("method").value(r.estimated.empty() ? "shapley" : "shapley, estimated where listed");
    w.end_object();
    w.key("base_year").value(r.base_year);
    w.key("base_year_missing").value(r.base_year_missing);
    w.key("bau");
    write_rows(w, order, r.bau);
    w.key("bau_kind").value(r.bau_kind());
    w.key("carried");
    object_array(w, r.carried, [&](const ScenarioResult::CarriedRow& c) {
        w.key("carrier").value(c.carrier);
        w.key("from_year").value(c.from_year);
        w.key("row").value(c.row);
    });
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
    w.key("trends");
    object_array(w, r.trends, [&](const ScenarioResult::TrendInfo& t) {
        w.key("id").value(t.id);
        w.key("name").value(t.name);
        w.key("source").value(t.source);
        w.key("status").value(t.status);
    });
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

}  // namespace klima::report
