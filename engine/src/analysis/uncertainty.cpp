#include "uncertainty.hpp"

#include "scale.hpp"

#include "klima/error.hpp"

#include <boost/math/special_functions/erf.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>

namespace klima::analysis {
namespace {

using nlohmann::json;

[[noreturn]] void bad(const std::string& file, const std::string& at, const std::string& what, const std::string& fix) {
    throw Error({file, 0, at}, what, fix);
}

double number(const json& j, const char* key, const std::string& file, const std::string& at) {
    if (!j.contains(key) || !j[key].is_number())
        bad(file, at + "/" + key, std::string("'") + key + "' must be a number", "give it as a number");
    return j[key].get<double>();
}

Distribution distribution(const json& j, const std::string& file, const std::string& at) {
    Distribution d;
    if (!j.is_object() || j.size() != 1)
        bad(file, at, "a distribution is one of normal, lognormal, triangular, uniform or pct",
            "write e.g. {\"normal\": {\"sd\": 0.1}} or {\"pct\": 10}");
    // Not *j.items().begin(): the proxy items() returns would die with the statement.
    const auto first = j.begin();
    const std::string kind = first.key();
    const json& p = first.value();
    const std::string here = at + "/" + kind;
    if (kind == "normal") {
        d.kind = Distribution::Kind::normal;
        d.a = number(p, "sd", file, here);
        if (d.a < 0 || d.a > 0.5)
            bad(file, here + "/sd", "sd must be in [0, 0.5] (of the value)", "give a share, e.g. 0.1");
    } else if (kind == "lognormal") {
        d.kind = Distribution::Kind::lognormal;
        d.a = number(p, "sigma", file, here);
        if (d.a < 0 || d.a > 2)
            bad(file, here + "/sigma", "sigma must be in [0, 2]", "give the sd of the log, e.g. 0.2");
    } else if (kind == "triangular") {
        d.kind = Distribution::Kind::triangular;
        d.a = number(p, "low", file, here);
        d.b = number(p, "mode", file, here);
        d.c = number(p, "high", file, here);
        if (!(0 <= d.a && d.a <= d.b && d.b <= d.c && d.a < d.c))
            bad(file, here, "a triangular distribution needs 0 ≤ low ≤ mode ≤ high, low < high", "reorder the values");
    } else if (kind == "uniform" || kind == "pct") {
        d.kind = Distribution::Kind::uniform;
        if (kind == "pct") {
            if (!p.is_number() || p.get<double>() < 0 || p.get<double>() >= 100)
                bad(file, here, "pct must be a number in [0, 100)", "give the ± percentage, e.g. 10");
            d.a = 1 - p.get<double>() / 100;
            d.b = 1 + p.get<double>() / 100;
        } else {
            d.a = number(p, "low", file, here);
            d.b = number(p, "high", file, here);
            if (!(0 <= d.a && d.a < d.b))
                bad(file, here, "a uniform distribution needs 0 ≤ low < high", "reorder the values");
        }
    } else {
        bad(file, here, "unknown distribution '" + kind + "'", "use normal, lognormal, triangular, uniform or pct");
    }
    return d;
}

RowSelector selector(const json& j, const std::string& file, const std::string& at) {
    RowSelector s;
    for (const auto& [k, v] : j.items()) {
        if (!v.is_string()) bad(file, at + "/" + k, "'" + k + "' must be text", "give a code or \"*\"");
        if (k == "sector") s.sector = v.get<std::string>();
        else if (k == "subsector") s.subsector = v.get<std::string>();
        else if (k == "carrier") s.carrier = v.get<std::string>();
        else bad(file, at + "/" + k, "unknown key '" + k + "'", "use sector, subsector and carrier");
    }
    return s;
}

// The standard normal quantile: Φ⁻¹(u) = −√2 · erfc⁻¹(2u).
double normal_quantile(double u) { return -std::sqrt(2.0) * boost::math::erfc_inv(2.0 * u); }

}  // namespace

double Distribution::draw(std::mt19937_64& rng) const {
    // Inverse transforms of one uniform u (std:: distributions differ between libraries; these do not).
    const double u = (static_cast<double>(rng() >> 11) + 0.5) * 0x1.0p-53;
    switch (kind) {
        case Kind::normal: return std::max(0.0, 1.0 + a * normal_quantile(u));  // sd ≤ 0.5: below 0 only past 2 sd
        case Kind::lognormal: return std::exp(a * normal_quantile(u));
        case Kind::triangular: {
            const double f = (b - a) / (c - a);
            return u < f ? a + std::sqrt(u * (c - a) * (b - a)) : c - std::sqrt((1 - u) * (c - a) * (c - b));
        }
        case Kind::uniform: return a + u * (b - a);
    }
    return 1.0;
}

std::vector<UncertainInput> load_uncertainty(const std::string& path, const ScenarioSpec& spec) {
    std::ifstream in(path);
    if (!in) throw Error({path, 0, ""}, "cannot read the uncertainty file", "check the path", ErrorKind::io);
    json root;
    try {
        root = json::parse(in);
    } catch (const json::exception& e) {
        bad(path, "", std::string("not valid JSON: ") + e.what(), "fix the JSON syntax");
    }
    if (!root.is_object() || !root.contains("inputs") || !root["inputs"].is_array())
        bad(path, "/inputs", "the file must be an object with a list 'inputs'", "write {\"inputs\": [ … ]}");
    std::vector<UncertainInput> out;
    for (std::size_t i = 0; i < root["inputs"].size(); ++i) {
        const auto& j = root["inputs"][i];
        const std::string at = "/inputs/" + std::to_string(i);
        UncertainInput u;
        int kinds = 0;
        for (const auto& [k, v] : j.items()) {
            if (k == "dist") continue;
            ++kinds;
            if (k == "activity") {
                u.on = UncertainInput::On::activity;
                u.rows = selector(v, path, at + "/activity");
                u.label = "activity " + u.rows.describe();
            } else if (k == "factor") {
                u.on = UncertainInput::On::factor;
                u.rows = selector(v, path, at + "/factor");
                u.label = "factor " + u.rows.describe();
            } else if (k == "driver" && v.is_string()) {
                u.on = UncertainInput::On::driver;
                u.driver = parse_driver(v.get<std::string>(), {path, 0, at + "/driver"});
                u.label = "driver " + v.get<std::string>();
            } else if (k == "measure" && v.is_string()) {
                u.on = UncertainInput::On::measure;
                u.measure = v.get<std::string>();
                bool found = false;
                for (const auto& m : spec.measures) found = found || m.id == u.measure;
                if (!found)
                    bad(path, at + "/measure", "the scenario has no measure '" + u.measure + "'",
                        "use a measure id of the scenario");
                u.label = "measure " + u.measure;
            } else {
                bad(path, at + "/" + k, "unknown key '" + k + "'",
                    "use one of activity, factor, driver, measure, and dist");
            }
        }
        if (kinds != 1)
            bad(path, at, "an input names exactly one of activity, factor, driver or measure",
                "split it into one input each");
        if (!j.contains("dist"))
            bad(path, at + "/dist", "the input has no distribution", "add \"dist\": {\"pct\": 10}");
        u.dist = distribution(j["dist"], path, at + "/dist");
        out.push_back(std::move(u));
    }
    return out;
}

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
