#include "measure_file.hpp"

#include "klima/taxonomy_codes.hpp"

#include "klima/io/data_files.hpp"
#include "klima/join.hpp"
#include "readers.hpp"

#include <cctype>

namespace klima::io {

namespace {

using nlohmann::json;
constexpr double kBig = 1e12;
constexpr const char* kGuide = "docs/scenarios.md";

bool is_word(const std::string& s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!std::isalpha(static_cast<unsigned char>(c)) && c != '_') return false;
    return true;
}

// "household" and "households", "bus" and "buses" name the same unit.
bool same_word(const std::string& a, const std::string& b) {
    return a == b || a + "s" == b || b + "s" == a || a + "es" == b || b + "es" == a;
}

// {"value": 6000, "unit": "households"}: a physical unit klima knows, or a
// word for things counted (households, buses, chargers).
Uptake read_uptake(JsonObject& o) {
    const double v = o.number("value", 0, kBig);
    const std::string unit = o.text("unit");
    o.finish(kGuide);
    try {
        return {units::make_amount(v, unit), units::make_amount(1.0, unit), unit};
    } catch (const Error&) {
        if (!is_word(unit))
            throw Error(o.at("unit"), "unknown uptake unit '" + unit + "'",
                        "use a unit such as ha, m2, km, MWh, or a word for what is counted (households, buses)");
        return {units::count(v), units::count(1.0), unit};
    }
}

units::Amount read_amount(JsonObject& o) {
    const double v = o.number("value", 0, kBig);
    const std::string unit = o.text("unit");
    o.finish(kGuide);
    try {
        return units::make_amount(v, unit);
    } catch (const Error& e) {
        throw e.located(o.at("unit"));
    }
}

// {"value": 15, "unit": "MWh/household"}: an amount per one unit of uptake.
units::Amount read_per_uptake(JsonObject& o, const Uptake& uptake) {
    const double v = o.number("value", 0, kBig);
    const std::string unit = o.text("unit");
    o.finish(kGuide);
    const auto slash = unit.rfind('/');
    if (slash == std::string::npos)
        throw Error(o.at("unit"), "a per-uptake unit names what one unit of uptake gives, e.g. MWh/" + uptake.unit,
                    "write \"unit\": \"<amount unit>/" + uptake.unit + "\"");
    const std::string num = unit.substr(0, slash), den = unit.substr(slash + 1);
    units::Amount amount = units::count(0.0);
    try {
        amount = units::make_amount(v, num);
    } catch (const Error& e) {
        throw e.located(o.at("unit"));
    }
    // Per one unit of uptake as written: "MWh/m2" on an uptake in ha is × 10⁴.
    double per_den = 1.0;
    if (std::holds_alternative<units::Count>(uptake.one) && is_word(uptake.unit)) {
        if (!same_word(den, uptake.unit))
            throw Error(o.at("unit"), "'" + unit + "' is per " + den + " but the uptake is in " + uptake.unit,
                        "write \"" + num + "/" + uptake.unit + "\"");
    } else {
        units::Amount d = units::count(1.0);
        try {
            d = units::make_amount(1.0, den);
        } catch (const Error&) {
            throw Error(o.at("unit"), "'" + unit + "' is per " + den + " but the uptake is in " + uptake.unit,
                        "write \"" + num + "/" + uptake.unit + "\"");
        }
        if (units::kind_of(d) != units::kind_of(uptake.one))
            throw Error(o.at("unit"), "'" + unit + "' is per " + den + " but the uptake is in " + uptake.unit,
                        "write \"" + num + "/" + uptake.unit + "\"");
        per_den = units::si_value(uptake.one) / units::si_value(d);
    }
    return units::scale(amount, units::ratio(per_den));
}

units::EnergyPerDistance read_intensity(JsonObject& o) {
    const double v = o.number("value", 0, 1000, true);
    const std::string unit = o.choice("unit", {"kWh/km", "MJ/km"});
    o.finish(kGuide);
    return unit == "kWh/km" ? units::kwh_per_km(v) : units::kilowatt_hours(v / 3.6) / units::kilometres(1.0);
}

RowSelector read_rows(JsonObject& o) {
    RowSelector s;
    s.sector = o.text_or("sector", std::string(kAny));
    s.subsector = o.text_or("subsector", std::string(kAny));
    s.carrier = o.text_or("carrier", std::string(kAny));
    o.finish(kGuide);
    return s;
}

class EffectReader {
public:
    EffectReader(JsonObject& e, const std::optional<Uptake>& measure_uptake, const std::string& file)
        : e_(e), file_(file), uptake_(measure_uptake) {
        if (e_.has("uptake")) {
            JsonObject u(e_.value("uptake"), e_.path() + "/uptake", file_);
            uptake_ = read_uptake(u);
        }
    }

    JsonObject sub(const std::string& key) { return JsonObject(e_.value(key), e_.path() + "/" + key, file_); }

    // Exactly one of share, share_per_uptake, amount, per_uptake.
    EffectSize size(bool shares_allowed) {
        const std::vector<std::string> keys{"share", "share_per_uptake", "amount", "per_uptake"};
        std::vector<std::string> given;
        for (const auto& k : keys)
            if (e_.has(k)) given.push_back(k);
        if (given.size() != 1)
            throw Error(
                e_.at(given.empty() ? "amount" : given[1]),
                given.empty() ? "the effect has no size" : "the effect has two sizes (" + join(given, ", ") + ")",
                std::string("give exactly one of ") + (shares_allowed ? "share, share_per_uptake, " : "") +
                    "amount, per_uptake");
        const std::string& k = given.front();
        EffectSize s;
        if (k == "share" || k == "share_per_uptake") {
            if (!shares_allowed)
                throw Error(e_.at(k), "this effect takes an amount, not a share", "give amount or per_uptake");
            s.share = units::ratio(e_.number(k, 0, 1));
            if (k == "share_per_uptake") {
                s.uptake = need_uptake(k);
                if ((s.share * s.uptake->units_reached()).value() > 1.0)
                    throw Error(
                        e_.at(k),
                        "uptake × share_per_uptake = " + short_number((s.share * s.uptake->units_reached()).value()) +
                            ", more than the whole row",
                        "give a share per unit of at most 1/" + short_number(s.uptake->units_reached().value()));
            }
            return s;
        }
        s.basis = EffectSize::Basis::amount;
        JsonObject a = sub(k);
        if (k == "amount") {
            s.amount = read_amount(a);
        } else {
            s.uptake = need_uptake(k);
            s.amount = read_per_uptake(a, *s.uptake);
        }
        return s;
    }

    RowKey to(const RowSelector& from) {
        JsonObject t = sub("to");
        RowKey k;
        k.carrier = t.text("carrier");
        for (auto [field, fallback] : {std::pair{"sector", &from.sector}, std::pair{"subsector", &from.subsector}}) {
            std::string& out = std::string(field) == "sector" ? k.sector : k.subsector;
            if (t.has(field)) {
                out = t.text(field);
            } else if (*fallback != kAny) {
                out = *fallback;
            } else {
                throw Error(t.at(field),
                            std::string("'from' selects every ") + field + ", so the switch needs one to write to",
                            std::string("add \"") + field + "\" to \"to\"");
            }
        }
        t.finish(kGuide);
        return k;
    }

    std::optional<units::Ratio> ratio(const std::string& key) {
        if (!e_.has(key)) return std::nullopt;
        return units::ratio(e_.number(key, 0, 100, true));
    }

    std::optional<units::EnergyPerDistance> intensity(const std::string& key) {
        if (!e_.has(key)) return std::nullopt;
        JsonObject i = sub(key);
        return read_intensity(i);
    }

    JsonObject& json() { return e_; }

private:
    Uptake need_uptake(const std::string& key) {
        if (!uptake_)
            throw Error(e_.at(key), key + " needs an uptake",
                        "give the measure (or this effect) \"uptake\": {\"value\": …, \"unit\": \"households\"}");
        return *uptake_;
    }

    JsonObject& e_;
    const std::string& file_;
    std::optional<Uptake> uptake_;
};

}  // namespace

Effect read_effect(JsonObject& e, const std::optional<Uptake>& uptake, const std::string& measure_id, std::size_t index,
                   const std::string& file) {
    EffectReader r(e, uptake, file);
    const std::string op = e.choice("op", {"reduce", "shift", "switch", "add", "factor", "land_use", "construction"});
    const std::string own_suffix = ":" + measure_id + (index == 0 ? "" : "." + std::to_string(index + 1));
    Effect out;
    if (op == "reduce") {
        JsonObject rows = r.sub("rows");
        out = Reduce{read_rows(rows), r.size(true)};
    } else if (op == "switch" || op == "shift") {
        Switch s;
        s.shift = op == "shift";
        JsonObject from = r.sub("from");
        s.from = read_rows(from);
        s.to = r.to(s.from);
        s.from_efficiency = r.ratio("from_efficiency");
        s.to_efficiency = r.ratio("to_efficiency");
        if (e.has("cop")) {
            if (s.to_efficiency) throw Error(e.at("cop"), "cop and to_efficiency say the same", "give one of them");
            s.to_efficiency = r.ratio("cop");
        }
        if (e.has("ratio")) {
            if (s.from_efficiency)
                throw Error(e.at("ratio"), "ratio and from_efficiency say the same", "give one of them");
            s.from_efficiency = r.ratio("ratio");
        }
        s.from_intensity = r.intensity("from_intensity");
        s.to_intensity = r.intensity("to_intensity");
        if (s.from_intensity && s.from_efficiency)
            throw Error(e.at("from_intensity"), "from_intensity (per km) and from_efficiency cannot both apply",
                        "give one of them");
        s.size = r.size(true);
        if (s.shift && s.size.basis != EffectSize::Basis::share)
            throw Error(e.at("amount"), "a shift moves a share of a service", "give share (or share_per_uptake)");
        out = s;
    } else if (op == "add") {
        JsonObject row = r.sub("row");
        const auto sel = read_rows(row);
        if (sel.sector == kAny || sel.subsector == kAny || sel.carrier == kAny)
            throw Error(row.at("carrier"), "an added row needs sector, subsector and carrier",
                        "give all three, no \"*\"");
        out = Add{{sel.sector, sel.subsector, sel.carrier}, r.size(false)};
    } else if (op == "factor") {
        FactorChange f;
        JsonObject rows = r.sub("rows");
        f.rows = read_rows(rows);
        if (e.has("reduction") == e.has("value"))
            throw Error(e.at("reduction"), "a factor change needs one of reduction and value", "give exactly one");
        if (e.has("reduction")) {
            f.reduction = units::ratio(e.number("reduction", -10, 1));
        } else {
            JsonObject v = r.sub("value");
            const double x = v.number("value", -1e6, 1e6);
            const std::string unit = v.text("unit");
            v.finish(kGuide);
            try {
                f.co2e_value = units::make_factor(x, unit);
            } catch (const Error& err) {
                throw err.located(v.at("unit"));
            }
        }
        out = f;
    } else if (op == "land_use") {
        OwnRow o;
        o.op = op;
        const std::string sub = e.text("subsector");
        const auto base = e.text_or("carrier", sub + "_ny");
        o.row = {codes::kLulucf, sub, base + own_suffix};
        o.co2e_per_unit = units::t_per_ha(e.number("t_co2e_per_ha", -1000, 1000));
        if (e.has("replaces")) o.replaces = e.text("replaces");
        o.size = r.size(false);
        out = o;
    } else {
        OwnRow o;
        o.op = op;
        const std::string sub = e.text_or("subsector", codes::kNewBuild);
        const std::string replaced = e.text_or("replaces", sub + "_m2");
        o.row = {codes::kConstruction, sub, replaced + own_suffix};
        o.co2e_per_unit = units::kg_per_m2(e.number("kg_co2e_per_m2", 0, 10000));
        o.replaces = replaced;
        o.size = r.size(false);
        out = o;
    }
    if (const auto* o = std::get_if<OwnRow>(&out); o && units::kind_of(*o->size.amount) != units::AmountKind::area)
        throw Error(e.at(e.has("amount") ? "amount" : "per_uptake"), op + " is sized in area",
                    "give the amount in ha or m2");
    e.finish(kGuide);
    return out;
}

namespace {

PhaseIn read_phase(JsonObject& m, int base_year, const std::string& file) {
    PhaseIn p;
    if (m.has("phase_in")) {
        const auto& v = m.value("phase_in");
        std::string shape;
        std::optional<JsonObject> o;
        if (v.is_string()) {
            shape = v.get<std::string>();
        } else {
            o.emplace(v, m.path() + "/phase_in", file);
            shape = o->choice("shape", {"linear", "s_curve", "step", "table"});
        }
        if (shape == "s_curve") {
            if (!o)
                throw Error(m.at("phase_in"), "an S-curve needs midpoint and steepness",
                            "write {\"shape\": \"s_curve\", \"midpoint\": 2027, \"steepness\": 0.8}");
            p.shape = PhaseIn::Shape::s_curve;
            p.midpoint = o->number("midpoint", kFirstYear, kLastYear);
            p.steepness = o->number("steepness", 0, 10, true);
        } else if (shape == "step") {
            p.shape = PhaseIn::Shape::step;
        } else if (shape == "table") {
            if (!o)
                throw Error(m.at("phase_in"), "a table needs its shares",
                            "write {\"shape\": \"table\", \"shares\": {\"2025\": 0.3, \"2030\": 1}}");
            p.shape = PhaseIn::Shape::table;
            JsonObject shares(o->value("shares"), o->path() + "/shares", file);
            p.table = shares.year_shares();
            if (p.table.empty())
                throw Error(shares.at(""), "the table has no years", "give at least one year and share");
            shares.finish(kGuide);
        } else if (shape != "linear") {
            throw Error(m.at("phase_in"), "unknown phase-in '" + shape + "'", "use linear, s_curve, step or table");
        }
        if (o) o->finish(kGuide);
    }
    if (p.shape == PhaseIn::Shape::table) {
        p.start_year = p.table.front().first;
        p.full_effect_year = p.table.back().first;
        if (m.has("start_year") || m.has("full_effect_year"))
            throw Error(m.at(m.has("start_year") ? "start_year" : "full_effect_year"),
                        "a table phase-in gives its own years", "leave out start_year and full_effect_year");
    } else {
        p.start_year = m.year("start_year");
        p.full_effect_year =
            p.shape == PhaseIn::Shape::step && !m.has("full_effect_year") ? p.start_year : m.year("full_effect_year");
    }
    const Location start_at = p.shape == PhaseIn::Shape::table ? m.at("phase_in") : m.at("start_year");
    if (p.start_year <= base_year)
        throw Error(start_at, "a measure must start after the base year " + std::to_string(base_year),
                    "give a start year from " + std::to_string(base_year + 1));
    if (p.full_effect_year < p.start_year)
        throw Error(m.at("full_effect_year"), "full_effect_year comes before start_year",
                    "give a year from " + std::to_string(p.start_year));
    return p;
}

}  // namespace

MeasureSpec read_measure(JsonObject& m, int base_year, const std::string& file,
                         const std::function<MeasureParams(const std::string&, JsonObject&, const Location&)>& preset) {
    MeasureSpec spec;
    spec.origin = {file, 0, m.path()};
    spec.id = m.id("id");
    spec.name = m.text("name");
    if (m.has("owner")) {  // optional: empty when the plan names no owner
        const auto& owner = m.value("owner");
        if (!owner.is_string()) throw Error(m.at("owner"), "expected a string", "write \"owner\": \"Team …\"");
        spec.owner = owner.get<std::string>();
    }
    spec.theme = m.text_or("theme", "");
    spec.phase = read_phase(m, base_year, file);
    spec.cost = units::dkk(m.number("cost_dkk", 0, kBig));
    spec.source = m.text("source");
    if (m.has("uncertainty"))
        spec.uncertainty = distribution_from_json(m.value("uncertainty"), file, m.path() + "/uncertainty");
    std::optional<Uptake> uptake;
    if (m.has("uptake")) {
        JsonObject u(m.value("uptake"), m.path() + "/uptake", file);
        uptake = read_uptake(u);
    }
    if (m.has("effects") == m.has("type"))
        throw Error(m.at("effects"),
                    m.has("effects") ? "a measure has either effects or a preset type, not both"
                                     : "the measure has neither effects nor a preset type",
                    "give \"effects\": [ … ], or \"type\" and \"params\" (docs/scenarios.md)");
    if (m.has("effects")) {
        spec.type = "effects";
        const auto& effects = m.array("effects");
        if (effects.empty()) throw Error(m.at("effects"), "the measure has no effects", "give at least one effect");
        for (std::size_t i = 0; i < effects.size(); ++i) {
            JsonObject e(effects[i], m.path() + "/effects/" + std::to_string(i), file);
            spec.effects.push_back(read_effect(e, uptake, spec.id, i, file));
            spec.effect_at.push_back({file, 0, e.path()});
        }
    } else {
        if (uptake) throw Error(m.at("uptake"), "a preset gives its uptake in params", "leave out uptake");
        spec.type = m.text("type");
        JsonObject params(m.value("params"), m.path() + "/params", file);
        spec.effects = expand_preset(preset(spec.type, params, m.at("type")), spec.id);
        params.finish(kGuide);
        spec.effect_at.assign(spec.effects.size(), {file, 0, params.path()});
    }
    m.finish(kGuide);
    return spec;
}

}  // namespace klima::io
