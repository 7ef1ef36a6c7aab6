#include "klima/io/uncertainty_file.hpp"

#include "readers.hpp"

#include "klima/io/input_file.hpp"

#include <nlohmann/json.hpp>

namespace klima::io {
namespace {

using nlohmann::json;

[[noreturn]] void bad(const std::string& file, const std::string& at, const std::string& what, const std::string& fix) {
    throw Error({file, 0, at}, what, fix);
}

RowSelector selector(const json& j, const std::string& file, const std::string& at) {
    RowSelector s;
    if (!j.is_object()) bad(file, at, "the rows must be an object", "write {\"sector\": …, \"carrier\": …}");
    for (const auto& [k, v] : j.items()) {
        if (!v.is_string()) bad(file, at + "/" + k, "'" + k + "' must be text", "give a code or \"*\"");
        if (k == "sector") s.sector = v.get<std::string>();
        else if (k == "subsector") s.subsector = v.get<std::string>();
        else if (k == "carrier") s.carrier = v.get<std::string>();
        else bad(file, at + "/" + k, "unknown key '" + k + "'", "use sector, subsector and carrier");
    }
    return s;
}

}  // namespace

std::vector<UncertainInput> uncertain_inputs_from_json(const json& root, const std::string& path,
                                                       const std::string& top,
                                                       const std::vector<MeasureSpec>& measures) {
    if (!root.is_object() || !root.contains("inputs") || !root["inputs"].is_array())
        bad(path, top + "/inputs", "the uncertainty must be an object with a list 'inputs'",
            "write {\"inputs\": [ … ]}");
    for (const auto& [k, v] : root.items())
        if (k != "inputs") bad(path, top + "/" + k, "unknown key '" + k + "'", "give only \"inputs\": [ … ]");
    std::vector<UncertainInput> out;
    for (std::size_t i = 0; i < root["inputs"].size(); ++i) {
        const auto& j = root["inputs"][i];
        const std::string at = top + "/inputs/" + std::to_string(i);
        if (!j.is_object()) bad(path, at, "an input must be an object", "write {\"factor\": {…}, \"dist\": {…}}");
        UncertainInput u;
        u.origin = {path, 0, at};
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
                for (const auto& m : measures) found = found || m.id == u.measure;
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
        u.dist = distribution_from_json(j["dist"], path, at + "/dist");
        out.push_back(std::move(u));
    }
    return out;
}

UncertaintyFile parse_uncertainty(std::string_view text, const std::string& name,
                                  const std::vector<MeasureSpec>& measures) {
    return {name, uncertain_inputs_from_json(parse_json(text, name), name, "", measures)};
}

UncertaintyFile load_uncertainty(const std::string& path, const std::vector<MeasureSpec>& measures) {
    return parse_uncertainty(read_file(path, kMaxJsonFileBytes), path, measures);
}

}  // namespace klima::io
