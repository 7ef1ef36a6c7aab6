#include "allocation_note.hpp"

namespace klima::report {
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

std::string what(ChpAllocation a, Lang lang) { return std::string(lang == Lang::da ? describe_da(a) : describe(a)); }

}  // namespace

nlohmann::ordered_json allocation_json(ChpAllocation a, Lang lang) {
    return {{"set", std::string(to_string(a))}, {"description", what(a, lang)}};
}

std::string dump_with_allocation(const nlohmann::json& j, ChpAllocation a, Lang lang) {
    auto out = j.dump(2);  // "{\n  ...\n}" for a non-empty object; "{}" for an empty one
    nlohmann::ordered_json tail;
    tail["chp_allocation"] = allocation_json(a, lang);
    const auto member = tail.dump(2);  // "{\n  \"chp_allocation\": {...}\n}": the member at the top level's indent
    const auto inner = std::string_view(member).substr(2, member.size() - 4);
    if (j.empty()) return "{\n" + std::string(inner) + "\n}\n";
    out.resize(out.size() - 2);  // without the closing "\n}"
    out.append(",\n").append(inner).append("\n}\n");
    return out;
}

std::string with_allocation_note(std::string rendered, NoteForm form, ChpAllocation a, Lang lang) {
    // The set's code is shown in English output only, where it matches the --allocation flag;
    // Danish output describes the method in words alone.
    const std::string key = lang == Lang::da ? std::string() : std::string(to_string(a)) + " — ";
    const std::string text = what(a, lang);
    const std::string label = lang == Lang::da ? "Kraftvarmefordeling" : "CHP allocation";
    switch (form) {
        case NoteForm::text: return rendered + label + ": " + key + text + ".\n";
        case NoteForm::markdown: {
            std::string code;  // appended, not concatenated: GCC 12 raises a false -Wrestrict on "`" + s
            if (lang != Lang::da) code.append("`").append(to_string(a)).append("` — ");
            return rendered + "\n" + label + ": " + code + text + ".\n";
        }
        case NoteForm::csv_key_value:
            return rendered + "report,chp_allocation," + label + ",text,\"" + std::string(to_string(a)) + ": " + text +
                   "\"\n";
        case NoteForm::csv_series:
            return rendered + "chp_allocation," + std::string(to_string(a)) +
                   ",,,,,\n";  // the series CSV has 7 columns
        case NoteForm::html: {
            const std::string p = "<p class=\"chp-allocation\">" + label + ": " + key + text + ".</p>\n";
            const auto at = rendered.rfind("</body>");
            return at == std::string::npos ? rendered + p : rendered.insert(at, p);
        }
    }
    return rendered;
}

}  // namespace klima::report
