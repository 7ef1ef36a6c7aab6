#include "klima/io/targets_file.hpp"
#include "readers.hpp"

#include "json_object.hpp"
#include "klima/error.hpp"
#include "klima/io/csv.hpp"
#include "klima/io/data_files.hpp"

#include <nlohmann/json.hpp>

namespace klima::io {
namespace {

TargetScope parse_scope(JsonObject& f) {
    const auto s = f.text("scope");
    if (s == "territorial_incl_lulucf") return TargetScope::incl_lulucf;
    if (s == "territorial_excl_lulucf") return TargetScope::excl_lulucf;
    throw Error(f.at("scope"), "unknown scope '" + s + "'", "use territorial_incl_lulucf or territorial_excl_lulucf");
}

}  // namespace

TargetSet parse_targets(std::string_view text, const std::string& name) {
    const auto doc = parse_json_document(text, name);
    JsonObject top(doc, "", name);
    TargetSet t;
    t.file = name;
    t.municipality = top.text("municipality");
    if (top.has("municipality_code")) {
        t.municipality_code = top.text("municipality_code");
        const bool four_digits =
            t.municipality_code.size() == 4 && t.municipality_code.find_first_not_of("0123456789") == std::string::npos;
        if (!four_digits)
            throw Error(top.at("municipality_code"),
                        "municipality code '" + t.municipality_code + "' is not four digits",
                        "give the kommunekode as text, e.g. \"0259\" for Køge (data/national/municipalities.csv)");
    }
    t.name = top.text("name");
    t.scope = parse_scope(top);
    t.reference_year = top.year("reference_year");

    const auto& neutrality = top.value("neutrality");
    JsonObject nf(neutrality, "/neutrality", name);
    if (nf.integer("year") > kLastYear)
        throw Error(nf.at("year"),
                    "neutrality year " + std::to_string(nf.integer("year")) + " is after " + std::to_string(kLastYear),
                    "DK2020 plans reach net zero by 2050 at the latest");
    t.neutrality_year = nf.year("year");
    t.neutrality_source = nf.text("source");
    if (t.neutrality_year <= t.reference_year)
        throw Error(nf.at("year"),
                    "neutrality year " + std::to_string(t.neutrality_year) + " is not after the reference year " +
                        std::to_string(t.reference_year),
                    "give a later neutrality year");

    const auto& interim = top.array("interim_targets");
    int previous = t.reference_year;
    for (std::size_t i = 0; i < interim.size(); ++i) {
        JsonObject f(interim[i], "/interim_targets/" + std::to_string(i), name);
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
            throw Error(f.at("year"),
                        "interim target year " + std::to_string(it.year) + " is not between " +
                            std::to_string(previous) + " and the neutrality year " + std::to_string(t.neutrality_year),
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
            JsonObject f(stated[i], "/reference_emissions/" + std::to_string(i), name);
            const int y = f.year("year");
            t.stated_emissions[y] = units::tonnes(f.number("t_co2e"));
            t.stated_sources[y] = f.text("source");
        }
    }
    return t;
}

TargetSet load_targets(const std::string& path) { return parse_targets(read_file(path, kMaxJsonFileBytes), path); }

}  // namespace klima::io
