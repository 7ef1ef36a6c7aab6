#include "klima/status/yearly_status.hpp"

#include "../analysis/scale.hpp"

#include "klima/progress.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <type_traits>
#include <variant>

namespace klima::status {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// The one uptake every sized effect of the measure is planned in; none when
// an effect has none (a share, an amount, a factor) or two differ (cars and
// refuse trucks): the measure is then recorded in % of its full size.
std::optional<Uptake> single_uptake(const MeasureSpec& m) {
    std::optional<Uptake> u;
    for (const auto& e : m.effects) {
        std::optional<Uptake> mine;
        std::visit(
            [&](const auto& x) {
                using T = std::decay_t<decltype(x)>;
                if constexpr (!std::is_same_v<T, FactorChange>) {
                    mine = x.size.uptake;
                    // An area planted, rewetted or built (300 ha of forest) is its own uptake, in ha.
                    // A built area (m² a year of climate-friendly construction) in m².
                    if (!mine && x.size.amount && std::holds_alternative<units::Area>(*x.size.amount)) {
                        bool built = false;
                        if constexpr (std::is_same_v<T, OwnRow>) built = x.op == "construction";
                        mine = built ? Uptake{*x.size.amount, units::square_metres(1.0), "m2"}
                                     : Uptake{*x.size.amount, units::hectares(1.0), "ha"};
                    }
                }
            },
            e);
        if (!mine) return std::nullopt;
        const auto& v = *mine;
        if (!u) u = v;
        else if (lower(u->unit) != lower(v.unit) || u->units_reached().value() != v.units_reached().value())
            return std::nullopt;
    }
    return u;
}

std::string sector_of(const MeasureSpec& m, const MeasureResult* r) {
    for (const auto& e : m.effects) {
        std::string sector;
        std::visit(
            [&](const auto& x) {
                using T = std::decay_t<decltype(x)>;
                if constexpr (std::is_same_v<T, Switch>) sector = x.from.sector;
                else if constexpr (std::is_same_v<T, Add> || std::is_same_v<T, OwnRow>) sector = x.row.sector;
                else sector = x.rows.sector;
            },
            e);
        if (!sector.empty() && sector != kAny) return sector;
    }
    if (!r) return {};
    const auto& eff = r->effect;
    std::map<std::string, double> by_sector;
    for (std::size_t i = 0; i < eff.row_count(); ++i) {
        const auto& key = eff.rows()[i];
        by_sector[key.substr(0, key.find('/'))] += eff.kg().row(static_cast<Eigen::Index>(i)).cwiseAbs().sum();
    }
    std::string best;
    double most = 0;
    for (const auto& [sector, x] : by_sector)
        if (x > most) most = x, best = sector;
    return best;
}

double mass_at(const std::map<int, units::Mass>& m, int year) {
    const auto it = m.find(year);
    return it == m.end() ? 0.0 : units::in_tonnes(it->second);
}

}  // namespace

YearlyStatus build_status(const StatusInputs& in, int year) {
    const auto& spec = in.run.spec;
    const auto& result = in.run.result;
    YearlyStatus out;
    out.year = year;

    std::map<std::string, std::size_t> index;
    std::string ids;
    for (std::size_t j = 0; j < spec.measures.size(); ++j) {
        index[spec.measures[j].id] = j;
        ids += (ids.empty() ? "" : ", ") + spec.measures[j].id;
    }
    const auto measure_of = [&](const std::string& id, const Location& at) {
        const auto it = index.find(id);
        if (it == index.end())
            throw Error(at, "unknown action '" + id + "': the scenario has no such measure",
                        "use a measure id of " + spec.file + ": " + ids);
        return it->second;
    };

    out.actions.resize(spec.measures.size());
    for (std::size_t j = 0; j < spec.measures.size(); ++j) {
        const auto& m = spec.measures[j];
        auto& a = out.actions[j];
        a.id = m.id;
        a.name = m.name;
        a.theme = m.theme;
        a.owner = m.owner;
        a.type = m.type;
        a.start_year = m.phase.start_year;
        a.full_effect_year = m.phase.full_effect_year;
        if (const auto u = single_uptake(m)) {
            a.uptake_unit = u->unit;
            a.full_uptake = u->units_reached().value();
        } else {
            a.uptake_unit = std::string(kPercentUnit);
            a.full_uptake = 100.0;
        }
        a.planned_uptake = m.phase.share(year).value() * a.full_uptake;
        a.sector = sector_of(m, j < result.measures.size() ? &result.measures[j] : nullptr);
        if (j < result.measures.size()) {
            a.planned_effect = units::tonnes(mass_at(result.measures[j].planned, year));
            a.planned_milestone = units::tonnes(mass_at(result.measures[j].planned, kMilestoneYear));
        }
    }

    // A realised uptake in the measure's unit; "%" of the full size is always accepted.
    const auto uptake_in_unit = [&](const ActionProgress& a, double v, const std::string& unit, const Location& at) {
        if (lower(unit) == lower(a.uptake_unit)) return v;
        if (unit == kPercentUnit) return v / 100.0 * a.full_uptake;
        throw Error(at, "action '" + a.id + "' is planned in " + a.uptake_unit + ", not " + unit,
                    "give its uptake in " + a.uptake_unit + " (the plan: " + fmt::format("{}", a.full_uptake) + " " +
                        a.uptake_unit + ") or in % of its full size");
    };

    for (const auto& s : in.statuses) {
        const auto j = measure_of(s.action, s.origin);
        auto& a = out.actions[j];
        if (s.year == year) {
            a.status = s;
            if (s.uptake) {
                a.realised_uptake = uptake_in_unit(a, *s.uptake, s.unit, s.origin);
                a.uptake_from = "status";
            }
        } else if (s.year == year - 1) {
            a.previous = s;
            out.has_previous = true;
        }
    }

    // Indicators linked to a measure: recording one records the other.
    for (const auto& v : in.indicators) {
        if (v.measure.empty()) continue;
        const auto& link = v.measure_at.file.empty() ? v.origin : v.measure_at;
        const auto j = measure_of(v.measure, link);
        if (v.year != year || !v.value) continue;
        auto& a = out.actions[j];
        const double u = uptake_in_unit(a, *v.value, v.unit, link);
        if (a.realised_uptake && std::abs(*a.realised_uptake - u) > 1e-9 * std::max(1.0, std::abs(u)))
            throw Error(v.origin,
                        "indicator '" + v.indicator + "' records " + fmt::format("{}", *v.value) + " " + v.unit +
                            " but the status of '" + a.id + "' records an uptake of " +
                            fmt::format("{}", *a.realised_uptake) + " " + a.uptake_unit,
                        "give the same figure in both, or leave one empty");
        if (!a.realised_uptake) {
            a.realised_uptake = u;
            a.uptake_from = "indicator " + v.indicator;
        }
    }

    // The realised effect: the plan as adopted (launched from the base year)
    // with each measure that has a realised uptake scaled to it and acting
    // fully from the status year; its share of BAU − scenario in that year.
    std::vector<units::Ratio> scale(spec.measures.size(), units::ratio(1.0));
    bool any = false;
    for (std::size_t j = 0; j < out.actions.size(); ++j) {
        auto& a = out.actions[j];
        if (!a.realised_uptake) continue;
        any = true;
        scale[j] = units::ratio(a.full_uptake > 0 ? *a.realised_uptake / a.full_uptake : 0.0);
        a.above_plan = *a.realised_uptake > a.full_uptake;
        a.ahead = *a.realised_uptake - a.planned_uptake;
        if (a.planned_uptake > 0) a.ahead_pct = *a.ahead / a.planned_uptake * 100.0;
    }
    if (any) {
        auto realised = analysis::scaled(spec, scale);
        realised.launch_year = realised.base_year;
        for (std::size_t j = 0; j < out.actions.size(); ++j) {
            if (!out.actions[j].realised_uptake) continue;
            auto& phase = realised.measures[j].phase;
            phase = PhaseIn{};
            phase.shape = PhaseIn::Shape::step;
            phase.start_year = phase.full_effect_year = year;
        }
        ScenarioResult run;
        try {
            run = run_scenario(realised, in.run.activity, in.run.drivers, in.ref);
        } catch (const Error& e) {
            if (e.kind() != ErrorKind::input) throw;
            // An uptake the activity cannot hold (more buses than the buses' diesel): say where it came from.
            throw Error(e.where(),
                        e.problem() + ", in the run at the realised uptakes of the status for " + std::to_string(year),
                        "check the realised uptake of that measure in the status file" +
                            (e.fix().empty() ? std::string() : "; " + e.fix()),
                        e.kind());
        }
        for (std::size_t j = 0; j < out.actions.size(); ++j)
            if (out.actions[j].realised_uptake) out.actions[j].realised_effect = run.measures[j].effect.total(year);
    }

    // Counts by status and theme.
    for (const auto& a : out.actions) {
        auto it = std::find_if(out.themes.begin(), out.themes.end(), [&](const auto& t) { return t.theme == a.theme; });
        if (it == out.themes.end()) {
            out.themes.push_back({});
            out.themes.back().theme = a.theme;
            it = out.themes.end() - 1;
        }
        ++it->actions;
        it->planned_effect += a.planned_effect;
        if (a.realised_effect) {
            it->realised_effect += *a.realised_effect;
            ++it->realised_actions;
        }
        if (a.status) {
            ++it->counts[static_cast<std::size_t>(a.status->state)];
            ++out.counts[static_cast<std::size_t>(a.status->state)];
        } else {
            ++it->unreported;
            ++out.unreported;
        }
        if (a.status && out.has_previous) {
            const auto from = a.previous ? std::optional(a.previous->state) : std::nullopt;
            const auto uptake_from = a.previous ? a.previous->uptake : std::nullopt;
            if (from != a.status->state || uptake_from != a.status->uptake)
                out.changes.push_back({a.id, from, a.status->state, uptake_from, a.status->uptake});
        }
    }

    // Indicators with any value or target, in catalogue order.
    for (const auto& x : in.catalogue) {
        IndicatorStatus s;
        s.indicator = x;
        for (const auto& v : in.indicators) {
            if (v.indicator != x.code) continue;
            if (v.value) s.values.push_back({v.year, *v.value});
            if (v.target) s.targets.push_back({v.year, *v.target});
            s.sources[v.year] = v.source;
            if (v.year == year) {
                s.value = v.value;
                s.target = v.target;
                s.source = v.source;
            }
            if (v.year == year - 1) s.previous = v.value;
            if (!v.measure.empty()) s.measure = v.measure;
        }
        // A linked measure's status records the indicator when the file leaves the value empty.
        if (!s.value && !s.measure.empty()) {
            const auto& a = out.actions[index.at(s.measure)];
            if (a.realised_uptake && a.uptake_from == "status" && lower(a.uptake_unit) == lower(x.unit)) {
                s.value = *a.realised_uptake;
                s.values.push_back({year, *s.value});
                s.source = s.sources[year] = "status of " + a.id;
            }
        }
        if (s.values.empty() && s.targets.empty()) continue;
        std::sort(s.values.begin(), s.values.end());
        std::sort(s.targets.begin(), s.targets.end());
        out.indicators.push_back(std::move(s));
    }
    return out;
}

std::vector<RealisedEffect> realised_effects(const YearlyStatus& status) {
    std::vector<RealisedEffect> out;
    for (const auto& a : status.actions) {
        if (!a.realised_effect) continue;
        RealisedEffect e;
        e.measure = a.id;
        e.year = status.year;
        e.effect = *a.realised_effect;
        e.source = a.status ? a.status->source : a.uptake_from;
        if (a.status) e.origin = a.status->origin;
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace klima::status
