// Reading data/national/ (klima/national/national_data.hpp).
#include "klima/national/national_data.hpp"

#include "klima/error.hpp"
#include "klima/io/csv.hpp"
#include "klima/kommunekode.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>

namespace klima::national {

namespace {

constexpr std::array<std::string_view, kSectorCount> kSectorCodes = {"energi", "transport", "landbrug", "affald",
                                                                     "industri"};

std::string number_text(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

bool four_digits(std::string_view s) {
    return s.size() == 4 && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// The figures read so far of one municipality and year, with the line of each, for the checks.
struct Partial {
    std::array<std::optional<units::Mass>, kSectorCount> sectors;
    std::optional<units::Mass> total;
    std::optional<double> per_inhabitant, renewable;
    int first_line = 0, per_capita_line = 0;
};

std::size_t municipality_of(const io::CsvRow& row, const std::unordered_map<std::string, std::size_t>& index,
                            const std::string& municipalities_name) {
    const auto code = std::string(row.required("kommunekode"));
    const auto it = index.find(code);
    if (it == index.end())
        throw Error(row.where("kommunekode"), "unknown municipality code '" + code + "'",
                    "use a kommunekode of " + municipalities_name + " (four digits, e.g. 0259 for Køge)");
    return it->second;
}

// Names compared without case: ASCII letters and the Danish capitals Æ, Ø, Å (UTF-8) folded to lower case.
std::string folded(std::string_view s) {
    std::string out(s);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto c = static_cast<unsigned char>(out[i]);
        if (c >= 'A' && c <= 'Z') out[i] = static_cast<char>(c - 'A' + 'a');
        // U+00C5 Å, U+00C6 Æ, U+00D8 Ø are C3 85, C3 86, C3 98; their small letters C3 A5, C3 A6, C3 B8.
        if (c == 0xC3 && i + 1 < out.size()) {
            const auto d = static_cast<unsigned char>(out[i + 1]);
            if (d == 0x85 || d == 0x86 || d == 0x98) out[i + 1] = static_cast<char>(d + 0x20);
            ++i;
        }
    }
    return out;
}

}  // namespace

std::string_view code(Sector s) { return kSectorCodes[static_cast<std::size_t>(s)]; }

std::optional<Sector> sector_from_code(std::string_view c) {
    for (std::size_t i = 0; i < kSectorCount; ++i)
        if (kSectorCodes[i] == c) return kSectors[i];
    return std::nullopt;
}

std::optional<std::size_t> NationalData::find(std::string_view code_or_name) const {
    if (const auto code = padded_kommunekode(code_or_name)) {  // "101" is 0101
        for (std::size_t i = 0; i < municipalities.size(); ++i)
            if (municipalities[i].code == *code) return i;
        return std::nullopt;
    }
    const std::string name = folded(code_or_name);
    for (std::size_t i = 0; i < municipalities.size(); ++i)
        if (folded(municipalities[i].name) == name) return i;
    return std::nullopt;
}

NationalData parse_national(const NationalText& text) {
    NationalData d;
    std::unordered_map<std::string, std::size_t> index;
    const auto mt = io::CsvTable::parse(text.municipalities, text.municipalities_name,
                                        {"kommunekode", "kommune", "regionskode", "region", "center_lon", "center_lat"},
                                        io::CsvDialect::comma());
    for (const auto& row : mt.rows()) {
        Municipality m;
        m.code = std::string(row.required("kommunekode"));
        if (!four_digits(m.code))
            throw Error(row.where("kommunekode"), "municipality code '" + m.code + "' is not four digits",
                        "write the kommunekode with its leading zero, e.g. 0101");
        if (index.count(m.code))
            throw Error(row.where("kommunekode"), "municipality " + m.code + " is listed twice",
                        "keep one row per municipality");
        m.name = std::string(row.required("kommune"));
        m.region_code = std::string(row.required("regionskode"));
        m.region = std::string(row.required("region"));
        m.centre_lon = row.number("center_lon");
        m.centre_lat = row.number("center_lat");
        index.emplace(m.code, d.municipalities.size());
        d.municipalities.push_back(std::move(m));
    }
    if (d.municipalities.empty())
        throw Error({text.municipalities_name, 0, ""}, "no municipalities", "list the 98 municipalities");

    std::vector<std::map<int, Partial>> partial(d.municipalities.size());
    std::set<int> years;
    const auto et =
        io::CsvTable::parse(text.emissions, text.emissions_name, {"kommunekode", "kommune", "year", "sector", "t_co2e"},
                            io::CsvDialect::comma());
    for (const auto& row : et.rows()) {
        const auto m = municipality_of(row, index, text.municipalities_name);
        const int year = row.integer("year");
        const auto sector = row.required("sector");
        const auto value = units::tonnes(row.number("t_co2e"));
        auto& p = partial[m][year];
        if (!p.first_line) p.first_line = row.line();
        years.insert(year);
        std::optional<units::Mass>* slot = nullptr;
        if (sector == "samlet") slot = &p.total;
        else if (const auto s = sector_from_code(sector)) slot = &p.sectors[static_cast<std::size_t>(*s)];
        else
            throw Error(row.where("sector"), "unknown sector '" + std::string(sector) + "'",
                        "use energi, transport, landbrug, affald, industri or samlet");
        if (*slot)
            throw Error(row.where("sector"),
                        "municipality " + d.municipalities[m].code + ", " + std::to_string(year) + ", sector " +
                            std::string(sector) + " is given twice",
                        "keep one row per municipality, year and sector (a new vintage replaces the old rows: "
                        "klima national import-api)");
        *slot = value;
    }
    const auto pt = io::CsvTable::parse(
        text.per_capita, text.per_capita_name,
        {"kommunekode", "kommune", "year", "t_co2e_per_inhabitant", "ve_el_selvforsyning"}, io::CsvDialect::comma());
    for (const auto& row : pt.rows()) {
        const auto m = municipality_of(row, index, text.municipalities_name);
        const int year = row.integer("year");
        auto& p = partial[m][year];
        if (p.per_inhabitant)
            throw Error(row.where("year"),
                        "municipality " + d.municipalities[m].code + ", " + std::to_string(year) + " is given twice",
                        "keep one row per municipality and year");
        p.per_inhabitant = row.number("t_co2e_per_inhabitant");
        if (*p.per_inhabitant == 0)
            throw Error(row.where("t_co2e_per_inhabitant"), "a per-inhabitant figure of 0 gives no population",
                        "give the regnskab's figure in t CO2e per inhabitant");
        p.renewable = row.number("ve_el_selvforsyning");
        if (*p.renewable < 0)  // self-sufficiency may exceed 1 (more produced than used), never fall below 0
            throw Error(row.where("ve_el_selvforsyning"), "a renewable electricity share below 0",
                        "give the regnskab's VE-el selvforsyning as a share of at least 0 (0.35 for 35 %)");
        p.per_capita_line = row.line();
        years.insert(year);
    }
    d.years.assign(years.begin(), years.end());
    if (d.years.size() < 2)
        throw Error({text.emissions_name, 0, "year"}, "fewer than two years of figures",
                    "a trend needs at least two years");
    d.figures.resize(d.municipalities.size());
    for (std::size_t m = 0; m < d.municipalities.size(); ++m) {
        const auto& code = d.municipalities[m].code;
        for (const int y : d.years) {
            const auto it = partial[m].find(y);
            const std::string what = "municipality " + code + " (" + d.municipalities[m].name + ") has no ";
            const std::string fix = "every municipality needs every year: import the regnskab's answer for " + code +
                                    " and " + std::to_string(y) + " (klima national import-api)";
            if (it == partial[m].end() || !it->second.total)
                throw Error({text.emissions_name, 0, "samlet"}, what + "total (samlet) for " + std::to_string(y), fix);
            if (!it->second.per_inhabitant)
                throw Error({text.per_capita_name, 0, "t_co2e_per_inhabitant"},
                            what + "per-inhabitant figure for " + std::to_string(y), fix);
            YearFigures f;
            f.year = y;
            f.total = *it->second.total;
            for (std::size_t s = 0; s < kSectorCount; ++s) {
                if (!it->second.sectors[s])
                    throw Error({text.emissions_name, it->second.first_line, "sector"},
                                what + "sector " + std::string(kSectorCodes[s]) + " for " + std::to_string(y), fix);
                f.sectors[s] = *it->second.sectors[s];
            }
            const double total_t = units::in_tonnes(f.total), each_t = *it->second.per_inhabitant;
            if ((total_t > 0 && each_t < 0) || (total_t < 0 && each_t > 0))  // population = total ÷ per inhabitant
                throw Error({text.per_capita_name, it->second.per_capita_line, "t_co2e_per_inhabitant"},
                            "municipality " + code + ", " + std::to_string(y) + ": " + number_text(each_t) +
                                " t per inhabitant beside a total of " + number_text(total_t) +
                                " t gives a negative population",
                            "give the figure per inhabitant with the sign of the total (samlet)");
            f.per_inhabitant = units::tonnes(each_t);
            f.renewable_electricity_share = units::ratio(*it->second.renewable);
            d.figures[m].push_back(f);
        }
    }
    return d;
}

NationalData load_national(const std::string& dir) {
    const std::string m = dir + "/municipalities.csv", e = dir + "/municipal-emissions-2018-2023.csv",
                      p = dir + "/municipal-per-capita-2018-2023.csv";
    const auto mt = io::read_file(m), et = io::read_file(e), pt = io::read_file(p);
    return parse_national({mt, et, pt, m, e, p});
}

}  // namespace klima::national
