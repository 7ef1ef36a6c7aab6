// The progress report as JSON: the same figures as the CSV, nested, in
// tonnes CO2e; a missing figure is null, never 0.
#include "allocation_note.hpp"
#include "history_note.hpp"
#include "labels.hpp"
#include "report_text.hpp"

#include <nlohmann/json.hpp>

namespace klima::report {
namespace {

using nlohmann::json;

json t(units::Mass m) { return units::in_tonnes(m); }
json t(const std::optional<units::Mass>& m) { return m ? t(*m) : json(nullptr); }
json share(const std::optional<units::Ratio>& r) { return r ? json(units::in_count(*r)) : json(nullptr); }

json year_gap(const YearGap& y) {
    return {{"year", y.year},
            {"bau_t", t(y.bau)},
            {"scenario_t", t(y.scenario)},
            {"target_t", t(y.target)},
            {"gap_t", t(y.gap)}};
}

json progress_row(const ProgressRow& r, Lang l) {
    return {{"key", r.key},
            {"name", row_name(r, l)},
            {"reference_t", t(r.reference)},
            {"base_t", t(r.base)},
            {"latest_t", t(r.latest)},
            {"change_vs_reference", share(r.change_vs_reference)},
            {"change_vs_base", share(r.change_vs_base)},
            {"bau_2030_t", t(r.bau_milestone)},
            {"target_2030_t", t(r.target_milestone)},
            {"planned_effect_2030_t", t(r.planned_effect)},
            {"remaining_gap_2030_t", t(r.remaining_gap)}};
}

// A total or an effect split as scope_total.hpp gives it: in the scope, and apart.
json split_json(const ScopeTotal& e) {
    return {{"total_t", t(e.total)},
            {"construction_t", t(e.construction)},
            {"lulucf_apart_t", e.lulucf_apart ? t(*e.lulucf_apart) : json(nullptr)},
            {"outside_scope_t", t(outside_scope(e))}};
}

json spread(const analysis::Spread& s) { return {{"p5", t(s.p5)}, {"p50", t(s.p50)}, {"p95", t(s.p95)}}; }
json per_tonne(const std::optional<units::MoneyPerMass>& c) {
    return c ? json(units::in_dkk_per_tonne(*c)) : json(nullptr);
}

json uncertainty(const analysis::MonteCarloOutcome& mc) {
    json j = {{"draws", mc.draws},      {"seed", mc.seed},          {"launch_year", mc.launch_year},
              {"years", json::array()}, {"targets", json::array()}, {"influence", json::array()}};
    for (const auto& y : mc.years)
        j["years"].push_back({{"year", y.year}, {"bau", spread(y.bau)}, {"scenario", spread(y.scenario)}});
    for (const auto& c : mc.targets)
        j["targets"].push_back(
            {{"year", c.year}, {"target_t", t(c.target)}, {"probability", units::in_count(c.probability)}});
    for (const auto& in : mc.influence)
        j["influence"].push_back({{"input", in.input}, {"rank_correlation", in.rank_correlation}});
    return j;
}

json abatement(const analysis::AbatementOutcome& a) {
    json j = {{"year", a.year},
              {"discount_rate", units::in_count(a.discount_rate)},
              {"bau_t", t(a.bau)},
              {"target_t", t(a.target)},
              {"scenario_t", t(a.scenario)},
              {"required_t", t(a.required)},
              {"macc", json::array()}};
    auto from = units::kilograms(0.0);
    for (const auto& m : a.measures) {
        const bool costed = units::in_dkk(m.cost) != 0.0;  // cost_dkk 0: no cost given
        j["macc"].push_back({{"id", m.id},
                             {"name", m.name},
                             {"cost_dkk", costed ? json(units::in_dkk(m.cost)) : json(nullptr)},
                             {"cost_discounted_dkk", units::in_dkk(m.cost_discounted)},
                             {"dkk_per_t", costed ? per_tonne(m.per_tonne) : json(nullptr)},
                             {"dkk_per_t_discounted", costed ? per_tonne(m.per_tonne_discounted) : json(nullptr)},
                             {"in_year_t", t(m.in_year)},
                             {"from_t", t(from)},
                             {"to_t", t(from + m.in_year)},
                             {"level", units::in_count(m.level)}});
        from += m.in_year;
    }
    const auto& p = a.portfolio;
    j["portfolio"] = {{"feasible", p.feasible},
                      {"cost_discounted_dkk", units::in_dkk(p.cost)},
                      {"effect_t", t(p.effect)},
                      {"checked_t", t(p.checked)},
                      {"remaining_gap_t", t(p.remaining_gap)}};
    return j;
}

}  // namespace

std::string render_json(const ReportData& d, Lang l) {
    const auto& tg = d.targets;
    const auto& p = d.progress;
    json j;
    j["title"] = d.title;
    j["report_year"] = d.report_year;
    j["unit"] = "t CO2e";
    j["language"] = l == Lang::da ? "da" : "en";
    j["scenario"] = d.scenario.name;
    j["targets"] = {{"plan", tg.name},
                    {"municipality", tg.municipality},
                    {"scope", std::string(to_string(tg.scope))},
                    {"reference_year", tg.reference_year},
                    {"neutrality", {{"year", tg.neutrality_year}, {"source", tg.neutrality_source}}},
                    {"interim", json::array()}};
    for (const auto& it : tg.interim)
        j["targets"]["interim"].push_back({{"year", it.year},
                                           {"reduction", units::in_count(it.reduction)},
                                           {"against_year", it.against_year},
                                           {"source", it.source}});
    for (const auto& [year, level] : d.path.anchors())
        j["target_path"]["anchors"].push_back({{"year", year}, {"t", t(level)}});
    const auto& b = d.gap.budget;
    j["budget"] = {{"from", b.from},
                   {"to", b.to},
                   {"budget_t", t(b.budget)},
                   {"scenario_cumulative_t", t(b.scenario_cumulative)},
                   {"exhausted_in", b.exhausted_in ? json(*b.exhausted_in) : json(nullptr)},
                   {"years_lasting", b.years_lasting ? json(units::in_count(*b.years_lasting)) : json(nullptr)}};
    j["gap"]["milestone"] = year_gap(d.gap.at(p.milestone_year));
    j["gap"]["years"] = json::array();
    for (const auto& y : d.gap.years) {
        auto yj = year_gap(y);
        yj["kind"] = std::string(to_string(d.scenario.kind_of(y.year)));  // actual, interpolated or projected
        j["gap"]["years"].push_back(std::move(yj));
    }
    // The one total per year (scope_total.hpp): "total" as the scenario run and the workbench give it.
    j["totals"] = {{"scope", std::string(to_string(tg.scope))}, {"years", json::array()}};
    for (std::size_t i = 0; i < d.scenario_totals.size(); ++i)
        j["totals"]["years"].push_back({{"year", d.scenario_totals[i].year},
                                        {"bau", split_json(d.bau_totals[i])},
                                        {"scenario", split_json(d.scenario_totals[i])}});
    j["latest_inventory"] = d.latest_inventory ? split_json(*d.latest_inventory) : json(nullptr);
    if (d.latest_inventory) j["latest_inventory"]["year"] = d.latest_inventory->year;
    j["gap"]["sectors"] = json::array();
    for (const auto& s : d.gap.sectors) {
        json sj = {{"sector", s.sector},
                   {"name", sector_name(d, s.sector, l)},
                   {"reference_t", t(s.reference)},
                   {"years", json::array()}};
        for (const auto& y : s.years) sj["years"].push_back(year_gap(y));
        j["gap"]["sectors"].push_back(sj);
    }
    json carried = json::array();
    for (const auto& c : d.scenario.carried)
        carried.push_back({{"row", c.row}, {"carrier", c.carrier}, {"from_year", c.from_year}});
    j["history"] = {{"base_year", d.scenario.base_year}, {"launch_year", d.scenario.launch_year}, {"carried", carried}};
    j["history"].update(history_json(d.scenario.history, l));  // kind, label; a national history's source
    json trends = json::array();
    for (const auto& tr : d.scenario.trends)
        trends.push_back({{"id", tr.id}, {"name", tr.name}, {"status", tr.status}, {"source", tr.source}});
    j["bau"] = {{"kind", std::string(d.scenario.bau_kind())}, {"trends", trends}};
    json estimated = json::array();  // rows and years whose measure shares are sampled, each within its bound
    for (const auto& e : d.scenario.estimated)
        estimated.push_back({{"row", e.row}, {"year", e.year}, {"measures", e.measures}, {"bound_t", t(e.bound)}});
    j["attribution"] = {{"estimated", estimated}};
    j["progress"] = {{"reference_year", p.reference_year},
                     {"base_year", p.base_year},
                     {"latest_year", p.latest_year ? json(*p.latest_year) : json(nullptr)},
                     {"milestone_year", p.milestone_year},
                     {"sectors", json::array()},
                     {"totals",
                      {{"incl_lulucf", progress_row(p.total_incl_lulucf, l)},
                       {"excl_lulucf", progress_row(p.total_excl_lulucf, l)}}},
                     {"measures", json::array()}};
    for (const auto& r : p.sectors) j["progress"]["sectors"].push_back(progress_row(r, l));
    for (const auto& m : p.measures)
        j["progress"]["measures"].push_back({{"id", m.id},
                                             {"name", m.name},
                                             {"owner", m.owner},
                                             {"theme", m.theme},
                                             {"start_year", m.start_year},
                                             {"full_effect_year", m.full_effect_year},
                                             {"planned_t", t(m.planned)},
                                             {"realised_t", t(m.realised)},
                                             {"status", std::string(to_string(m.status))},
                                             {"status_text", status_text(m.status, l)},
                                             {"effect_2030", split_json(m.effect_milestone)}});
    j["progress"]["themes"] = json::array();
    for (const auto& th : p.themes)
        j["progress"]["themes"].push_back(
            {{"theme", th.theme}, {"measures", th.measures}, {"effect_2030", split_json(th.effect_milestone)}});
    j["dk2020_check"] = json::array();
    for (const auto& f : d.findings)
        j["dk2020_check"].push_back(
            {{"kind", std::string(to_string(f.kind))}, {"subject", f.subject}, {"text", describe(f, l)}});
    if (d.analysis.included) {
        j["uncertainty"] = d.analysis.uncertainty ? uncertainty(*d.analysis.uncertainty) : json(nullptr);
        j["abatement"] = d.analysis.abatement ? abatement(*d.analysis.abatement) : json(nullptr);
    }
    if (!d.allocation) return j.dump(2) + "\n";
    return dump_with_allocation(j, *d.allocation, l);  // the same keys in the same order, then the allocation
}

}  // namespace klima::report
