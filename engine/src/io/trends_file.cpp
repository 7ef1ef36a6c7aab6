#include "klima/io/trends_file.hpp"

#include "json_object.hpp"
#include "klima/io/input_file.hpp"
#include "measure_file.hpp"
#include "readers.hpp"

#include <nlohmann/json.hpp>

#include <set>

namespace klima::io {
using nlohmann::json;

namespace {

constexpr const char* kGuide = "docs/scenarios.md";

// "official", "derived: from …" or "illustrative[: …]".
void check_status(const std::string& status, const Location& at) {
    const bool official = status == "official";
    const bool derived = status.rfind("derived:", 0) == 0 && status.size() > 9;
    const bool illustrative = status == "illustrative" || status.rfind("illustrative:", 0) == 0;
    if (!official && !derived && !illustrative)
        throw Error(at, "status '" + status + "' is not official, derived or illustrative",
                    "write \"official\", \"derived: from …\" (say from what) or \"illustrative\"");
}

// The "switch" of a trend: a switch effect of the whole service (share 1).
Switch read_change(JsonObject& t, const std::string& file) {
    const auto& given = t.value("switch");
    if (!given.is_object())
        throw Error(t.at("switch"), "the switch must be an object", "write \"switch\": {\"from\": …, \"to\": …}");
    for (const char* key : {"op", "share", "share_per_uptake", "amount", "per_uptake", "uptake"})
        if (given.contains(key))
            throw Error(t.at(std::string("switch/") + key),
                        std::string("a trend's switch takes no '") + key + "': the shares give its size",
                        "leave it out; give the share of the service per year in \"shares\"");
    json effect = given;
    effect["op"] = "switch";
    effect["share"] = 1;
    JsonObject e(effect, t.path() + "/switch", file);
    const Effect read = read_effect(e, std::nullopt, "trend", 0, file);
    return std::get<Switch>(read);
}

std::vector<std::pair<int, units::Ratio>> read_shares(JsonObject& t, const std::string& file) {
    JsonObject shares(t.value("shares"), t.path() + "/shares", file);
    auto out = shares.year_shares("give shares that never fall (a trend moves the service one way)");
    if (out.empty()) throw Error(t.at("shares"), "the trend has no shares", "give at least one year and share");
    shares.finish(kGuide);
    return out;
}

}  // namespace

std::vector<Trend> parse_trends(std::string_view text, const std::string& name) {
    const json doc = parse_json(text, name);
    JsonObject top(doc, "", name);
    if (top.has("name")) (void)top.text("name");
    const auto& list = top.array("trends");
    if (list.size() > kMaxTrends)
        throw Error(top.at("trends"), "the file lists " + std::to_string(list.size()) + " trends",
                    "give at most " + std::to_string(kMaxTrends));
    std::vector<Trend> out;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < list.size(); ++i) {
        JsonObject t(list[i], "/trends/" + std::to_string(i), name);
        Trend trend;
        trend.origin = {name, 0, t.path()};
        trend.id = t.id("id");
        if (!ids.insert(trend.id).second)
            throw Error(t.at("id"), "trend id '" + trend.id + "' is used twice", "give each trend its own id");
        trend.name = t.text("name");
        trend.change = read_change(t, name);
        trend.path = read_shares(t, name);
        trend.source = t.text("source");
        trend.status = t.text("status");
        check_status(trend.status, t.at("status"));
        t.finish(kGuide);
        out.push_back(std::move(trend));
    }
    top.finish(kGuide);
    return out;
}

std::vector<Trend> load_trends(const std::string& path) {
    return parse_trends(read_file(path, kMaxJsonFileBytes), path);
}

}  // namespace klima::io
