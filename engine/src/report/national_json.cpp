// The national monitor as JSON (klima/national/national_report.hpp): one document for the command
// and the workbench's routes. Tonnes with one decimal, per inhabitant with three.
#include "national_common.hpp"

#include <nlohmann/json.hpp>

namespace klima::national {

namespace {

using detail::tonnes;
using nlohmann::json;

json methods(const NationalParams& p) {
    json j;
    for (const auto f : kForecasts) j[std::string(code(f))] = forecast_definition(f, p, report::Lang::en);
    j["note"] =
        "CONCITO's forecast definitions (Status på kommunernes klimahandling, 2025) are not published in "
        "material we could read; these are klima's own (docs/method.md, National monitor)";
    j["carbon_law"] = "latest total × (1 − 0.1172)^(year − latest year), as Klimatkollen uses it";
    j["fair_share"] =
        "national budget × the municipality's share of the summed totals over the data's years "
        "(grandfathering); runs out when the summed linear forecast from the budget's first year passes it";
    j["population"] = "derived: total ÷ t CO2e per inhabitant";
    return j;
}

json municipality(const NationalStatus& s, std::size_t m) {
    const auto& d = s.data;
    const auto& mu = d.municipalities[m];
    const auto& ms = s.municipalities[m];
    const auto& fig = d.figures[m];
    json j;
    j["code"] = mu.code;
    j["name"] = mu.name;
    j["region"] = mu.region;
    json total = json::array(), per = json::array(), pop = json::array(), ve = json::array(), sectors;
    for (std::size_t y = 0; y < fig.size(); ++y) {
        total.push_back(tonnes(fig[y].total));
        per.push_back(detail::round_to(fig[y].per_inhabitant.value() / 1000.0, 0.001));
        pop.push_back(std::round(ms.population[y].value()));
        ve.push_back(detail::round_to(fig[y].renewable_electricity_share.value(), 0.0001));
        for (std::size_t k = 0; k < kSectorCount; ++k)
            sectors[std::string(code(kSectors[k]))].push_back(tonnes(fig[y].sectors[k]));
    }
    j["total_t"] = total;
    j["sectors_t"] = sectors;
    j["per_inhabitant_t"] = per;
    j["population_derived"] = pop;
    j["renewable_electricity_share"] = ve;
    j["change_since_first_t"] = tonnes(ms.change);
    j["change_since_first_pct"] =
        ms.change_share ? json(detail::round_to(ms.change_share->value() * 100, 0.1)) : json(nullptr);
    j["trend_t_per_year"] = tonnes(ms.trend.per_year);
    json fc;
    for (std::size_t f = 0; f < kForecasts.size(); ++f) fc[std::string(code(kForecasts[f]))] = tonnes(ms.forecast[f]);
    j["forecast_t"] = fc;
    j["linear_zero_year"] = ms.zero_year ? json(*ms.zero_year) : json("never");
    j["carbon_law_t"] = tonnes(ms.carbon_law);
    j["fair_share"] = {{"share", detail::round_to(ms.budget_share.value(), 1e-6)},
                       {"budget_t", tonnes(ms.budget)},
                       {"runs_out", ms.budget.value() <= 0 ? json("net sink")
                                    : ms.budget_runout     ? json(*ms.budget_runout)
                                                           : json("not by 2100")}};
    json target;
    if (!ms.target.on_file) {
        target["status"] = "no target on file";
    } else {
        const auto& t = ms.target;
        target["status"] = "on file";
        target["file"] = t.file;
        target["plan"] = t.plan;
        target["year"] = t.year;
        target["reduction_pct"] = detail::round_to(t.reduction.value() * 100, 0.1);
        target["against_year"] = t.against_year;
        target["base_year_used"] = t.base_year_used;
        target["level_t"] = tonnes(t.level);
        json on;
        for (std::size_t f = 0; f < kForecasts.size(); ++f) on[std::string(code(kForecasts[f]))] = t.on_track[f];
        target["on_track"] = on;
        target["probability_linear"] = detail::round_to(t.probability, 0.001);
    }
    j["target"] = target;
    j["monte_carlo_t"] = {{"p5", tonnes(ms.mc[0])},
                          {"p50", tonnes(ms.mc[1])},
                          {"p95", tonnes(ms.mc[2])},
                          {"draws", s.params.draws},
                          {"forecast", "linear"}};
    j["rank"] = {{"region", {ms.rank_region, ms.region_size}},
                 {"similar_size", {ms.rank_similar, ms.similar_size}},
                 {"by", "latest t CO2e per inhabitant, lowest first"}};
    return j;
}

json head(const NationalStatus& s) {
    json j;
    j["source"] = s.data.source;
    j["attribution"] = s.data.attribution;
    j["vintage"] = s.data.vintage;
    j["years"] = s.data.years;
    j["forecast_year"] = s.params.forecast_year;
    j["methods"] = methods(s.params);
    j["parameters"] = {{"holt_alpha", s.params.holt_alpha},
                       {"holt_beta", s.params.holt_beta},
                       {"recent_years", s.params.recent_years},
                       {"carbon_law_rate", s.params.carbon_law_rate},
                       {"national_budget_t", tonnes(s.params.national_budget)},
                       {"budget_from", s.params.budget_from},
                       {"budget_source", s.params.budget_source},
                       {"draws", s.params.draws},
                       {"seed", s.params.seed}};
    return j;
}

}  // namespace

std::string national_json(const NationalStatus& s) {
    json j = head(s);
    const auto& n = s.national;
    json nat;
    nat["total_t"] = json::array();
    json sectors;
    for (std::size_t y = 0; y < s.data.years.size(); ++y) {
        nat["total_t"].push_back(tonnes(n.total[y]));
        for (std::size_t k = 0; k < kSectorCount; ++k)
            sectors[std::string(code(kSectors[k]))].push_back(tonnes(n.sectors[y][k]));
    }
    nat["sectors_t"] = sectors;
    json fc, on, below;
    for (std::size_t f = 0; f < kForecasts.size(); ++f) {
        fc[std::string(code(kForecasts[f]))] = tonnes(n.forecast[f]);
        on[std::string(code(kForecasts[f]))] = n.on_track[f];
        below[std::string(code(kForecasts[f]))] = n.below_carbon_law[f];
    }
    nat["forecast_t"] = fc;
    nat["with_target"] = n.with_target;
    nat["on_track"] = on;
    nat["below_carbon_law"] = below;
    nat["inventory"] = {{"year", n.inventory_year},
                        {"t", tonnes(n.inventory)},
                        {"source", n.inventory_source},
                        {"boundary_note", n.boundary_note}};
    j["national"] = nat;
    j["municipalities"] = json::array();
    for (std::size_t m = 0; m < s.municipalities.size(); ++m) j["municipalities"].push_back(municipality(s, m));
    return j.dump(2) + "\n";
}

std::string municipality_json(const NationalStatus& s, std::size_t m) {
    json j = head(s);
    j["municipality"] = municipality(s, m);
    return j.dump(2) + "\n";
}

}  // namespace klima::national
