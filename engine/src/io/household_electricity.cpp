#include "klima/io/household_electricity.hpp"

#include "klima/io/csv.hpp"
#include "readers.hpp"

#include <filesystem>

namespace klima::io {

std::optional<HouseholdElectricity> load_household_electricity(const std::string& path) {
    if (!std::filesystem::exists(path)) return std::nullopt;
    const auto table = CsvTable::read(path, {"year", "mwh_per_resident", "status", "source"});
    std::optional<HouseholdElectricity> out;
    for (const auto& row : table.rows()) {
        if (out)
            throw Error(row.where("year"), "the file holds more than one row",
                        "keep one row: the household electricity per resident of one year");
        HouseholdElectricity h;
        h.origin = row.where();
        h.year = checked_year(row.integer("year"), row.where("year"));
        const double mwh = row.number("mwh_per_resident");
        if (!(mwh > 0.0 && mwh <= 20.0))
            throw Error(row.where("mwh_per_resident"), "household electricity per resident must lie in (0, 20] MWh",
                        "give MWh per resident a year, e.g. 1.75");
        h.per_resident = units::megawatt_hours(mwh);
        h.status = std::string(row.required("status"));
        if (h.status != "official" && h.status != "derived" && h.status != "illustrative")
            throw Error(row.where("status"), "status '" + h.status + "' is not official, derived or illustrative",
                        "write one of official, derived, illustrative");
        h.source = std::string(row.required("source"));
        out = std::move(h);
    }
    if (!out) throw Error({path, 0, "year"}, "the file holds no row", "give the household electricity per resident");
    return out;
}

}  // namespace klima::io
