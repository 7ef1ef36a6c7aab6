#include "history_note.hpp"

#include "labels.hpp"

namespace klima::report {

nlohmann::json history_json(const ScenarioHistory& h, Lang lang) {
    nlohmann::json j{{"kind", h.national() ? "national" : "activity"}, {"label", history_text(h, lang)}};
    if (h.national()) {
        j["municipality_code"] = h.municipality_code;
        j["source"] = h.source;
        j["vintage"] = h.vintage;
        j["records"] = "sector totals";
    }
    return j;
}

}  // namespace klima::report
