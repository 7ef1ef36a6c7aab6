// The paragraph and tables of `klima impact`, and the Markdown and JSON
// renderings (HTML: impact_html.cpp).
#include "klima/report/impact_report.hpp"

#include "impact_text.hpp"
#include "render_by_format.hpp"
#include "report_text.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <sstream>

namespace klima::report {

namespace {

using units::Mass;

bool da(Lang l) { return l == Lang::da; }
std::string t(Mass m, Lang l) { return decimal_text(units::in_tonnes(m), 1, l); }
std::string abs_t(Mass m, Lang l) { return decimal_text(std::abs(units::in_tonnes(m)), 1, l); }
std::string signed_t(Mass m, Lang l) {
    std::string s = m.value() > 0 ? "+" : "";
    s += t(m, l);
    return s;
}
bool is_zero(Mass m) { return std::abs(units::in_tonnes(m)) < 0.05; }

// "lowers emissions by 12.3 t CO2e" / "raises …" / "does not change …".
std::string change(Mass avoided, Lang l) {
    if (is_zero(avoided)) return da(l) ? "ændrer ikke udledningen" : "does not change emissions";
    const bool lower = avoided.value() > 0;
    if (da(l)) return std::string(lower ? "mindsker" : "øger") + " udledningen med " + abs_t(avoided, l) + " t CO2e";
    return std::string(lower ? "lowers" : "raises") + " emissions by " + abs_t(avoided, l) + " t CO2e";
}

std::string scope_words(TargetScope s, Lang l) {
    if (s == TargetScope::incl_lulucf) return da(l) ? "territorialt, inkl. LULUCF" : "territorial, incl. LULUCF";
    return da(l) ? "territorialt, ekskl. LULUCF" : "territorial, excl. LULUCF";
}

// "in 2038, after 21.3 years" / "not by 2050".
std::string budget_words(const analysis::GapFigures& g, Lang l) {
    if (!g.exhausted_in) return da(l) ? "ikke inden 2050" : "not by 2050";
    std::string s = (da(l) ? "i " : "in ") + std::to_string(*g.exhausted_in);
    if (g.years_lasting)
        s += (da(l) ? ", efter " : ", after ") + decimal_text(units::in_count(*g.years_lasting), 1, l) +
             (da(l) ? " år" : " years");
    return s;
}

std::string money(double dkk, Lang l) { return decimal_text(dkk, 0, l) + (da(l) ? " kr." : " DKK"); }

}  // namespace

std::vector<int> impact_years(const analysis::ImpactResult& r) {
    std::vector<int> ys;
    for (int y = 2025; y <= r.last_year; y += 5)
        if (y >= r.first_year) ys.push_back(y);
    return ys;
}

std::string impact_paragraph(const analysis::ImpactResult& r, Lang l) {
    std::ostringstream o;
    const std::string scope = scope_words(r.scope, l);
    if (da(l)) {
        o << "Forslaget «" << r.proposal_name << "» " << change(r.avoided_2030, l) << " i 2030 og "
          << change(r.avoided_2025_2050, l) << " i alt 2025–2050 (" << scope << "), sammenlignet med klimaplanen «"
          << r.scenario_name << "» fremskrevet fra opgørelsen for " << r.launch_year << ".";
        if (!is_zero(r.apart_2025_2050))
            o << " Byggeri, som opgøres uden for det territoriale total: forslaget " << change(r.apart_2030, l)
              << " i 2030 og " << change(r.apart_2025_2050, l) << " i alt 2025–2050.";
    } else {
        o << "The proposal “" << r.proposal_name << "” " << change(r.avoided_2030, l) << " in 2030 and "
          << change(r.avoided_2025_2050, l) << " in total over 2025–2050 (" << scope
          << "), compared with the climate plan “" << r.scenario_name << "” projected from the " << r.launch_year
          << " inventory.";
        if (!is_zero(r.apart_2025_2050))
            o << " Construction, reported apart from the territorial total: the proposal " << change(r.apart_2030, l)
              << " in 2030 and " << change(r.apart_2025_2050, l) << " in total over 2025–2050.";
    }
    if (r.adopted && r.with_proposal) {
        const auto& a = *r.adopted;
        const auto& b = *r.with_proposal;
        if (da(l))
            o << " Manglen til målet i 2030 går fra " << t(a.gap_2030, l) << " til " << t(b.gap_2030, l) << " t CO2e ("
              << signed_t(b.gap_2030 - a.gap_2030, l) << " t; positiv mangel: over målstien). CO2-budgettet på "
              << t(a.budget, l) << " t opbruges " << budget_words(b, l) << " (uden forslaget: " << budget_words(a, l)
              << ").";
        else
            o << " The gap to the 2030 target goes from " << t(a.gap_2030, l) << " to " << t(b.gap_2030, l)
              << " t CO2e (" << signed_t(b.gap_2030 - a.gap_2030, l)
              << " t; a positive gap is above the target path). The carbon budget of " << t(a.budget, l)
              << " t is used up " << budget_words(b, l) << " (without the proposal: " << budget_words(a, l) << ").";
    } else {
        o << (da(l) ? " Scenariet nævner ingen mål, så manglen og budgettet er ikke beregnet."
                    : " The scenario names no targets, so the gap and the budget are not computed.");
    }
    const double cost = units::in_dkk(r.cost);
    if (r.cost_per_tonne)
        o << (da(l) ? " Det koster " : " It costs ") << money(units::in_dkk_per_tonne(*r.cost_per_tonne), l)
          << (da(l) ? " pr. undgået ton (" : " per tonne avoided (") << money(cost, l)
          << (da(l) ? " i alt, ikke diskonteret)." : " in total, undiscounted).");
    else if (r.avoided_all_years.value() < 0)
        o << (da(l) ? " Forslaget øger udledningen samlet set, så der er ingen pris pr. undgået ton (omkostning "
                    : " The proposal raises emissions overall, so there is no cost per tonne avoided (cost ")
          << money(cost, l) << ").";
    else
        o << (da(l) ? " Forslaget undgår intet, så der er ingen pris pr. ton."
                    : " The proposal avoids nothing, so there is no cost per tonne.");
    if (da(l))
        o << " Samspil med planen 2025–2050 (alle rækker): alene (på BAU) " << change(r.standalone_2025_2050, l)
          << "; sammen med planen " << change(r.change_2025_2050, l)
          << "; forslagets rækkefølgeuafhængige andel (Shapley) af planen plus forslaget "
          << change(r.share_2025_2050, l) << ".";
    else
        o << " Interaction with the plan 2025–2050 (all rows): on its own (on BAU) it "
          << change(r.standalone_2025_2050, l) << "; together with the plan it " << change(r.change_2025_2050, l)
          << "; its order-free (Shapley) share of the plan plus the proposal " << change(r.share_2025_2050, l) << ".";
    const double alone = units::in_tonnes(r.standalone_2025_2050), share = units::in_tonnes(r.share_2025_2050);
    if (std::abs(alone) > 0.05 && std::abs(share) < 0.8 * std::abs(alone))
        o << (da(l) ? " Planen gør allerede en del af det samme, så forslaget tilføjer mindre end alene."
                    : " The plan already does part of the same, so the proposal adds less than on its own.");
    return o.str();
}

std::string render_markdown_impact(const analysis::ImpactResult& r, Lang l) {
    std::ostringstream o;
    o << "# " << impact::title(r, l) << "\n\n" << impact_paragraph(r, l) << "\n";
    for (const auto& tb : impact::tables(r, l)) {
        o << "\n## " << tb.heading << "\n\n|";
        for (const auto& h : tb.head) o << " " << h << " |";
        o << "\n|";
        for (std::size_t i = 0; i < tb.head.size(); ++i) o << (tb.numeric(i) ? " ---: |" : " --- |");
        o << "\n";
        for (const auto& row : tb.rows) {
            o << "|";
            for (const auto& c : row) o << " " << c << " |";
            o << "\n";
        }
        if (!tb.note.empty()) o << "\n" << tb.note << "\n";
    }
    o << "\n## " << (da(l) ? "Forudsætninger og kilder" : "Assumptions and sources") << "\n\n";
    for (const auto& a : impact::assumptions(r, l)) o << "- " << a << "\n";
    return o.str();
}

std::string render_json_impact(const analysis::ImpactResult& r) {
    using nlohmann::json;
    auto tt = [](Mass m) { return units::in_tonnes(m); };
    auto series = [&](const std::vector<Mass>& v) {
        json a = json::array();
        for (const auto& m : v) a.push_back(tt(m));
        return a;
    };
    auto gap = [&](const std::optional<analysis::GapFigures>& g) -> json {
        if (!g) return nullptr;
        return {{"gap_2030_t", tt(g->gap_2030)},
                {"budget_t", tt(g->budget)},
                {"budget_exhausted_in", g->exhausted_in ? json(*g->exhausted_in) : json(nullptr)},
                {"budget_years_lasting", g->years_lasting ? json(units::in_count(*g->years_lasting)) : json(nullptr)}};
    };
    json j;
    j["proposal"] = {{"name", r.proposal_name},
                     {"file", r.proposal_file},
                     {"description", r.proposal_description},
                     {"measures", r.measure_ids},
                     {"repeats_plan_measures", r.repeated}};
    j["scenario"] = {{"name", r.scenario_name}, {"municipality", r.municipality}, {"launch_year", r.launch_year}};
    j["sign"] = "avoided: positive = the proposal lowers emissions, negative = it raises them";
    j["scope"] = std::string(to_string(r.scope));
    j["years"] = json::array();
    for (int y = r.first_year; y <= r.last_year; ++y) j["years"].push_back(y);
    j["avoided_t"] = {{"territorial", series(r.avoided.territorial)}, {"apart", series(r.avoided.apart)}};
    j["sectors"] = json::array();
    for (const auto& s : r.sectors)
        j["sectors"].push_back({{"sector", s.sector},
                                {"name_da", s.name_da},
                                {"name_en", s.name_en},
                                {"territorial", s.territorial},
                                {"avoided_t", series(s.avoided)}});
    j["avoided_2030_t"] = tt(r.avoided_2030);
    j["avoided_2025_2050_t"] = tt(r.avoided_2025_2050);
    j["apart_2030_t"] = tt(r.apart_2030);
    j["apart_2025_2050_t"] = tt(r.apart_2025_2050);
    j["interaction"] = {
        {"standalone_2030_t", tt(r.standalone_2030)}, {"standalone_2025_2050_t", tt(r.standalone_2025_2050)},
        {"shapley_share_2030_t", tt(r.share_2030)},   {"shapley_share_2025_2050_t", tt(r.share_2025_2050)},
        {"change_2030_t", tt(r.change_2030)},         {"change_2025_2050_t", tt(r.change_2025_2050)}};
    j["gap"] = {{"adopted", gap(r.adopted)}, {"with_proposal", gap(r.with_proposal)}};
    j["cost_dkk"] = units::in_dkk(r.cost);
    j["avoided_all_years_t"] = tt(r.avoided_all_years);
    j["cost_per_tonne_dkk"] = r.cost_per_tonne ? json(units::in_dkk_per_tonne(*r.cost_per_tonne)) : json(nullptr);
    j["raises_emissions"] = r.avoided_all_years.value() < 0;
    j["growth_rows"] = json::array();
    for (const auto& g : r.growth_rows)
        j["growth_rows"].push_back(
            {{"row", g.row},
             {"carrier", g.carrier},
             {"at_full", units::display_value(g.at_full)},
             {"unit", std::string(units::display_unit(units::kind_of(g.at_full)))},
             {"estimated_per_inhabitant", g.estimated},
             {"household_default", g.household_default},
             {"inventory_year", g.estimated && !g.household_default ? json(g.inventory_year) : json(nullptr)},
             {"figure_year", g.household_default ? json(g.inventory_year) : json(nullptr)},
             {"population", g.estimated && !g.household_default ? json(units::in_count(g.population)) : json(nullptr)},
             {"source", g.source}});
    j["sources"] = json::array();
    for (const auto& s : r.sources) {
        static const char* kinds[] = {"measure", "growth", "population", "target", "household_electricity"};
        j["sources"].push_back({{"kind", kinds[static_cast<int>(s.kind)]}, {"what", s.what}, {"source", s.source}});
    }
    return j.dump(2) + "\n";
}

std::string render_html_impact(const analysis::ImpactResult& r, Lang l);  // impact_html.cpp

std::string render_impact(const analysis::ImpactResult& r, Format format, Lang lang) {
    return render_by_format<kImpactFormats>(format, "the impact",
                                            on<Format::md>([&] { return render_markdown_impact(r, lang); }),
                                            on<Format::html>([&] { return render_html_impact(r, lang); }),
                                            on<Format::json>([&] { return render_json_impact(r); }));
}

}  // namespace klima::report
