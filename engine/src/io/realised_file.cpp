#include "klima/io/realised_file.hpp"
#include "readers.hpp"

#include "klima/io/csv.hpp"
#include "klima/io/data_files.hpp"

namespace klima::io {

std::vector<RealisedEffect> load_realised(const std::string& path) {
    const auto table = CsvTable::read(path, {"measure", "year", "t_co2e", "source"});
    std::vector<RealisedEffect> out;
    for (const auto& row : table.rows()) {
        RealisedEffect e;
        e.measure = row.required("measure");
        e.year = checked_year(row.integer("year"), row.where("year"));
        e.effect = units::tonnes(row.number("t_co2e"));
        e.source = row.required("source");
        e.origin = row.where("measure");
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace klima::io
