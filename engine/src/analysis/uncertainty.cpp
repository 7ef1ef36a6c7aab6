#include "uncertainty.hpp"

#include "draw_generator.hpp"

#include "scale.hpp"

#include "klima/error.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace klima {

double Distribution::draw(std::mt19937_64& rng) const { return analysis::multiplier_at(*this, rng()); }

}  // namespace klima

namespace klima::analysis {

bool multiplies(const UncertainInput& u, const EmissionFactor& f) {
    if (u.on != UncertainInput::On::factor) return false;
    const std::string_view sub = f.subsector.empty() ? kAny : std::string_view(f.subsector);
    return (u.rows.carrier == kAny || u.rows.carrier == f.carrier) &&
           (u.rows.subsector == kAny || u.rows.subsector == sub);
}

Draw apply_draw(const Inputs& base, const std::vector<UncertainInput>& inputs, const std::vector<double>& values) {
    Draw out{base.spec, base.activity, Drivers{}, std::nullopt};
    std::vector<units::Ratio> scale(base.spec.measures.size(), units::ratio(1.0));
    std::map<Driver, double> growth;
    bool factors = false;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const auto& u = inputs[i];
        const double m = values[i];
        switch (u.on) {
            case UncertainInput::On::activity:
                for (auto& r : out.activity)
                    if (r.amount && u.rows.matches(r.sector, r.subsector, r.carrier))
                        r.amount = units::scale(*r.amount, units::ratio(m));
                break;
            case UncertainInput::On::factor: factors = true; break;
            case UncertainInput::On::driver: growth[u.driver] = m; break;
            case UncertainInput::On::measure:
                for (std::size_t j = 0; j < base.spec.measures.size(); ++j)
                    if (base.spec.measures[j].id == u.measure) scale[j] = scale[j] * m;
                break;
        }
    }
    out.spec = scaled(base.spec, scale);
    if (factors) {  // the library rebuilt with each matching row's value multiplied
        FactorLibrary lib;
        for (const EmissionFactor* f : base.ref.factors.all()) {
            EmissionFactor g = *f;
            for (std::size_t i = 0; i < inputs.size(); ++i) {
                const auto& u = inputs[i];
                if (!multiplies(u, *f)) continue;
                g.value = std::visit([&](auto v) -> units::FactorValue { return v * values[i]; }, g.value);
            }
            lib.add(std::move(g));
        }
        out.ref = base.ref;
        out.ref->factors = std::move(lib);
    }
    // A driver's growth from the base year times m: v'(y) = v(b) · (1 + m · (v(y)/v(b) − 1)).
    const auto& years = base.drivers.years();
    for (const auto& y : years) {
        DriverYear d = y;
        const auto& b = years.front();
        auto grow = [&](Driver k, double now, double first) {
            const auto it = growth.find(k);
            return it == growth.end() ? now : first * (1.0 + it->second * (now / first - 1.0));
        };
        d.population = units::count(grow(Driver::population, y.population.value(), b.population.value()));
        d.households = units::count(grow(Driver::households, y.households.value(), b.households.value()));
        d.vehicle_km =
            units::Distance::from_value(grow(Driver::vehicle_km, y.vehicle_km.value(), b.vehicle_km.value()));
        out.drivers.add(std::move(d));
    }
    return out;
}

}  // namespace klima::analysis

namespace klima::analysis {
namespace {

std::string key_of(const UncertainInput& u) {
    switch (u.on) {
        case UncertainInput::On::activity:
            return "activity\n" + u.rows.sector + "\n" + u.rows.subsector + "\n" + u.rows.carrier;
        case UncertainInput::On::factor: return "factor\n" + u.rows.subsector + "\n" + u.rows.carrier;
        case UncertainInput::On::driver: return "driver\n" + std::string(to_string(u.driver));
        case UncertainInput::On::measure: return "measure\n" + u.measure;
    }
    return {};
}

// Adds one source's inputs to `into`: each replaces an input of an earlier
// source with the same target, or is appended.
void merge(Gathered& into, std::size_t earlier, std::vector<UncertainInput> inputs, std::vector<std::string> from) {
    std::map<std::string, std::size_t> had;
    for (std::size_t i = 0; i < earlier; ++i) had.emplace(key_of(into.inputs[i]), i);
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const auto it = had.find(key_of(inputs[i]));
        if (it != had.end()) {
            into.inputs[it->second] = std::move(inputs[i]);
            into.from[it->second] = std::move(from[i]);
            had.erase(it);
        } else {
            into.inputs.push_back(std::move(inputs[i]));
            into.from.push_back(std::move(from[i]));
        }
    }
}

// One target's distribution in data: the newest year (≤ launch) that carries
// one; rows of that year must agree.
struct Pick {
    int year = 0;
    Distribution dist;
    Location origin;
};

void consider(std::map<std::string, Pick>& picks, const std::string& key, int year, const Distribution& d,
              const Location& origin, const std::string& what) {
    auto [it, fresh] = picks.try_emplace(key, Pick{year, d, origin});
    if (fresh || year > it->second.year) {
        it->second = {year, d, origin};
    } else if (year == it->second.year && !(d == it->second.dist)) {
        throw Error(origin,
                    what + " has the distribution '" + to_text(d) + "', but " + to_string(it->second.origin) +
                        " of the same year gives '" + to_text(it->second.dist) + "'",
                    "give the rows of one target and year the same distribution, or one of them none");
    }
}

}  // namespace

Gathered gather_uncertainty(const ScenarioSpec& spec, const ActivitySet& activity, const Drivers& drivers,
                            const ReferenceData& ref, int launch_year, const std::optional<UncertaintyFile>& file) {
    Gathered out;
    std::map<std::string, Pick> rows, factors;
    std::map<std::string, RowSelector> selectors;
    for (const auto& r : activity) {
        if (!r.uncertainty || r.year > launch_year) continue;
        std::string key = r.sector;
        key.append("/").append(r.subsector).append("/").append(r.carrier);
        consider(rows, key, r.year, *r.uncertainty, r.origin, "activity " + key);
        selectors.try_emplace(key, RowSelector{r.sector, r.subsector, r.carrier});
    }
    for (const auto& [key, pick] : rows) {
        UncertainInput u;
        u.on = UncertainInput::On::activity;
        u.rows = selectors.at(key);
        u.dist = pick.dist;
        u.label = "activity " + u.rows.describe();
        out.inputs.push_back(std::move(u));
        out.from.push_back(to_string(pick.origin));
    }
    for (const EmissionFactor* f : ref.factors.all()) {
        if (!f->uncertainty || f->year_from > launch_year) continue;
        const std::string sub = f->subsector.empty() ? std::string(kAny) : f->subsector;
        std::string key = f->carrier;
        key.append("/").append(sub);
        consider(factors, key, f->year_from, *f->uncertainty, f->origin, "factor " + key);
        selectors.try_emplace("factor\n" + key, RowSelector{std::string(kAny), sub, f->carrier});
    }
    for (const auto& [key, pick] : factors) {
        UncertainInput u;
        u.on = UncertainInput::On::factor;
        u.rows = selectors.at("factor\n" + key);
        u.dist = pick.dist;
        u.label = "factor " + u.rows.describe();
        out.inputs.push_back(std::move(u));
        out.from.push_back(to_string(pick.origin));
    }
    for (const auto& d : drivers.uncertainty()) {
        UncertainInput u;
        u.on = UncertainInput::On::driver;
        u.driver = d.driver;
        u.dist = d.growth;
        u.label = "driver " + std::string(to_string(d.driver));
        out.inputs.push_back(std::move(u));
        out.from.push_back(to_string(d.origin));
    }
    std::size_t earlier = out.inputs.size();
    std::vector<UncertainInput> scenario;
    std::vector<std::string> from;
    for (const auto& m : spec.measures) {
        if (!m.uncertainty) continue;
        UncertainInput u;
        u.on = UncertainInput::On::measure;
        u.measure = m.id;
        u.dist = *m.uncertainty;
        u.label = "measure " + m.id;
        scenario.push_back(std::move(u));
        from.push_back(to_string(Location{m.origin.file, 0, m.origin.field + "/uncertainty"}));
    }
    merge(out, earlier, std::move(scenario), std::move(from));
    const auto given_in = [&](const std::vector<UncertainInput>& inputs) {
        earlier = out.inputs.size();
        from.clear();
        for (const auto& u : inputs) from.push_back(to_string(u.origin));
        merge(out, earlier, inputs, std::move(from));
    };
    given_in(spec.uncertainty);
    if (file) given_in(file->inputs);
    if (out.inputs.empty())
        throw Error({spec.file, 0, ""}, "nothing is uncertain: no distribution in the scenario, its data or a file",
                    "give one in an 'uncertainty' column of the activity or factor CSV, a '<driver>_uncertainty' "
                    "column of the drivers file, a measure's \"uncertainty\", the scenario's \"uncertainty\": "
                    "{\"inputs\": [ … ]}, or an uncertainty file (docs/analysis.md)");
    return out;
}

bool carries_uncertainty(const ScenarioSpec& spec, const ActivitySet& activity, const Drivers& drivers,
                         const ReferenceData& ref) {
    if (!spec.uncertainty.empty() || !drivers.uncertainty().empty()) return true;
    for (const auto& m : spec.measures)
        if (m.uncertainty) return true;
    for (const auto& r : activity)
        if (r.uncertainty) return true;
    for (const EmissionFactor* f : ref.factors.all())
        if (f->uncertainty) return true;
    return false;
}

}  // namespace klima::analysis
