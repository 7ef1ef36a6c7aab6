// Local factor overrides (klima/io/factor_overrides.hpp): one CSV of a municipality's own
// factors, checked against the reference data it is laid over.
#include "klima/io/factor_overrides.hpp"
#include "readers.hpp"

#include "klima/io/csv.hpp"

namespace klima::io {
namespace {

FactorLibrary from_table(const CsvTable& table, const ReferenceData& ref) {
    FactorLibrary out;
    for (const auto& row : table.rows()) {
        EmissionFactor f;
        f.origin = row.where();
        f.override_layer = true;
        f.carrier = row.required("carrier");
        ref.carriers.require(f.carrier, row.where("carrier"));
        f.subsector = std::string(row.optional("subsector"));
        if (!f.subsector.empty()) {
            bool known = false;
            for (const auto& s : ref.taxonomy.subsectors()) known = known || s.code == f.subsector;
            if (!known)
                throw Error(row.where("subsector"), "unknown subsector '" + f.subsector + "'",
                            "use a subsector code of data/taxonomy/sectors.csv, or leave the cell empty for every "
                            "subsector");
        }
        const auto gas_cell = row.optional("gas");
        const auto gas = gas_cell.empty() ? std::optional<Gas>(Gas::CO2e) : parse_gas(gas_cell);
        if (!gas)
            throw Error(row.where("gas"), "unknown gas '" + std::string(gas_cell) + "'",
                        "use CO2, CH4, N2O or CO2e, or leave the cell empty for CO2e");
        f.gas = *gas;
        const double v = row.number("value");
        try {
            f.value = units::make_factor(v, row.required("unit"));
        } catch (const Error& e) {
            throw e.located(row.where("unit"));
        }
        f.year_from = checked_year(row.integer("year_from"), row.where("year_from"));
        f.year_to = checked_year(row.integer("year_to"), row.where("year_to"));
        const auto status = parse_factor_status(row.required("status"));
        if (!status)
            throw Error(row.where("status"), "status '" + std::string(row.text("status")) + "' is not known",
                        "write official for a figure as published, derived for one computed from published "
                        "figures (say from what in the source), illustrative otherwise");
        f.set_status(*status);
        f.source = row.required("source");
        out.add(std::move(f));  // an overlap names this row (f.origin)
    }
    if (out.size() == 0)
        throw Error({table.file(), 0, ""}, "no overrides in the file", "give at least one row under the header");
    return out;
}

const std::vector<std::string_view> kRequired{"carrier", "year_from", "year_to", "value", "unit", "status", "source"};

}  // namespace

FactorLibrary load_factor_overrides(const std::string& path, const ReferenceData& ref,
                                    std::optional<CsvDialect> dialect) {
    return from_table(CsvTable::read(path, kRequired, dialect), ref);
}

FactorLibrary parse_factor_overrides(std::string_view text, const std::string& name, const ReferenceData& ref,
                                     std::optional<CsvDialect> dialect) {
    return from_table(CsvTable::parse(text, name, kRequired, dialect), ref);
}

void apply_factor_overrides(ReferenceData& ref, const FactorLibrary& overrides) { ref.factors.lay_over(overrides); }

}  // namespace klima::io
