// report::render_monte_carlo: percentiles per year, the chance of each target and
// the inputs' influence as text, JSON or CSV (keys in docs/analysis.md).
#include "klima/report/analysis_report.hpp"

#include "render_by_format.hpp"
#include "text.hpp"

#include <nlohmann/json.hpp>

#include <sstream>

namespace klima::report {

using namespace klima::analysis;
namespace {

using text::fixed;
using text::pad;
using units::in_tonnes;

nlohmann::json spread_json(const Spread& s) {
    return {{"mean", in_tonnes(s.mean)},
            {"sd", in_tonnes(s.sd)},
            {"p5", in_tonnes(s.p5)},
            {"p50", in_tonnes(s.p50)},
            {"p95", in_tonnes(s.p95)}};
}

std::string as_json(const MonteCarloOutcome& o) {
    nlohmann::json j;
    j["scenario"] = o.scenario_name;
    j["draws"] = o.draws;
    j["seed"] = o.seed;
    j["launch_year"] = o.launch_year;
    j["scope"] = std::string(to_string(o.scope));
    j["unit"] = "t CO2e";
    j["inputs"] = o.inputs;
    j["drawn"] = nlohmann::json::array();
    for (const auto& d : o.drawn) j["drawn"].push_back({{"input", d.input}, {"from", d.from}});
    j["years"] = nlohmann::json::array();
    for (const auto& y : o.years)
        j["years"].push_back({{"year", y.year}, {"bau", spread_json(y.bau)}, {"scenario", spread_json(y.scenario)}});
    j["targets"] = nlohmann::json::array();
    for (const auto& t : o.targets)
        j["targets"].push_back(
            {{"year", t.year}, {"target_t", in_tonnes(t.target)}, {"probability", t.probability.value()}});
    j["influence"] = nlohmann::json::array();
    for (const auto& i : o.influence)
        j["influence"].push_back({{"input", i.input}, {"rank_correlation", i.rank_correlation}});
    return j.dump(2) + "\n";
}

std::string as_csv(const MonteCarloOutcome& o) {
    std::ostringstream out;
    out << "series,year,mean_t,sd_t,p5_t,p50_t,p95_t\n";
    for (const char* series : {"bau", "scenario"})
        for (const auto& y : o.years) {
            const Spread& s = std::string(series) == "bau" ? y.bau : y.scenario;
            out << series << "," << y.year << "," << fixed(in_tonnes(s.mean), 3) << "," << fixed(in_tonnes(s.sd), 3)
                << "," << fixed(in_tonnes(s.p5), 3) << "," << fixed(in_tonnes(s.p50), 3) << ","
                << fixed(in_tonnes(s.p95), 3) << "\n";
        }
    return out.str();
}

std::string as_table(const MonteCarloOutcome& o) {
    std::ostringstream out;
    out << "Monte Carlo: " << o.scenario_name << ", " << o.draws << " draws, seed " << o.seed << ", projected from "
        << o.launch_year << " (t CO2e, " << to_string(o.scope) << ")\n\n";
    out << o.inputs << (o.inputs == 1 ? " uncertain input" : " uncertain inputs") << " drawn:\n";
    for (const auto& d : o.drawn) out << "  " << pad(d.input, 46, false) << " from " << d.from << "\n";
    out << "\n";
    std::string head = pad("year", 6, false) + pad("BAU p5", 12) + pad("p50", 12) + pad("p95", 12) +
                       pad("scenario p5", 13) + pad("p50", 12) + pad("p95", 12);
    out << head << "\n" << std::string(head.size(), '-') << "\n";
    for (const auto& y : o.years) {
        if (y.year != o.launch_year && y.year % 5 != 0) continue;
        out << pad(std::to_string(y.year), 6, false) << pad(fixed(in_tonnes(y.bau.p5)), 12)
            << pad(fixed(in_tonnes(y.bau.p50)), 12) << pad(fixed(in_tonnes(y.bau.p95)), 12)
            << pad(fixed(in_tonnes(y.scenario.p5)), 13) << pad(fixed(in_tonnes(y.scenario.p50)), 12)
            << pad(fixed(in_tonnes(y.scenario.p95)), 12) << "\n";
    }
    out << "\nProbability of meeting each target:\n";
    for (const auto& t : o.targets)
        out << "  " << t.year << "  target path " << fixed(in_tonnes(t.target))
            << " t: " << fixed(100.0 * t.probability.value()) << " %\n";
    if (!o.influence.empty()) {
        out << "\nInputs by influence on the scenario in " << o.targets.front().year
            << " (Spearman's rank correlation):\n";
        for (const auto& i : o.influence)
            out << "  " << pad(i.input, 46, false) << " " << fixed(i.rank_correlation, 3) << "\n";
    }
    return out.str();
}

}  // namespace

std::string render_monte_carlo(const MonteCarloOutcome& o, Format format) {
    return render_by_format<kMonteCarloFormats>(
        format, "the Monte Carlo", on<Format::table>([&] { return as_table(o); }),
        on<Format::json>([&] { return as_json(o); }), on<Format::csv>([&] { return as_csv(o); }));
}

}  // namespace klima::report
