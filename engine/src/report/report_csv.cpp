// The progress report as one long CSV table (table,key,name,column,value):
// every figure of the report, for spreadsheets and programs. Tonnes CO2e with
// three decimals, shares as fractions; an empty value is a missing figure.
#include "labels.hpp"
#include "report_text.hpp"
#include "text.hpp"

#include <sstream>
#include <tuple>

namespace klima::report {
namespace {

using text::csv_quote;
using text::fixed;

std::string t(units::Mass m) { return fixed(units::in_tonnes(m), 3); }
std::string t(const std::optional<units::Mass>& m) { return m ? t(*m) : ""; }
std::string share(const std::optional<units::Ratio>& r) { return r ? fixed(units::in_count(*r), 6) : ""; }

class Writer {
public:
    void put(const std::string& table, const std::string& key, const std::string& name, const std::string& column,
             const std::string& value) {
        out_ << table << "," << csv_quote(key) << "," << csv_quote(name) << "," << column << "," << csv_quote(value)
             << "\n";
    }
    std::string str() const { return out_.str(); }

private:
    std::ostringstream out_;
};

void progress_row(Writer& w, const ProgressRow& r, Lang l) {
    const auto put = [&](const char* col, const std::string& v) { w.put("sectors", r.key, row_name(r, l), col, v); };
    put("reference_t", t(r.reference));
    put("base_t", t(r.base));
    put("latest_t", t(r.latest));
    put("change_vs_reference", share(r.change_vs_reference));
    put("change_vs_base", share(r.change_vs_base));
    put("bau_2030_t", t(r.bau_milestone));
    put("target_2030_t", t(r.target_milestone));
    put("planned_effect_2030_t", t(r.planned_effect));
    put("remaining_gap_2030_t", t(r.remaining_gap));
}

std::string dkk(units::Money m) { return fixed(units::in_dkk(m), 2); }
std::string per_t(const std::optional<units::MoneyPerMass>& c) {
    return c ? fixed(units::in_dkk_per_tonne(*c), 2) : "";
}

std::string with_year(std::string s, const std::string& year) {
    if (const auto at = s.find("{year}"); at != std::string::npos) s.replace(at, 6, year);
    return s;
}

// The uncertainty and abatement tables: the same figures as the JSON.
void analysis_rows(Writer& w, const ReportData& d, Lang l) {
    if (const auto& mc = d.analysis.uncertainty) {
        w.put("uncertainty", "draws", tr("how_sure", l), "draws", std::to_string(mc->draws));
        w.put("uncertainty", "seed", tr("how_sure", l), "seed", std::to_string(mc->seed));
        for (const auto& y : mc->years) {
            const auto key = std::to_string(y.year);
            for (const auto& [series, name, sp] :
                 {std::tuple{"bau", tr("bau", l), y.bau}, std::tuple{"scenario", tr("scenario", l), y.scenario}}) {
                w.put("uncertainty", key + "/" + series, name, "p5_t", t(sp.p5));
                w.put("uncertainty", key + "/" + series, name, "p50_t", t(sp.p50));
                w.put("uncertainty", key + "/" + series, name, "p95_t", t(sp.p95));
            }
        }
        for (const auto& c : mc->targets) {
            w.put("chance", std::to_string(c.year), tr("probability", l), "target_t", t(c.target));
            w.put("chance", std::to_string(c.year), tr("probability", l), "probability",
                  fixed(units::in_count(c.probability), 6));
        }
        for (const auto& in : mc->influence)
            w.put("influence", in.input, in.input, "rank_correlation", fixed(in.rank_correlation, 6));
    } else {
        w.put("uncertainty", "none", tr("how_sure", l), "text", tr("no_distributions", l));
    }
    const auto& a = d.analysis.abatement;
    if (!a) return;
    const auto year = std::to_string(a->year);
    w.put("abatement", "year", tr("year", l), "year", year);
    w.put("abatement", "discount_rate", tr("dkk_per_t_disc", l), "rate", fixed(units::in_count(a->discount_rate), 6));
    w.put("abatement", "required", with_year(tr("required_reduction", l), year), "t", t(a->required));
    auto from = units::kilograms(0.0);
    for (const auto& m : a->measures) {
        const bool costed = units::in_dkk(m.cost) != 0.0;  // cost_dkk 0: no cost given
        const auto put = [&](const char* col, const std::string& v) { w.put("macc", m.id, m.name, col, v); };
        put("dkk_per_t_discounted", costed ? per_t(m.per_tonne_discounted) : "");
        put("dkk_per_t", costed ? per_t(m.per_tonne) : "");
        put("in_year_t", t(m.in_year));
        put("from_t", t(from));
        put("to_t", t(from + m.in_year));
        put("cost_dkk", costed ? dkk(m.cost) : "");
        put("cost_discounted_dkk", dkk(m.cost_discounted));
        put("level", fixed(units::in_count(m.level), 6));
        from += m.in_year;
    }
    const auto& p = a->portfolio;
    const auto put = [&](const char* col, const std::string& v) {
        w.put("portfolio", year, with_year(tr("portfolio", l), year), col, v);
    };
    put("feasible", p.feasible ? "true" : "false");
    put("cost_discounted_dkk", dkk(p.cost));
    put("effect_t", t(p.effect));
    put("checked_t", t(p.checked));
    put("remaining_gap_t", t(p.remaining_gap));
}

}  // namespace

std::string render_csv(const ReportData& d, Lang l) {
    Writer w;
    w.put("table", "key", "name", "column", "value");
    const auto& tg = d.targets;
    w.put("report", "title", d.title, "text", d.title);
    w.put("report", "year", tr("year", l), "year", std::to_string(d.report_year));
    w.put("report", "scope", scope_text(tg.scope, l), "text", std::string(to_string(tg.scope)));
    for (const auto& [year, level] : d.path.anchors())
        w.put("targets", std::to_string(year), tr("target_path", l), "anchor_t", t(level));
    for (const auto& it : tg.interim) {
        const auto key = std::to_string(it.year);
        w.put("targets", key, tr("interim_target", l), "reduction", fixed(units::in_count(it.reduction), 6));
        w.put("targets", key, tr("interim_target", l), "against_year", std::to_string(it.against_year));
        w.put("targets", key, tr("interim_target", l), "source", it.source);
    }
    w.put("targets", std::to_string(tg.neutrality_year), tr("neutrality", l), "source", tg.neutrality_source);

    const auto& b = d.gap.budget;
    w.put("budget", "budget", tr("budget", l), "t", t(b.budget));
    w.put("budget", "budget", tr("budget", l), "from", std::to_string(b.from));
    w.put("budget", "budget", tr("budget", l), "to", std::to_string(b.to));
    w.put("budget", "scenario_cumulative", tr("scenario_cumulative", l), "t", t(b.scenario_cumulative));
    w.put("budget", "exhausted_in", tr("exhausted_in", l), "year",
          b.exhausted_in ? std::to_string(*b.exhausted_in) : "");
    w.put("budget", "years_lasting", tr("years_lasting", l), "years",
          b.years_lasting ? fixed(units::in_count(*b.years_lasting), 3) : "");

    for (const auto& y : d.gap.years) {
        const auto key = std::to_string(y.year);
        w.put("gap", key, tr("total", l), "bau_t", t(y.bau));
        w.put("gap", key, tr("total", l), "scenario_t", t(y.scenario));
        w.put("gap", key, tr("total", l), "target_t", t(y.target));
        w.put("gap", key, tr("total", l), "gap_t", t(y.gap));
        w.put("gap", key, tr("total", l), "kind", std::string(to_string(d.scenario.kind_of(y.year))));
    }
    for (const auto& s : d.gap.sectors)
        for (const auto& y : s.years) {
            const auto key = s.sector + "/" + std::to_string(y.year);
            w.put("sector_gap", key, sector_name(d, s.sector, l), "scenario_t", t(y.scenario));
            w.put("sector_gap", key, sector_name(d, s.sector, l), "target_t", t(y.target));
            w.put("sector_gap", key, sector_name(d, s.sector, l), "gap_t", t(y.gap));
        }

    for (const auto& r : d.progress.sectors) progress_row(w, r, l);
    progress_row(w, d.progress.total_incl_lulucf, l);
    progress_row(w, d.progress.total_excl_lulucf, l);

    for (const auto& m : d.progress.measures) {
        const auto put = [&](const char* col, const std::string& v) { w.put("measures", m.id, m.name, col, v); };
        put("owner", m.owner);
        put("theme", m.theme);
        put("start_year", m.start_year ? std::to_string(m.start_year) : "");
        put("full_effect_year", m.full_effect_year ? std::to_string(m.full_effect_year) : "");
        put("planned_t", t(m.planned));  // the plan as adopted, in the reporting year
        put("realised_t", t(m.realised));
        put("status", std::string(to_string(m.status)));
        put("effect_2030_t", t(m.effect_milestone.total));  // order-free, in the target's scope
        put("effect_2030_outside_scope_t", t(outside_scope(m.effect_milestone)));
    }
    for (const auto& th : d.progress.themes) {
        const auto put = [&](const char* col, const std::string& v) { w.put("themes", th.theme, th.theme, col, v); };
        put("measures", std::to_string(th.measures));
        put("effect_2030_t", t(th.effect_milestone.total));
        put("effect_2030_outside_scope_t", t(outside_scope(th.effect_milestone)));
    }
    if (d.analysis.included) analysis_rows(w, d, l);
    for (const auto& f : d.findings)
        w.put("check", std::string(to_string(f.kind)), f.subject, "finding", describe(f, l));
    return w.str();
}

}  // namespace klima::report
