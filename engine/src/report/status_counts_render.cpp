// Actions by status across municipalities, rendered (klima/report/status_counts_report.hpp).
#include "klima/report/status_counts_report.hpp"

#include "render_by_format.hpp"
#include "status_text.hpp"
#include "text.hpp"

#include <nlohmann/json.hpp>

namespace klima::report {

using namespace status_labels;

namespace {

// "not started" → "not_started", for column names and JSON keys.
std::string key_of(status::ActionState s) {
    std::string k(status::name_en(s));
    for (auto& c : k)
        if (c == ' ') c = '_';
    return k;
}

std::string md_row(const std::vector<std::string>& cells) {
    std::string out = "|";
    for (const auto& c : cells) out += " " + c + " |";
    return out + "\n";
}

std::string render_md(const std::vector<status::YearCount>& years, Lang lang) {
    std::string out = "# " + pick(lang, "Handlinger efter status", "Actions by status") + "\n\n";
    for (const auto& y : years) {
        out += "## " + std::to_string(y.year) + " — " + std::to_string(y.municipalities.size()) +
               pick(lang, " kommuner", " municipalities") + "\n\n";
        std::vector<std::string> head{pick(lang, "Kode", "Code"), pick(lang, "Kommune", "Municipality"),
                                      pick(lang, "Handlinger", "Actions")};
        for (auto st : status::kActionStates) head.push_back(state_name(st, lang));
        head.push_back(pick(lang, "ikke afrapporteret", "not reported"));
        out += md_row(head);
        out += md_row(std::vector<std::string>(head.size(), "---"));
        const auto row = [&](const std::string& code, const std::string& name, std::size_t n, const auto& counts,
                             std::size_t unreported) {
            std::vector<std::string> c{code, name, std::to_string(n)};
            for (auto x : counts) c.push_back(std::to_string(x));
            c.push_back(std::to_string(unreported));
            out += md_row(c);
        };
        for (const auto& m : y.municipalities) row(m.code, m.name, m.actions, m.counts, m.unreported);
        row("", pick(lang, "I alt", "Total"), y.actions, y.counts, y.unreported);
        out += "\n";
    }
    out += pick(lang, "Talt fra kommunernes eksport til den nationale opfølgning (klima status --format export-csv).",
                "Counted from the municipalities' exports for the national monitoring (klima status --format "
                "export-csv).") +
           "\n";
    return out;
}

std::string render_csv(const std::vector<status::YearCount>& years) {
    std::string out = "year,municipality_code,municipality,actions";
    for (auto st : status::kActionStates) out.append(",").append(key_of(st));
    out += ",not_reported,file\n";
    const auto row = [&](int year, const std::string& code, const std::string& name, std::size_t n, const auto& counts,
                         std::size_t unreported, const std::string& file) {
        // appended, not concatenated: GCC 12 raises a false -Wrestrict on "," + std::to_string(x)
        out.append(std::to_string(year)).append(",");
        text::append_csv_field(out, code);
        out.append(",");
        text::append_csv_field(out, name);
        out.append(",").append(std::to_string(n));
        for (auto x : counts) out.append(",").append(std::to_string(x));
        out.append(",").append(std::to_string(unreported)).append(",");
        text::append_csv_field(out, file);
        out += "\n";
    };
    for (const auto& y : years) {
        for (const auto& m : y.municipalities) row(y.year, m.code, m.name, m.actions, m.counts, m.unreported, m.file);
        row(y.year, "", "total", y.actions, y.counts, y.unreported, "");
    }
    return out;
}

std::string render_json(const std::vector<status::YearCount>& years) {
    using nlohmann::ordered_json;
    const auto counts = [](const auto& c, std::size_t unreported) {
        ordered_json j = ordered_json::object();
        for (std::size_t i = 0; i < status::kActionStates.size(); ++i) j[key_of(status::kActionStates[i])] = c[i];
        j["not_reported"] = unreported;
        return j;
    };
    ordered_json out = ordered_json::array();
    for (const auto& y : years) {
        ordered_json munis = ordered_json::array();
        for (const auto& m : y.municipalities)
            munis.push_back({{"code", m.code},
                             {"name", m.name},
                             {"actions", m.actions},
                             {"counts", counts(m.counts, m.unreported)},
                             {"file", m.file}});
        out.push_back({{"year", y.year},
                       {"municipalities", munis},
                       {"actions", y.actions},
                       {"counts", counts(y.counts, y.unreported)}});
    }
    return out.dump(2) + "\n";
}

}  // namespace

std::string render_status_counts(const std::vector<status::YearCount>& years, Format format, Lang lang) {
    return render_by_format<kStatusCountFormats>(
        format, "the status counts", on<Format::md>([&] { return render_md(years, lang); }),
        on<Format::csv>([&] { return render_csv(years); }), on<Format::json>([&] { return render_json(years); }));
}

}  // namespace klima::report
