#include "allocation.hpp"

#include <nlohmann/json.hpp>

namespace klima::cli {

namespace {
std::string_view describe_da(ChpAllocation a) {
    switch (a) {
        case ChpAllocation::declared:
            return "el efter 125 %-metoden, fjernvarme efter 200 %-metoden (som de danske deklarationer opgør dem)";
        case ChpAllocation::pct125: return "el og fjernvarme begge efter 125 %-metoden";
        case ChpAllocation::pct200: return "el og fjernvarme begge efter 200 %-metoden";
        case ChpAllocation::energy: return "el og fjernvarme begge efter energiindhold";
    }
    return "?";
}
}  // namespace

std::string note_allocation(std::string rendered, NoteForm form, ChpAllocation a, bool danish) {
    const std::string key(to_string(a)), what(danish ? describe_da(a) : describe(a));
    const std::string label = danish ? "Kraftvarmefordeling" : "CHP allocation";
    switch (form) {
        case NoteForm::text: return rendered + label + ": " + key + " — " + what + ".\n";
        case NoteForm::markdown: return rendered + "\n" + label + ": `" + key + "` — " + what + ".\n";
        case NoteForm::json: {
            auto j = nlohmann::ordered_json::parse(rendered);
            j["chp_allocation"] = {{"set", key}, {"description", what}};
            return j.dump(2) + "\n";
        }
        case NoteForm::csv_key_value:  // table,key,name,column,value
            return rendered + "report,chp_allocation," + label + ",text,\"" + key + ": " + what + "\"\n";
        case NoteForm::csv_series:  // series,measure,sector,subsector,year,t_co2e
            return rendered + "chp_allocation," + key + ",,,,\n";
        case NoteForm::html: {
            const std::string p = "<p class=\"chp-allocation\">" + label + ": " + key + " — " + what + ".</p>\n";
            const auto at = rendered.rfind("</body>");
            return at == std::string::npos ? rendered + p : rendered.insert(at, p);
        }
    }
    return rendered;
}

}  // namespace klima::cli
