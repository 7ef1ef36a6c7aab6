// The Energi- og CO2-regnskab's figures for all 98 municipalities (data/national/): emissions by
// sector, per inhabitant and the renewable-electricity share, by municipality and year, with the
// municipalities' codes, names and regions. Reading them and bringing in a new vintage from the
// regnskab's own API answer. Knows nothing of forecasts (national_status.hpp) or of output formats.
#pragma once

#include "klima/units.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace klima::national {

// The regnskab's sectors as data/national/ keeps them; `affald` = Affaldsdeponi + Spildevand,
// `industri` = Kemiske processer. The total (`samlet`) is kept apart: it is the regnskab's own scope
// 1+2 total, which the sectors add up to within about 2 %.
enum class Sector { energi, transport, landbrug, affald, industri };
inline constexpr std::size_t kSectorCount = 5;
inline constexpr std::array<Sector, kSectorCount> kSectors = {Sector::energi, Sector::transport, Sector::landbrug,
                                                              Sector::affald, Sector::industri};
std::string_view code(Sector s);  // "energi", as in the CSV
std::optional<Sector> sector_from_code(std::string_view code);

struct Municipality {
    std::string code;  // kommunekode, four digits ("0259")
    std::string name;  // "Køge"
    std::string region_code, region;
    double centre_lon = 0, centre_lat = 0;  // degrees (WGS84), the map's label point
};

// One municipality's figures for one year.
struct YearFigures {
    int year = 0;
    units::Mass total;                                // samlet; negative for a net sink (Læsø)
    std::array<units::Mass, kSectorCount> sectors{};  // by kSectors
    units::MassPerCount per_inhabitant;               // t CO2e per inhabitant, as published
    units::Ratio renewable_electricity_share;         // ve_el_selvforsyning, a fraction (> 1 possible)
};

// The figures of one vintage: every municipality has every year (the reader checks it).
struct NationalData {
    std::vector<Municipality> municipalities;       // in the order of municipalities.csv
    std::vector<int> years;                         // ascending, at least two
    std::vector<std::vector<YearFigures>> figures;  // [municipality][year index], years as above
    std::string vintage = "2026-05-18";
    std::string source = "Energi- og CO2-regnskabet, Energistyrelsen / klimaregnskabet.dk";
    std::string attribution = "Kilde: Energi- og CO₂-regnskabet, Energistyrelsen / klimaregnskabet.dk";

    // Index of a municipality by kommunekode (one to four digits: "101" is 0101, as a spreadsheet drops the
    // leading zero) or by name, without regard to case ("københavn"); nullopt when none.
    std::optional<std::size_t> find(std::string_view code_or_name) const;
};

// The three files' text, for tests; `names` are what errors call them.
struct NationalText {
    std::string_view municipalities, emissions, per_capita;
    std::string municipalities_name, emissions_name, per_capita_name;
};

// Reads municipalities.csv, municipal-emissions-2018-2023.csv and municipal-per-capita-2018-2023.csv
// of `dir`. Throws klima::Error (kind input) naming file, line and column for: a municipality code
// that is not in municipalities.csv, an unknown sector, a row given twice (naming the first line), a
// municipality lacking a year or a sector that others have, a per-inhabitant figure of 0 or of the
// other sign than the total (a negative population), a renewable share below 0, and fewer than two
// years. Negative totals are kept. Kind io when a file cannot be read.
NationalData load_national(const std::string& dir);
NationalData parse_national(const NationalText& text);

// One municipality-year as the regnskab's API answers it (docs/national.md, "A new vintage").
struct ApiFigures {
    std::array<units::Mass, kSectorCount> sectors{};
    units::Mass total;
    units::MassPerCount per_inhabitant;
    units::Ratio renewable_electricity_share;
};

// Reads `{"data": [{"sektor","type","enhed","værdi"}, …]}`: sectors from the "Ton CO2e" rows
// (Affaldsdeponi + Spildevand = affald), the total as the smaller of the Samlet "Ton CO2e" rows
// (scope 1+2), per inhabitant from the "Ton CO2e/indb." Samlet row, the renewable share from the
// "%" row whose type holds "VE" (÷ 100). Other units (TJ, per km²) are skipped. Throws klima::Error
// naming `name` and the JSON path for a missing key, a value that is not a number, an unknown
// sektor, a sector row given twice and a missing total, per-inhabitant or sector row.
ApiFigures parse_api_answer(std::string_view text, const std::string& name);

// The answer for municipality `code` and `year` merged into the data directory `dir`: its rows for
// that municipality and year are replaced (a revision) or added (a new year), the other rows kept
// in order; both CSV files are written to a temporary name and renamed. Throws (kind input, nothing
// written) for a code not in municipalities.csv; whatever load_national throws for the files.
// Returns true when rows were replaced, false when added.
bool merge_api_answer(const std::string& dir, const std::string& code, int year, const ApiFigures& figures);

}  // namespace klima::national
