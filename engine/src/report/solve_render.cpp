// report::render_solve: a solve outcome as text, JSON or CSV (keys in docs/analysis.md).
#include "klima/report/analysis_report.hpp"

#include "render_by_format.hpp"
#include "text.hpp"

#include <nlohmann/json.hpp>

#include <sstream>

namespace klima::report {

using namespace klima::analysis;
namespace {

using text::fixed;
using units::in_tonnes;

std::string scope_words(TargetScope s) {
    return s == TargetScope::incl_lulucf ? "territorial incl. LULUCF" : "territorial excl. LULUCF";
}

std::string limit_words(ScaleLimit l) {
    switch (l) {
        case ScaleLimit::share: return "a share reaches 100 %";
        case ScaleLimit::overdraw: return "beyond it a row is overdrawn";
        case ScaleLimit::limit: return "klima's limit of 10 times the plan";
    }
    return "";
}

nlohmann::json uptake_json(const Uptake& u, double scale) {
    const double planned = u.units_reached().value();
    return {{"unit", u.unit}, {"planned", planned}, {"at_scale", planned * scale}};
}

std::string as_json(const SolveOutcome& o) {
    nlohmann::json j;
    j["scenario"] = o.scenario_name;
    j["year"] = o.year;
    j["launch_year"] = o.launch_year;
    j["scope"] = std::string(to_string(o.scope));
    j["measure"] = o.measure ? nlohmann::json(*o.measure) : nlohmann::json(nullptr);
    j["measures"] = nlohmann::json::array();
    for (const auto& m : o.scaled) {
        nlohmann::json x{{"id", m.id}, {"name", m.name}};
        x["uptake"] = m.uptake ? uptake_json(*m.uptake, o.scale.value()) : nlohmann::json(nullptr);
        j["measures"].push_back(x);
    }
    j["bau_t"] = in_tonnes(o.bau);
    j["target_t"] = in_tonnes(o.target);
    j["planned_t"] = in_tonnes(o.at_plan);
    j["without_t"] = in_tonnes(o.without);
    j["max_scale"] = o.max_scale.value();
    j["limited_by"] = std::string(to_string(o.limited_by));
    j["limited_by_what"] = o.limited_by_what.empty() ? nlohmann::json(nullptr) : nlohmann::json(o.limited_by_what);
    j["met"] = o.met;
    j["scale"] = o.scale.value();
    j["scenario_t"] = in_tonnes(o.at_scale);
    j["remaining_gap_t"] = in_tonnes(o.remaining_gap);
    j["runs"] = o.runs;
    return j.dump(2) + "\n";
}

std::string as_csv(const SolveOutcome& o) {
    std::ostringstream out;
    out << "key,value\n";
    out << "scenario," << text::csv_quote(o.scenario_name) << "\n";
    out << "year," << o.year << "\nlaunch_year," << o.launch_year << "\nscope," << to_string(o.scope) << "\n";
    out << "measure," << (o.measure ? *o.measure : std::string("*")) << "\n";
    out << "bau_t," << fixed(in_tonnes(o.bau), 3) << "\ntarget_t," << fixed(in_tonnes(o.target), 3) << "\n";
    out << "planned_t," << fixed(in_tonnes(o.at_plan), 3) << "\nwithout_t," << fixed(in_tonnes(o.without), 3) << "\n";
    out << "max_scale," << fixed(o.max_scale.value(), 6) << "\nlimited_by," << to_string(o.limited_by) << "\n";
    out << "limited_by_what," << text::csv_quote(o.limited_by_what) << "\n";
    out << "met," << (o.met ? "true" : "false") << "\nscale," << fixed(o.scale.value(), 6) << "\n";
    out << "scenario_t," << fixed(in_tonnes(o.at_scale), 3) << "\nremaining_gap_t,"
        << fixed(in_tonnes(o.remaining_gap), 3) << "\n";
    return out.str();
}

std::string as_table(const SolveOutcome& o) {
    std::ostringstream out;
    const std::string y = std::to_string(o.year);
    out << "Solve: " << o.scenario_name << ", " << y << " (projected from " << o.launch_year << "), "
        << (o.measure ? "measure " + *o.measure
                      : "all " + std::to_string(o.scaled.size()) + " measures scaled together")
        << "\n";
    out << "Scope: " << scope_words(o.scope) << ", t CO2e\n\n";
    out << "  target path " << y << "            " << fixed(in_tonnes(o.target)) << "\n";
    out << "  BAU " << y << "                    " << fixed(in_tonnes(o.bau)) << "\n";
    out << "  without the measures (×0)   " << fixed(in_tonnes(o.without)) << "\n";
    out << "  as planned (×1)             " << fixed(in_tonnes(o.at_plan)) << "   gap "
        << fixed(in_tonnes(o.at_plan - o.target)) << "\n";
    out << "  largest scale               ×" << fixed(o.max_scale.value(), 3) << " (" << limit_words(o.limited_by)
        << ")\n";
    if (!o.limited_by_what.empty()) out << "  limited by                  " << o.limited_by_what << "\n";
    out << "\n";
    if (o.met && o.scale.value() == 0.0) {
        out << "Met at scale ×0: even without " << (o.measure ? "this measure" : "the measures")
            << " the scenario is on or under the target path in " << y << ".\n";
    } else if (o.met) {
        out << "Met at scale ×" << fixed(o.scale.value(), 4) << " (" << fixed(100.0 * o.scale.value())
            << " % of the planned size): " << fixed(in_tonnes(o.at_scale)) << " t in " << y << ".\n";
    } else {
        out << "Not met: even at the largest scale ×" << fixed(o.scale.value(), 3) << " the scenario is "
            << fixed(in_tonnes(o.at_scale)) << " t in " << y << ", " << fixed(in_tonnes(o.remaining_gap))
            << " t above the target path (the remaining gap).\n";
        if (!o.limited_by_what.empty())
            out << "What limits it: " << o.limited_by_what
                << (o.limited_by == ScaleLimit::share ? " (the measure cannot go beyond 100 %)" : "") << ".\n";
    }
    bool any = false;
    for (const auto& m : o.scaled) {
        if (!m.uptake) continue;
        if (!any) out << "\nUptake at that scale:\n";
        any = true;
        const double planned = m.uptake->units_reached().value();
        out << "  " << text::pad(m.id, 28, false) << fixed(planned, 1) << " → " << fixed(planned * o.scale.value(), 1)
            << " " << m.uptake->unit << "\n";
    }
    return out.str();
}

}  // namespace

std::string render_solve(const SolveOutcome& o, Format format) {
    return render_by_format<kSolveFormats>(format, "the solve", on<Format::table>([&] { return as_table(o); }),
                                           on<Format::json>([&] { return as_json(o); }),
                                           on<Format::csv>([&] { return as_csv(o); }));
}

}  // namespace klima::report
