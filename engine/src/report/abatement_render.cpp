// report::render_abatement: the MACC and the cheapest portfolio as text, JSON or
// CSV (keys in docs/analysis.md).
#include "klima/report/analysis_report.hpp"

#include "render_by_format.hpp"
#include "text.hpp"

#include <nlohmann/json.hpp>

#include <sstream>

namespace klima::report {

using namespace klima::analysis;
namespace {

using text::csv_quote;
using text::fixed;
using text::pad;
using units::in_tonnes;

nlohmann::json per_tonne_json(const std::optional<units::MoneyPerMass>& c) {
    return c ? nlohmann::json(units::in_dkk_per_tonne(*c)) : nlohmann::json(nullptr);
}

std::string per_tonne_text(const std::optional<units::MoneyPerMass>& c) {
    return c ? fixed(units::in_dkk_per_tonne(*c), 0) : std::string("–");
}

// Each measure's stretch of the MACC's x axis: avoided tonnes in the year, cumulated (negative effects: no width).
std::vector<std::pair<double, double>> widths(const AbatementOutcome& o) {
    std::vector<std::pair<double, double>> w;
    double at = 0.0;
    for (const auto& m : o.measures) {
        const double width = m.per_tonne_discounted ? std::max(in_tonnes(m.in_year), 0.0) : 0.0;
        w.emplace_back(at, at + width);
        at += width;
    }
    return w;
}

std::string as_json(const AbatementOutcome& o) {
    nlohmann::json j;
    j["scenario"] = o.scenario_name;
    j["year"] = o.year;
    j["base_year"] = o.base_year;
    j["launch_year"] = o.launch_year;
    j["discount_rate"] = o.discount_rate.value();
    j["cost_spread"] = "even over start_year..full_effect_year";
    j["scope"] = std::string(to_string(o.scope));
    j["bau_t"] = in_tonnes(o.bau);
    j["target_t"] = in_tonnes(o.target);
    j["scenario_t"] = in_tonnes(o.scenario);
    j["required_t"] = in_tonnes(o.required);
    j["macc"] = nlohmann::json::array();
    const auto w = widths(o);
    for (std::size_t i = 0; i < o.measures.size(); ++i) {
        const auto& m = o.measures[i];
        j["macc"].push_back({{"id", m.id},
                             {"name", m.name},
                             {"theme", m.theme},
                             {"start_year", m.start_year},
                             {"full_effect_year", m.full_effect_year},
                             {"cost_dkk", units::in_dkk(m.cost)},
                             {"cost_discounted_dkk", units::in_dkk(m.cost_discounted)},
                             {"avoided_t", in_tonnes(m.avoided)},
                             {"avoided_discounted_t", in_tonnes(m.avoided_discounted)},
                             {"dkk_per_t", per_tonne_json(m.per_tonne)},
                             {"dkk_per_t_discounted", per_tonne_json(m.per_tonne_discounted)},
                             {"in_year_t", in_tonnes(m.in_year)},
                             {"from_t", w[i].first},
                             {"to_t", w[i].second},
                             {"level", m.level.value()}});
    }
    const auto& p = o.portfolio;
    j["portfolio"] = {{"mode", p.budget ? "budget" : "meet"},
                      {"budget_dkk", p.budget ? nlohmann::json(units::in_dkk(*p.budget)) : nlohmann::json(nullptr)},
                      {"feasible", p.feasible},
                      {"cost_discounted_dkk", units::in_dkk(p.cost)},
                      {"effect_t", in_tonnes(p.effect)},
                      {"checked_t", in_tonnes(p.checked)},
                      {"remaining_gap_t", in_tonnes(p.remaining_gap)}};
    return j.dump(2) + "\n";
}

std::string as_csv(const AbatementOutcome& o) {
    std::ostringstream out;
    out << "id,dkk_per_t_discounted,dkk_per_t,in_year_t,from_t,to_t,avoided_t,cost_dkk,cost_discounted_dkk,level\n";
    const auto w = widths(o);
    const auto opt = [](const std::optional<units::MoneyPerMass>& c) {
        return c ? fixed(units::in_dkk_per_tonne(*c), 2) : std::string();
    };
    for (std::size_t i = 0; i < o.measures.size(); ++i) {
        const auto& m = o.measures[i];
        out << csv_quote(m.id) << "," << opt(m.per_tonne_discounted) << "," << opt(m.per_tonne) << ","
            << fixed(in_tonnes(m.in_year), 3) << "," << fixed(w[i].first, 3) << "," << fixed(w[i].second, 3) << ","
            << fixed(in_tonnes(m.avoided), 3) << "," << fixed(units::in_dkk(m.cost), 0) << ","
            << fixed(units::in_dkk(m.cost_discounted), 0) << "," << fixed(m.level.value(), 6) << "\n";
    }
    return out.str();
}

std::string as_table(const AbatementOutcome& o) {
    std::ostringstream out;
    const std::string y = std::to_string(o.year);
    out << "Abatement cost: " << o.scenario_name << ", target year " << y << " (projected from " << o.launch_year
        << ")\n";
    out << "Discount rate " << fixed(100.0 * o.discount_rate.value(), 2) << " % a year, to the base year "
        << o.base_year << "; each cost spread evenly over its start..full-effect years (klima's assumption).\n\n";
    out << "MACC, cheapest first (width: t CO2e avoided in " << y << ")\n";
    std::string head = pad("measure", 30, false) + pad("DKK/t disc.", 13) + pad("DKK/t", 10) + pad("t in " + y, 11) +
                       pad("cumul. t", 11) + pad("level", 8);
    out << head << "\n" << std::string(head.size(), '-') << "\n";
    const auto w = widths(o);
    for (std::size_t i = 0; i < o.measures.size(); ++i) {
        const auto& m = o.measures[i];
        out << pad(m.id, 30, false) << pad(per_tonne_text(m.per_tonne_discounted), 13)
            << pad(per_tonne_text(m.per_tonne), 10) << pad(fixed(in_tonnes(m.in_year)), 11)
            << pad(fixed(w[i].second), 11) << pad(fixed(m.level.value(), 3), 8) << "\n";
    }
    out << "\nNeeded in " << y << ": BAU " << fixed(in_tonnes(o.bau)) << " − target path " << fixed(in_tonnes(o.target))
        << " = " << fixed(in_tonnes(o.required)) << " t; the plan avoids " << fixed(in_tonnes(o.bau - o.scenario))
        << " t.\n";
    const auto& p = o.portfolio;
    if (p.budget)
        out << "Most avoided within " << fixed(units::in_dkk(*p.budget) / 1e6, 1) << " mio. DKK (discounted): ";
    else if (p.feasible) out << "Cheapest portfolio meeting the path: ";
    else out << "Even every measure at full uptake does not meet the path; all of them: ";
    out << fixed(units::in_dkk(p.cost) / 1e6, 1) << " mio. DKK discounted, " << fixed(in_tonnes(p.effect)) << " t in "
        << y << " (linear in the levels).\n";
    out << "Checked by a run at those levels: " << fixed(in_tonnes(p.checked)) << " t in " << y << ", "
        << fixed(in_tonnes(p.remaining_gap)) << " t against the target path.\n";
    return out.str();
}

}  // namespace

std::string render_abatement(const AbatementOutcome& o, Format format) {
    return render_by_format<kAbatementFormats>(format, "the MACC", on<Format::table>([&] { return as_table(o); }),
                                               on<Format::json>([&] { return as_json(o); }),
                                               on<Format::csv>([&] { return as_csv(o); }));
}

}  // namespace klima::report
