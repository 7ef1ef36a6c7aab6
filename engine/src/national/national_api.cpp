// The regnskab's API answer, read and merged into data/national/ (klima/national/national_data.hpp).
#include "klima/national/national_data.hpp"

#include "../io/readers.hpp"
#include "klima/error.hpp"
#include "klima/io/csv.hpp"
#include "klima/io/output_file.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <map>
#include <sstream>

namespace klima::national {

namespace {

// sektor → our sector index; Affaldsdeponi and Spildevand both go to affald; -1: Samlet.
int sector_index(const std::string& sektor) {
    if (sektor == "Energi") return 0;
    if (sektor == "Transport") return 1;
    if (sektor == "Landbrug") return 2;
    if (sektor == "Affaldsdeponi" || sektor == "Spildevand") return 3;
    if (sektor == "Kemiske processer") return 4;
    if (sektor == "Samlet") return -1;
    return -2;
}

std::string text_at(const nlohmann::json& row, const char* key, const std::string& name, const std::string& path) {
    if (!row.contains(key) || !row[key].is_string() || row[key].get<std::string>().empty())
        throw Error({name, 0, path + "/" + key}, std::string("missing or not text: ") + key,
                    "each row of the regnskab's answer has sektor, type, enhed (text) and værdi (a number)");
    return row[key].get<std::string>();
}

// A number as the CSV keeps it: shortest round-trip text.
std::string number_text(double v) { return fmt::format("{}", v); }

}  // namespace

ApiFigures parse_api_answer(std::string_view text, const std::string& name) {
    const auto doc = io::parse_json(text, name);
    if (!doc.is_object() || !doc.contains("data") || !doc["data"].is_array())
        throw Error({name, 0, "/data"}, "not the regnskab's answer: no array \"data\"",
                    "give the JSON the API returns, {\"data\": [{\"sektor\", \"type\", \"enhed\", \"værdi\"}, …]}");
    ApiFigures f;
    std::array<int, 6> seen{};  // sector rows in t CO2e; [5]: Spildevand, which joins Affaldsdeponi
    std::optional<double> total, per_inhabitant, renewable;
    const auto& rows = doc["data"];
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::string path = "/data/" + std::to_string(i);
        const auto& row = rows[i];
        if (!row.is_object())
            throw Error({name, 0, path}, "a row is not an object",
                        "each row is {\"sektor\", \"type\", \"enhed\", \"værdi\"}");
        const auto sektor = text_at(row, "sektor", name, path);
        const auto type = text_at(row, "type", name, path);
        const auto enhed = text_at(row, "enhed", name, path);
        if (!row.contains("værdi") || !row["værdi"].is_number())
            throw Error({name, 0, path + "/værdi"}, "værdi is missing or not a number",
                        "give the value as a JSON number");
        const double v = row["værdi"].get<double>();
        const int s = sector_index(sektor);
        if (s == -2)
            throw Error({name, 0, path + "/sektor"}, "unknown sektor '" + sektor + "'",
                        "use Energi, Transport, Landbrug, Affaldsdeponi, Spildevand, Kemiske processer or Samlet");
        if (enhed == "%" && type.find("VE") != std::string::npos) {
            if (renewable)
                throw Error({name, 0, path}, "a second renewable-share (VE, %) row",
                            "keep one answer per municipality and year");
            renewable = v / 100.0;
        } else if (enhed == "Ton CO2e/indb." && s == -1) {
            if (per_inhabitant)
                throw Error({name, 0, path}, "a second Samlet per-inhabitant row",
                            "keep one answer per municipality and year");
            per_inhabitant = v;
        } else if (enhed == "Ton CO2e") {
            if (s == -1) {  // two Samlet rows: the smaller is scope 1+2
                total = total ? std::min(*total, v) : v;
                continue;
            }
            const int slot = sektor == "Spildevand" ? 5 : s;
            if (seen[slot]++)
                throw Error({name, 0, path}, "sektor " + sektor + " in Ton CO2e is given twice",
                            "keep one answer per municipality and year");
            f.sectors[s] += units::tonnes(v);
        }
    }
    const char* missing = !total            ? "the Samlet row in Ton CO2e"
                          : !per_inhabitant ? "the Samlet row in Ton CO2e/indb."
                          : !renewable      ? "the renewable-share row (VE, %)"
                                            : nullptr;
    for (int s = 0; s < 5 && !missing; ++s)
        if (!seen[s])
            missing = "a sector row in Ton CO2e (Energi, Transport, Landbrug, Affaldsdeponi, Kemiske processer)";
    if (missing)
        throw Error({name, 0, "/data"}, std::string("the answer lacks ") + missing,
                    "give the whole answer of type Nøgletal for one municipality and year");
    if (*per_inhabitant == 0)
        throw Error({name, 0, "/data"}, "the per-inhabitant figure is 0", "give the regnskab's own answer");
    // What load_national would refuse once merged, refused before anything is written.
    if ((*total > 0 && *per_inhabitant < 0) || (*total < 0 && *per_inhabitant > 0))
        throw Error({name, 0, "/data"},
                    "the Samlet total (" + number_text(*total) + " t) and the figure per inhabitant (" +
                        number_text(*per_inhabitant) + " t) differ in sign: a negative population",
                    "give the regnskab's own answer");
    if (*renewable < 0)
        throw Error({name, 0, "/data"}, "the renewable-share (VE, %) row is below 0", "give the regnskab's own answer");
    f.total = units::tonnes(*total);
    f.per_inhabitant = units::tonnes(*per_inhabitant);
    f.renewable_electricity_share = units::ratio(*renewable);
    return f;
}

bool merge_api_answer(const std::string& dir, const std::string& code, int year, const ApiFigures& figures) {
    const std::string m = dir + "/municipalities.csv", e = dir + "/municipal-emissions-2018-2023.csv",
                      p = dir + "/municipal-per-capita-2018-2023.csv";
    const auto mtext = io::read_file(m), etext = io::read_file(e), ptext = io::read_file(p);
    const auto mt = io::CsvTable::parse(mtext, m, {"kommunekode", "kommune"}, io::CsvDialect::comma());
    std::string name;
    for (const auto& row : mt.rows())
        if (row.required("kommunekode") == code) name = std::string(row.required("kommune"));
    if (name.empty())
        throw Error({m, 0, "kommunekode"}, "unknown municipality code '" + code + "'",
                    "use a kommunekode of " + m + " (four digits, e.g. 0259 for Køge)");

    // Rows kept in file order; the municipality's rows for `year` replaced where the first stood.
    bool replaced = false;
    const auto merge = [&](const io::CsvTable& t, const std::string& header, const std::vector<std::string>& fresh) {
        std::ostringstream out;
        out << header << "\n";
        bool written = false;
        for (const auto& row : t.rows()) {
            const bool ours = row.required("kommunekode") == code && row.integer("year") == year;
            if (ours) {
                replaced = true;
                if (written) continue;
                for (const auto& f : fresh) out << f << "\n";
                written = true;
                continue;
            }
            std::string line;
            for (std::size_t c = 0; c < t.header().size(); ++c)
                line += (c ? "," : "") + std::string(row.text(t.header()[c]));
            out << line << "\n";
        }
        if (!written)
            for (const auto& f : fresh) out << f << "\n";
        return out.str();
    };
    const auto et =
        io::CsvTable::parse(etext, e, {"kommunekode", "kommune", "year", "sector", "t_co2e"}, io::CsvDialect::comma());
    const auto pt = io::CsvTable::parse(
        ptext, p, {"kommunekode", "kommune", "year", "t_co2e_per_inhabitant", "ve_el_selvforsyning"},
        io::CsvDialect::comma());
    const std::string prefix = code + "," + name + "," + std::to_string(year) + ",";
    std::vector<std::string> erows;
    for (std::size_t s = 0; s < kSectorCount; ++s)
        erows.push_back(prefix + std::string(national::code(kSectors[s])) + "," +
                        number_text(figures.sectors[s].value() / 1000.0));
    erows.push_back(prefix + "samlet," + number_text(figures.total.value() / 1000.0));
    const auto new_e = merge(et, "kommunekode,kommune,year,sector,t_co2e", erows);
    const auto new_p = merge(pt, "kommunekode,kommune,year,t_co2e_per_inhabitant,ve_el_selvforsyning",
                             {prefix + number_text(figures.per_inhabitant.value() / 1000.0) + "," +
                              number_text(figures.renewable_electricity_share.value())});
    // Both files are written whole beside their old ones before either is renamed over it, so a
    // failed write (a full disk, a read-only folder) leaves the two files of the vintage as they were.
    io::replace_file_atomically(e, [&](const std::string& e_tmp) {
        io::write_file_atomically(e_tmp, new_e);
        io::replace_file_atomically(p, [&](const std::string& p_tmp) { io::write_file_atomically(p_tmp, new_p); });
    });
    return replaced;
}

}  // namespace klima::national
