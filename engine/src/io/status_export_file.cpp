#include "klima/io/status_export_file.hpp"
#include "readers.hpp"

#include "klima/io/csv.hpp"
#include "klima/kommunekode.hpp"

#include <algorithm>
#include <filesystem>
#include <utility>

namespace klima::io {

namespace fs = std::filesystem;

namespace {

// klima status exports the code as municipality.json has it ("259"); both name one municipality.
std::string four_digit_code(std::string_view code, const Location& at) {
    if (code.empty()) return {};
    if (auto padded = padded_kommunekode(code)) return std::move(*padded);
    throw Error(at, "municipality code '" + std::string(code) + "' is not a kommunekode",
                "write the kommunekode, one to four digits (e.g. 259 or 0259 for Køge), or leave it empty "
                "and give the municipality's name");
}

}  // namespace

std::vector<status::ExportedAction> parse_status_export(std::string_view text, const std::string& name) {
    const auto table = CsvTable::parse(text, name, {"record", "municipality_code", "municipality", "year", "action_id"},
                                       CsvDialect::comma());
    const bool english = table.column("status_en") >= 0;
    if (!english && table.column("status_da") < 0)
        throw Error({name, 1, ""}, "the export has no status_en or status_da column",
                    "give the export as klima status --format export-csv writes it");
    std::vector<status::ExportedAction> out;
    for (const auto& row : table.rows()) {
        const auto record = row.required("record");
        if (record == "indicator") continue;
        if (record != "action")
            throw Error(row.where("record"), "unknown record '" + std::string(record) + "'",
                        "write action or indicator");
        status::ExportedAction a;
        a.municipality_code = four_digit_code(row.optional("municipality_code"), row.where("municipality_code"));
        a.municipality = row.optional("municipality");
        if (a.municipality_code.empty() && a.municipality.empty())
            throw Error(row.where("municipality_code"), "the row names no municipality",
                        "give its municipality_code (e.g. 0259) or its name");
        a.year = checked_year(row.integer("year"), row.where("year"));
        a.action_id = row.required("action_id");
        a.theme = row.optional("theme");
        const auto column = english ? "status_en" : "status_da";
        if (const auto word = row.optional(column); !word.empty()) {
            a.state = status::parse_action_state(word);
            if (!a.state)
                throw Error(row.where(column), "unknown status '" + std::string(word) + "'",
                            "write one of: " + status::action_state_words() + ", or leave it empty (not reported)");
        }
        a.origin = row.where("action_id");
        out.push_back(std::move(a));
    }
    if (out.empty())
        throw Error({name, 0, ""}, "the export has no action rows",
                    "give an export that klima status --format export-csv wrote");
    return out;
}

std::vector<status::ExportedAction> load_status_exports(const std::vector<std::string>& paths) {
    std::vector<std::string> files;
    for (const auto& p : paths) {
        if (!fs::exists(p)) throw Error({p, 0, ""}, "no such file or folder", "check the path");
        if (!fs::is_directory(p)) {
            files.push_back(p);
            continue;
        }
        std::vector<std::string> in_dir;
        for (const auto& e : fs::directory_iterator(p))
            if (e.is_regular_file() && e.path().extension() == ".csv") in_dir.push_back(e.path().string());
        if (in_dir.empty())
            throw Error({p, 0, ""}, "the folder holds no .csv export", "give a folder of export-csv files");
        std::sort(in_dir.begin(), in_dir.end());
        files.insert(files.end(), in_dir.begin(), in_dir.end());
    }
    std::vector<status::ExportedAction> out;
    for (const auto& f : files) {
        auto rows = parse_status_export(read_file(f), f);
        out.insert(out.end(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
    }
    return out;
}

}  // namespace klima::io
