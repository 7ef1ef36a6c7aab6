#include "klima/io/targets_file.hpp"

#include "klima/error.hpp"
#include "klima/io/csv.hpp"
#include "klima/io/data_files.hpp"

#include <nlohmann/json.hpp>

namespace klima::io {
namespace {

using nlohmann::json;

// Field access on one JSON object of the targets file, with errors at its JSON path.
class Fields {
public:
    Fields(const json& obj, std::string path, const std::string& file) : obj_(obj), path_(std::move(path)), file_(file) {
        if (!obj_.is_object()) throw Error({file_, 0, path_.empty() ? "/" : path_}, "expected an object", "write {\"key\": value, ...}");
    }
    Location at(const std::string& key) const { return {file_, 0, path_ + "/" + key}; }
    bool has(const std::string& key) const { return obj_.contains(key); }
    const json& get(const std::string& key) const {
        const auto it = obj_.find(key);
        if (it == obj_.end()) throw Error(at(key), "missing key '" + key + "'", "add \"" + key + "\" to the targets file");
        return *it;
    }
    std::string text(const std::string& key) const {
        const auto& v = get(key);
        if (!v.is_string() || v.get<std::string>().empty()) throw Error(at(key), "expected a non-empty string", "write \"text\"");
        return v.get<std::string>();
    }
    int integer(const std::string& key) const {
        const auto& v = get(key);
        if (!v.is_number_integer()) throw Error(at(key), "expected a year as a whole number", "write e.g. 2030");
        return v.get<int>();
    }
    int year(const std::string& key) const {
        const int y = integer(key);
        if (y < kFirstYear || y > kLastYear)
            throw Error(at(key), "year " + std::to_string(y) + " is outside " + std::to_string(kFirstYear) + "–" +
                                     std::to_string(kLastYear), "use a year in that range");
        return y;
    }
    double number(const std::string& key) const {
        const auto& v = get(key);
        if (!v.is_number()) throw Error(at(key), "expected a number", "write a number without quotes");
        return v.get<double>();
    }
    const json& array(const std::string& key) const {
        const auto& v = get(key);
        if (!v.is_array()) throw Error(at(key), "expected an array", "write [ {...}, ... ]");
        return v;
    }

private:
    const json& obj_;
    std::string path_;
    const std::string& file_;
};

TargetScope parse_scope(const Fields& f) {
    const auto s = f.text("scope");
    if (s == "territorial_incl_lulucf") return TargetScope::incl_lulucf;
    if (s == "territorial_excl_lulucf") return TargetScope::excl_lulucf;
    throw Error(f.at("scope"), "unknown scope '" + s + "'", "use territorial_incl_lulucf or territorial_excl_lulucf");
}

}  // namespace

TargetSet parse_targets(std::string_view text, const std::string& name) {
    const auto doc = parse_json(text, name);
    const Fields top(doc, "", name);
    TargetSet t;
    t.file = name;
    t.municipality = top.text("municipality");
    t.name = top.text("name");
    t.scope = parse_scope(top);
    t.reference_year = top.year("reference_year");

    const auto& neutrality = top.get("neutrality");
    const Fields nf(neutrality, "/neutrality", name);
    if (nf.integer("year") > 2050)
        throw Error(nf.at("year"), "neutrality year " + std::to_string(nf.integer("year")) + " is after 2050",
                    "DK2020 plans reach net zero by 2050 at the latest");
    t.neutrality_year = nf.year("year");
    t.neutrality_source = nf.text("source");
    if (t.neutrality_year <= t.reference_year)
        throw Error(nf.at("year"), "neutrality year " + std::to_string(t.neutrality_year) +
                                       " is not after the reference year " + std::to_string(t.reference_year),
                    "give a later neutrality year");

    const auto& interim = top.array("interim_targets");
    int previous = t.reference_year;
    for (std::size_t i = 0; i < interim.size(); ++i) {
        const Fields f(interim[i], "/interim_targets/" + std::to_string(i), name);
        InterimTarget it;
        it.year = f.year("year");
        it.against_year = f.year("against_year");
        it.source = f.text("source");
        const double pct = f.number("reduction_pct");
        if (pct < 0 || pct > 100)
            throw Error(f.at("reduction_pct"), "reduction of " + std::to_string(pct) + " % is outside 0–100 %",
                        "give the reduction in percent, e.g. 70 for −70 %");
        it.reduction = units::ratio(pct / 100.0);
        if (it.year <= previous || it.year >= t.neutrality_year)
            throw Error(f.at("year"), "interim target year " + std::to_string(it.year) + " is not between " +
                                          std::to_string(previous) + " and the neutrality year " +
                                          std::to_string(t.neutrality_year),
                        "list interim targets in increasing year order, after the reference year");
        if (it.against_year >= it.year)
            throw Error(f.at("against_year"), "a target is measured against an earlier year",
                        "give the year of the baseline, e.g. 1990");
        previous = it.year;
        t.interim.push_back(std::move(it));
    }

    if (top.has("reference_emissions")) {
        const auto& stated = top.array("reference_emissions");
        for (std::size_t i = 0; i < stated.size(); ++i) {
            const Fields f(stated[i], "/reference_emissions/" + std::to_string(i), name);
            const int y = f.year("year");
            t.stated_emissions[y] = units::tonnes(f.number("t_co2e"));
            t.stated_sources[y] = f.text("source");
        }
    }
    return t;
}

TargetSet load_targets(const std::string& path) { return parse_targets(read_file(path), path); }

}  // namespace klima::io
