// analysis::assess_impact: the adopted plan, the plan with the proposal and the proposal alone
// on BAU, from the same launch year, and their differences (docs/method.md, "Climate impact of a
// decision").
#include "klima/analysis/impact.hpp"

#include "impact_growth.hpp"

#include "klima/analysis/target_path.hpp"
#include "klima/inventory.hpp"
#include "klima/progress.hpp"
#include "klima/sector_totals.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace klima::analysis {

namespace {

using units::Mass;

constexpr int kCumulativeFrom = 2025;  // the council case's cumulative window: 2025–2050
constexpr int kMilestone = kMilestoneYear;

Location field(const Location& origin, const std::string& key) { return {origin.file, 0, origin.field + "/" + key}; }

// Whether two measures do the same, each alone on BAU from the launch year:
// the same emissions every row and year.
bool same_alone(const ScenarioSpec& plan, const MeasureSpec& x, const MeasureSpec& y, int launch,
                const ActivitySet& activity, const Drivers& drivers, const ReferenceData& ref) {
    ScenarioSpec one = plan, other = plan;
    one.launch_year = other.launch_year = launch;
    one.measures = {x};
    other.measures = {y};
    try {
        const auto a = klima::run_scenario(one, activity, drivers, ref, RunOptions{false});
        const auto b = klima::run_scenario(other, activity, drivers, ref, RunOptions{false});
        const double scale = std::max(1.0, a.scenario.kg().cwiseAbs().maxCoeff());
        return (a.scenario.kg() - b.scenario.kg()).cwiseAbs().maxCoeff() <= 1e-9 * scale;
    } catch (const Error&) {
        return false;  // one of them cannot act alone: not the same measure
    }
}

// The proposal's measures that repeat a plan measure (proposal index → plan
// index): the plan measure of the same id, which the proposal measure must
// then do exactly, or one of the same type and phase-in that does exactly
// the same alone on BAU (a contract decided again under a new id). The other
// measures are new decisions: ids of their own, acting after the launch year.
std::map<std::size_t, std::size_t> check_proposal(const Proposal& p, const ScenarioSpec& plan, int launch_year,
                                                  const ActivitySet& activity, const Drivers& drivers,
                                                  const ReferenceData& ref) {
    std::map<std::string, std::size_t> plan_ids;
    for (std::size_t j = 0; j < plan.measures.size(); ++j) plan_ids[plan.measures[j].id] = j;
    std::map<std::size_t, std::size_t> repeats;
    for (std::size_t i = 0; i < p.measures.size(); ++i) {
        const auto& m = p.measures[i];
        if (const auto twin = plan_ids.find(m.id); twin != plan_ids.end()) {
            if (!same_alone(plan, plan.measures[twin->second], m, launch_year, activity, drivers, ref))
                throw Error(field(m.origin, "id"),
                            "measure '" + m.id + "' has the id of a measure of the scenario " + plan.file +
                                " but does something else",
                            "give a new decision an id of its own; to record the plan's measure decided again, "
                            "repeat it unchanged");
            repeats[i] = twin->second;
            continue;
        }
        for (std::size_t j = 0; j < plan.measures.size(); ++j) {
            const auto& q = plan.measures[j];
            if (q.type != m.type || q.phase.shape != m.phase.shape || q.phase.start_year != m.phase.start_year ||
                q.phase.full_effect_year != m.phase.full_effect_year || q.effects.size() != m.effects.size())
                continue;
            if (same_alone(plan, q, m, launch_year, activity, drivers, ref)) {
                repeats[i] = j;
                break;
            }
        }
        if (repeats.count(i)) continue;
        if (m.phase.start_year <= launch_year)
            throw Error(field(m.origin, m.phase.shape == PhaseIn::Shape::table ? "phase_in" : "start_year"),
                        "measure '" + m.id + "' starts in " + std::to_string(m.phase.start_year) +
                            ", but the projection starts from the " + std::to_string(launch_year) +
                            " inventory, which already holds what happened up to then",
                        "give a start year from " + std::to_string(launch_year + 1) +
                            ", or, if it is a measure of the plan decided again, repeat that measure unchanged");
    }
    if (p.growth) {
        std::set<std::string> taken;
        for (const auto& [id, j] : plan_ids) taken.insert(id);
        for (const auto& m : p.measures) taken.insert(m.id);
        for (const auto& id : {p.growth->id, p.growth->id + "_byggeri"})
            if (taken.count(id))
                throw Error(field(p.growth->origin, "id"),
                            "id '" + id + "' is already a measure of the scenario or the proposal",
                            "give the growth an id of its own");
    }
    return repeats;
}

std::optional<GapFigures> gap_figures(const ScenarioResult& r, const TargetSet* targets, const Taxonomy& taxonomy,
                                      const std::vector<InventoryResult>& inventories) {
    if (!targets) return std::nullopt;
    // The progress report's target path and gap (report/assemble.cpp), so the gap and budget are the report's.
    const auto path =
        build_target_path(*targets, inventory_totals(inventories, targets->scope, taxonomy), &r, taxonomy);
    const auto gap = analyse_gap(r, *targets, path, taxonomy, std::nullopt);
    GapFigures g;
    g.gap_2030 = gap.at(kMilestone).gap;
    g.budget = gap.budget.budget;
    g.exhausted_in = gap.budget.exhausted_in;
    g.years_lasting = gap.budget.years_lasting;
    return g;
}

Mass territorial(const Trajectory& t, int y, const Taxonomy& taxonomy, TargetScope scope) {
    return sector_totals(t, y, taxonomy).total(scope);
}
Mass apart(const Trajectory& t, int y, const Taxonomy& taxonomy) {
    return t.total(y) - sector_totals(t, y, taxonomy).incl_lulucf();
}

Mass sum_measures(const ScenarioResult& r, const std::set<std::string>& ids, int from, int to) {
    Mass m = units::kilograms(0.0);
    for (const auto& x : r.measures)
        if (ids.count(x.id)) m += x.effect.cumulative(from, to);
    return m;
}

void require_finite(const ImpactResult& r) {
    std::vector<Mass> all{r.avoided_2030,    r.avoided_2025_2050,    r.apart_2030,       r.apart_2025_2050,
                          r.standalone_2030, r.standalone_2025_2050, r.share_2030,       r.share_2025_2050,
                          r.change_2030,     r.change_2025_2050,     r.avoided_all_years};
    for (const auto* s : {&r.avoided.territorial, &r.avoided.apart}) all.insert(all.end(), s->begin(), s->end());
    for (const auto& s : r.sectors) all.insert(all.end(), s.avoided.begin(), s.avoided.end());
    for (const auto& g : {r.adopted, r.with_proposal})
        if (g) all.insert(all.end(), {g->gap_2030, g->budget});
    bool finite = std::isfinite(r.cost.value()) && (!r.cost_per_tonne || std::isfinite(r.cost_per_tonne->value()));
    for (const auto& m : all) finite = finite && std::isfinite(m.value());
    if (!finite)
        throw Error({r.proposal_file, 0, ""}, "a figure of the impact is not a finite number",
                    "check the proposal's sizes and the scenario's data for values too large to add up");
}

}  // namespace

ImpactResult assess_impact(const PlanInputs& in, const ScenarioResult& a, const Proposal& proposal,
                           const std::optional<HouseholdElectricity>& household) {
    const auto& ref = *in.ref;
    const auto& plan = in.spec;
    const int launch = a.launch_year;
    const auto repeats = check_proposal(proposal, plan, launch, *in.activity, *in.drivers, ref);

    ImpactResult out;
    out.scenario_name = plan.name;
    out.municipality = plan.municipality;
    out.proposal_name = proposal.name;
    out.proposal_description = proposal.description;
    out.proposal_file = proposal.file;
    out.launch_year = launch;
    out.first_year = a.scenario.first_year();
    out.last_year = a.scenario.last_year();

    // The proposal's measures: as written, and its growth expanded into add and construction effects.
    std::vector<MeasureSpec> added = proposal.measures;
    if (proposal.growth) {
        auto g = expand_growth(*proposal.growth, launch, *in.activity, *in.drivers, ref.taxonomy, household);
        out.growth_rows = std::move(g.rows);
        for (auto& m : g.measures) added.push_back(std::move(m));
        out.growth = proposal.growth;
    }
    std::set<std::string> ids;  // the proposal's new measures (repeats are the plan's own)
    for (std::size_t i = 0; i < added.size(); ++i) {
        const auto& m = added[i];
        if (repeats.count(i)) {
            out.repeated.push_back(m.id);
        } else {
            ids.insert(m.id);
        }
        out.measure_ids.push_back(m.id);
        out.measure_names.push_back(m.name);
        out.cost += m.cost;
    }

    // (b) the plan with the proposal and (c) the proposal alone on BAU, from the same launch year.
    // A repeat is the plan's measure decided again: (b) holds it once, so it adds nothing.
    ScenarioSpec with = plan;
    with.launch_year = launch;
    for (std::size_t i = 0; i < added.size(); ++i)
        if (!repeats.count(i)) with.measures.push_back(added[i]);
    ScenarioSpec alone = plan;
    alone.launch_year = launch;
    alone.measures = added;
    const auto b = klima::run_scenario(with, *in.activity, *in.drivers, ref);
    const auto c = klima::run_scenario(alone, *in.activity, *in.drivers, ref);

    const auto& targets = in.targets;
    std::vector<InventoryResult> inventories;
    if (targets) {
        out.scope = targets->scope;
        for (int y : years_in(*in.activity)) {
            if (y > launch) continue;
            try {
                inventories.push_back(compute_inventory(*in.activity, y, ref, plan.gwp_set));
            } catch (const Error& e) {
                throw e.located({plan.activity_file, 0, ""});
            }
        }
    }
    out.adopted = gap_figures(a, targets.get(), ref.taxonomy, inventories);
    out.with_proposal = gap_figures(b, targets.get(), ref.taxonomy, inventories);

    const auto& tax = ref.taxonomy;
    out.avoided_2030 = out.avoided_2025_2050 = out.apart_2030 = out.apart_2025_2050 = units::kilograms(0.0);
    out.change_2030 = out.change_2025_2050 = out.avoided_all_years = units::kilograms(0.0);
    out.standalone_2030 = out.standalone_2025_2050 = units::kilograms(0.0);
    for (int y = out.first_year; y <= out.last_year; ++y) {
        const Mass t = territorial(a.scenario, y, tax, out.scope) - territorial(b.scenario, y, tax, out.scope);
        const Mass p = apart(a.scenario, y, tax) - apart(b.scenario, y, tax);
        const Mass all = a.scenario.total(y) - b.scenario.total(y);
        const Mass standalone = c.bau.total(y) - c.scenario.total(y);
        out.avoided.territorial.push_back(t);
        out.avoided.apart.push_back(p);
        out.avoided_all_years += all;
        if (y == kMilestone) {
            out.avoided_2030 = t;
            out.apart_2030 = p;
            out.change_2030 = all;
            out.standalone_2030 = standalone;
        }
        if (y >= kCumulativeFrom) {
            out.avoided_2025_2050 += t;
            out.apart_2025_2050 += p;
            out.change_2025_2050 += all;
            out.standalone_2025_2050 += standalone;
        }
    }
    out.share_2030 = sum_measures(b, ids, kMilestone, kMilestone);
    out.share_2025_2050 = sum_measures(b, ids, kCumulativeFrom, out.last_year);
    // A repeat and its twin are two identical players whose union does what
    // either does alone: Shapley gives each half the twin's effect.
    for (const auto& [i, j] : repeats) {
        const auto& twin = b.measures[j].effect;
        out.share_2030 += 0.5 * twin.total(kMilestone);
        out.share_2025_2050 += 0.5 * twin.cumulative(kCumulativeFrom, out.last_year);
    }
    out.cost_per_tonne = cost_per_tonne(out.cost, out.avoided_all_years);

    for (const auto& sector : tax.sectors()) {
        const Subsector& first = tax.first_subsector(sector);
        ImpactSector s{sector, first.sector_da, first.sector_en, first.territorial, {}};
        bool any = false;
        for (int y = out.first_year; y <= out.last_year; ++y) {
            s.avoided.push_back(a.scenario.sector_total(sector, y) - b.scenario.sector_total(sector, y));
            any = any || std::abs(units::in_tonnes(s.avoided.back())) > 1e-9;
        }
        if (any) out.sectors.push_back(std::move(s));
    }

    using Kind = ImpactResult::Source::Kind;
    for (const auto& m : proposal.measures) out.sources.push_back({Kind::measure, m.name, m.source});
    if (proposal.growth) out.sources.push_back({Kind::growth, proposal.growth->name, proposal.growth->source});
    std::set<int> population_years;
    for (const auto& r : out.growth_rows) {
        if (r.household_default) out.sources.push_back({Kind::household, std::to_string(r.inventory_year), r.source});
        else if (r.estimated) population_years.insert(r.inventory_year);
    }
    for (int y : population_years)
        out.sources.push_back({Kind::population, std::to_string(y), in.drivers->at(y).source});
    if (targets)
        for (const auto& t : targets->interim) out.sources.push_back({Kind::target, std::to_string(t.year), t.source});
    require_finite(out);
    return out;
}

}  // namespace klima::analysis
