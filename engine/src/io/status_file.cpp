#include "klima/io/status_file.hpp"
#include "readers.hpp"

#include "json_object.hpp"

#include "klima/io/csv.hpp"
#include "klima/io/xlsx_reader.hpp"

#include <filesystem>
#include <map>
#include <set>

namespace klima::io {

namespace {

constexpr const char* kGuide = "docs/status.md";
const std::vector<std::string_view> kStatusColumns{"action", "year", "status", "source"};

status::ActionState state_of(std::string_view word, const Location& at) {
    if (const auto s = status::parse_action_state(word)) return *s;
    throw Error(at, "unknown status '" + std::string(word) + "'", "write one of: " + status::action_state_words());
}

double non_negative(double v, const std::string& what, const Location& at) {
    if (v < 0) throw Error(at, what + " " + short_number(v) + " is negative", "give a number of at least 0");
    return v;
}

void check_uptake_unit(const status::ActionStatus& s, const Location& at) {
    if (s.uptake && s.unit.empty())
        throw Error(at, "uptake " + short_number(*s.uptake) + " has no unit",
                    "give the unit of the measure's uptake (e.g. buses, chargers, ha) or % of its full size");
}

void check_unique(const std::vector<status::ActionStatus>& out) {
    std::set<std::pair<std::string, int>> seen;
    for (const auto& s : out)
        if (!seen.insert({s.action, s.year}).second)
            throw Error(s.origin, "action '" + s.action + "' has a second status for " + std::to_string(s.year),
                        "keep one row per action and year");
}

std::vector<status::ActionStatus> from_table(const CsvTable& table) {
    std::vector<status::ActionStatus> out;
    for (const auto& row : table.rows()) {
        status::ActionStatus s;
        s.action = row.required("action");
        s.year = checked_year(row.integer("year"), row.where("year"));
        s.state = state_of(row.required("status"), row.where("status"));
        if (!row.optional("uptake").empty())
            s.uptake = non_negative(row.number("uptake"), "uptake", row.where("uptake"));
        s.unit = row.optional("unit");
        check_uptake_unit(s, row.where("unit"));
        if (!row.optional("spent_dkk").empty())
            s.spent = units::dkk(non_negative(row.number("spent_dkk"), "spent_dkk", row.where("spent_dkk")));
        s.note = row.optional("note");
        s.date = row.optional("date");
        s.source = row.required("source");
        s.origin = row.where("action");
        out.push_back(std::move(s));
    }
    check_unique(out);
    return out;
}

}  // namespace

std::vector<status::ActionStatus> parse_status_csv(std::string_view text, const std::string& name) {
    return from_table(CsvTable::parse(text, name, kStatusColumns));
}

std::vector<status::ActionStatus> parse_status_json(std::string_view text, const std::string& name) {
    const auto doc = parse_json(text, name);
    JsonObject top(doc, "", name);
    const auto& list = top.array("statuses");
    top.finish(kGuide);
    std::vector<status::ActionStatus> out;
    for (std::size_t i = 0; i < list.size(); ++i) {
        JsonObject o(list[i], "/statuses/" + std::to_string(i), name);
        status::ActionStatus s;
        s.action = o.text("action");
        s.year = o.year("year");
        s.state = state_of(o.text("status"), o.at("status"));
        if (o.has("uptake")) s.uptake = o.number("uptake", 0, 1e12);
        s.unit = o.text_or("unit", "");
        check_uptake_unit(s, o.at("unit"));
        if (o.has("spent_dkk")) s.spent = units::dkk(o.number("spent_dkk", 0, 1e15));
        s.note = o.text_or("note", "");
        s.date = o.text_or("date", "");
        s.source = o.text("source");
        s.origin = {name, 0, o.path()};
        o.finish(kGuide);
        out.push_back(std::move(s));
    }
    check_unique(out);
    return out;
}

std::vector<status::ActionStatus> load_status(const std::string& path) {
    const auto ext = std::filesystem::path(path).extension().string();
    if (ext == ".csv") return parse_status_csv(read_file(path), path);
    if (ext == ".json") return parse_status_json(read_file(path), path);
    if (ext == ".xlsx") return from_table(CsvTable::from_sheet(read_xlsx(path), path, kStatusColumns));
    throw Error({path, 0, ""}, "unknown file type '" + ext + "'", "give a .csv, .xlsx or .json status file");
}

std::vector<status::Indicator> parse_indicator_catalogue(std::string_view text, const std::string& name) {
    const auto table =
        CsvTable::parse(text, name, {"code", "name_da", "name_en", "unit", "theme", "register", "status", "source"});
    std::vector<status::Indicator> out;
    std::set<std::string> seen;
    for (const auto& row : table.rows()) {
        status::Indicator x;
        x.code = row.required("code");
        if (!seen.insert(x.code).second)
            throw Error(row.where("code"), "indicator '" + x.code + "' is listed twice", "keep one row per code");
        x.name_da = row.required("name_da");
        x.name_en = row.required("name_en");
        x.unit = row.required("unit");
        x.theme = row.required("theme");
        x.register_name = row.required("register");
        x.status = row.required("status");
        x.source = row.required("source");
        out.push_back(std::move(x));
    }
    return out;
}

std::vector<status::Indicator> load_indicator_catalogue(const std::string& path) {
    return parse_indicator_catalogue(read_file(path), path);
}

namespace {

std::vector<status::IndicatorValue> values_from_table(const CsvTable& table,
                                                      const std::vector<status::Indicator>& catalogue) {
    std::map<std::string, const status::Indicator*> by_code;
    std::string codes;
    for (const auto& x : catalogue) {
        by_code[x.code] = &x;
        codes += (codes.empty() ? "" : ", ") + x.code;
    }
    std::vector<status::IndicatorValue> out;
    std::set<std::pair<std::string, int>> seen;
    for (const auto& row : table.rows()) {
        status::IndicatorValue v;
        v.indicator = row.required("indicator");
        const auto it = by_code.find(v.indicator);
        if (it == by_code.end())
            throw Error(row.where("indicator"), "unknown indicator '" + v.indicator + "'",
                        "use a code of the catalogue: " + codes);
        v.year = checked_year(row.integer("year"), row.where("year"));
        v.unit = row.optional("unit");
        if (v.unit.empty())
            throw Error(row.where("unit"), "indicator '" + v.indicator + "' has no unit",
                        "write its unit, " + it->second->unit);
        if (v.unit != it->second->unit)
            throw Error(row.where("unit"),
                        "indicator '" + v.indicator + "' is in " + it->second->unit + ", not " + v.unit,
                        "convert the value to " + it->second->unit);
        if (!row.optional("value").empty()) v.value = row.number("value");
        if (!row.optional("target").empty()) v.target = row.number("target");
        if (!v.value && !v.target)
            throw Error(row.where("value"), "indicator '" + v.indicator + "' has neither value nor target",
                        "give a value or a target, or leave the row out (a missing value stays missing)");
        v.measure = row.optional("measure");
        if (!v.measure.empty()) v.measure_at = row.where("measure");
        v.source = row.required("source");
        v.origin = row.where("indicator");
        if (!seen.insert({v.indicator, v.year}).second)
            throw Error(v.origin, "indicator '" + v.indicator + "' has a second row for " + std::to_string(v.year),
                        "keep one row per indicator and year");
        out.push_back(std::move(v));
    }
    return out;
}

const std::vector<std::string_view> kIndicatorColumns{"indicator", "year", "unit", "source"};

}  // namespace

std::vector<status::IndicatorValue> parse_indicator_values(std::string_view text, const std::string& name,
                                                           const std::vector<status::Indicator>& catalogue) {
    return values_from_table(CsvTable::parse(text, name, kIndicatorColumns), catalogue);
}

std::vector<status::IndicatorValue> load_indicator_values(const std::string& path,
                                                          const std::vector<status::Indicator>& catalogue) {
    const auto ext = std::filesystem::path(path).extension().string();
    if (ext == ".csv") return parse_indicator_values(read_file(path), path, catalogue);
    if (ext == ".xlsx")  // the sheet "indicators": one workbook can hold the status (first sheet) and these
        return values_from_table(
            CsvTable::from_sheet(read_xlsx(path, std::string(kIndicatorSheet)), path, kIndicatorColumns), catalogue);
    throw Error({path, 0, ""}, "unknown file type '" + ext + "'", "give a .csv or .xlsx indicator file");
}

}  // namespace klima::io
