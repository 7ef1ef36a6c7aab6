#include "klima/io/data_files.hpp"
#include "klima/activity_names.hpp"
#include "readers.hpp"

#include "json_object.hpp"
#include "klima/io/csv.hpp"
#include "klima/io/xlsx_reader.hpp"
#include "klima/join.hpp"
#include "mapped_file.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <functional>
#include <sstream>

namespace klima::io {
namespace fs = std::filesystem;

namespace {

std::vector<units::AmountKind> parse_kinds(const CsvRow& row) {
    std::vector<units::AmountKind> out;
    std::istringstream words{std::string(row.required("activity"))};
    std::string w;
    while (words >> w) {
        bool found = false;
        for (auto k : {units::AmountKind::energy, units::AmountKind::distance, units::AmountKind::mass,
                       units::AmountKind::area, units::AmountKind::count, units::AmountKind::volume}) {
            if (units::to_string(k) == w) {
                out.push_back(k);
                found = true;
            }
        }
        if (!found)
            throw Error(row.where("activity"), "unknown activity kind '" + w + "'",
                        "use energy, distance, mass, area, count or volume, separated by spaces");
    }
    return out;
}

template <class F>
auto at_location(const Location& where, F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (const Error& e) {
        throw e.located(where);
    }
}

// make_amount with its errors placed: a value that is not finite (or
// overflows in conversion) at the quantity, an unknown unit at the unit. The
// places are made only for an error: `quantity_at()`, `unit_at()`.
template <class QuantityAt, class UnitAt>
units::Amount amount_at(double v, std::string_view unit, QuantityAt&& quantity_at, UnitAt&& unit_at) {
    try {
        return units::make_amount(v, unit);
    } catch (const Error& e) {
        throw Error(e.where().field == "quantity" ? quantity_at() : unit_at(), e.problem(), e.fix());
    }
}

}  // namespace

int checked_year(int year, const Location& where) {
    if (!in_horizon(year))
        throw Error(where, "year " + std::to_string(year) + " is outside " + horizon_text(),
                    "klima covers the DK2020 horizon " + horizon_text());
    return year;
}

Taxonomy load_taxonomy(const std::string& path) {
    const auto table =
        CsvTable::read(path, {"sector", "subsector", "sector_da", "sector_en", "subsector_da", "subsector_en",
                              "gpc_ref", "gpc_sector", "scope", "territorial", "activity", "source"});
    Taxonomy t;
    for (const auto& row : table.rows()) {
        Subsector s;
        s.sector = row.required("sector");
        s.code = row.required("subsector");
        s.sector_da = row.required("sector_da");
        s.sector_en = row.required("sector_en");
        s.name_da = row.required("subsector_da");
        s.name_en = row.required("subsector_en");
        s.gpc_ref = row.required("gpc_ref");
        s.gpc_sector = row.required("gpc_sector");
        s.scope = row.integer("scope");
        if (s.scope < 1 || s.scope > 3) throw Error(row.where("scope"), "scope must be 1, 2 or 3");
        s.territorial = row.yes_no("territorial");
        s.accepts = parse_kinds(row);
        s.source = row.required("source");
        std::istringstream also{std::string(row.optional("counts_also"))};
        for (std::string w; also >> w;) s.counts_also.push_back(w);
        at_location(row.where(), [&] { t.add(std::move(s)); });
    }
    for (const auto& s : t.subsectors())
        for (const auto& also : s.counts_also)
            if (!t.find(s.sector, also) || also == s.code)
                throw Error({path, 0, "counts_also"},
                            "subsector " + s.sector + "/" + s.code + " counts also in '" + also +
                                "', which is not another subsector of " + s.sector,
                            "name subsectors of the same sector, separated by spaces");
    return t;
}

CarrierTable load_carriers(const std::string& path) {
    const auto table = CsvTable::read(path, {"carrier", "name_da", "name_en", "kind", "source"});
    CarrierTable out;
    for (const auto& row : table.rows()) {
        Carrier c;
        c.code = row.required("carrier");
        c.name_da = row.required("name_da");
        c.name_en = row.required("name_en");
        const auto kind = parse_carrier_kind(row.required("kind"));
        if (!kind)
            throw Error(row.where("kind"), "unknown carrier kind '" + std::string(row.text("kind")) + "'",
                        "use fuel, electricity, district_heat or non_energy");
        c.kind = *kind;
        c.source = row.required("source");
        at_location(row.where(), [&] { out.add(std::move(c)); });
    }
    return out;
}

namespace {

// Whether a row with the `allocation` cell `sets` belongs to the set `chosen`.
bool in_allocation_set(const CsvRow& row, std::string_view sets, ChpAllocation chosen) {
    if (sets.empty()) return true;
    std::istringstream words{std::string(sets)};
    std::string w;
    bool found = false;
    while (words >> w) {
        const auto a = parse_chp_allocation(w);
        if (!a)
            throw Error(row.where("allocation"), "unknown CHP allocation set '" + w + "'",
                        "use declared, 125, 200 or energy, separated by spaces, or leave the cell empty for all");
        found = found || *a == chosen;
    }
    return found;
}

}  // namespace

void load_factors(const std::string& path, FactorLibrary& into, ChpAllocation allocation) {
    const auto table = CsvTable::read(
        path, {"carrier", "subsector", "gas", "value", "unit", "year_from", "year_to", "status", "source"});
    for (const auto& row : table.rows()) {
        const auto sets = row.optional("allocation");
        if (!in_allocation_set(row, sets, allocation)) continue;
        EmissionFactor f;
        f.origin = row.where();
        f.carrier = row.required("carrier");
        f.subsector = row.text("subsector");
        const auto gas = parse_gas(row.required("gas"));
        if (!gas)
            throw Error(row.where("gas"), "unknown gas '" + std::string(row.text("gas")) + "'",
                        "use CO2, CH4, N2O or CO2e");
        f.gas = *gas;
        const double v = row.number("value");
        f.value = at_location(row.where("unit"), [&] { return units::make_factor(v, row.required("unit")); });
        f.year_from = checked_year(row.integer("year_from"), row.where("year_from"));
        f.year_to = checked_year(row.integer("year_to"), row.where("year_to"));
        const auto status = row.required("status");
        if (status != "official" && status != "derived" && status != "illustrative")
            throw Error(row.where("status"),
                        "status '" + std::string(status) + "' is not official, derived or illustrative",
                        "write official for a published figure, derived for one interpolated or carried forward "
                        "from published figures, illustrative otherwise");
        f.illustrative = status == "illustrative";
        f.derived = status == "derived";
        f.source = row.required("source");
        if (const auto u = row.optional("uncertainty"); !u.empty())
            f.uncertainty = parse_distribution(u, row.where("uncertainty"));
        if (!sets.empty()) f.source += " [CHP allocation: " + std::string(describe(allocation)) + "]";
        into.add(std::move(f));
    }
}

namespace {

struct PropertyUnit {
    std::string_view symbol;
    FuelBasis basis;
    double to_si;  // J/kg, J/m3 or kg/m3
};

constexpr PropertyUnit kPropertyUnits[] = {
    {"GJ/t", FuelBasis::heating_value_per_mass, 1e9 / 1e3},
    {"MJ/kg", FuelBasis::heating_value_per_mass, 1e6},
    {"kWh/kg", FuelBasis::heating_value_per_mass, 3.6e6},
    {"GJ/m3", FuelBasis::heating_value_per_volume, 1e9},
    {"MJ/l", FuelBasis::heating_value_per_volume, 1e6 / 1e-3},
    {"kWh/l", FuelBasis::heating_value_per_volume, 3.6e6 / 1e-3},
    {"MJ/m3", FuelBasis::heating_value_per_volume, 1e6},
    {"kWh/m3", FuelBasis::heating_value_per_volume, 3.6e6},
    {"GJ/Nm3", FuelBasis::heating_value_per_normal_volume, 1e9},
    {"MJ/Nm3", FuelBasis::heating_value_per_normal_volume, 1e6},
    {"kWh/Nm3", FuelBasis::heating_value_per_normal_volume, 3.6e6},
    {"kg/l", FuelBasis::density, 1e3},
    {"kg/m3", FuelBasis::density, 1.0},
    {"t/m3", FuelBasis::density, 1e3},
};

}  // namespace

void load_fuel_properties(const std::string& path, FuelProperties& into) {
    const auto table =
        CsvTable::read(path, {"carrier", "property", "value", "unit", "year_from", "year_to", "status", "source"});
    for (const auto& row : table.rows()) {
        FuelProperty p;
        p.origin = row.where();
        p.carrier = row.required("carrier");
        const auto property = row.required("property");
        if (property != "lhv" && property != "density")
            throw Error(row.where("property"), "unknown property '" + std::string(property) + "'",
                        "write lhv (lower heating value) or density");
        p.written = row.number("value");
        if (p.written <= 0) throw Error(row.where("value"), "a heating value or density must be positive");
        p.unit = row.required("unit");
        const PropertyUnit* unit = nullptr;
        for (const auto& u : kPropertyUnits)
            if (u.symbol == p.unit && (u.basis == FuelBasis::density) == (property == "density")) unit = &u;
        if (!unit)
            throw Error(row.where("unit"), "unit '" + p.unit + "' does not fit property " + std::string(property),
                        property == "density"
                            ? "use kg/l, kg/m3 or t/m3"
                            : "use GJ/t, MJ/kg, kWh/kg, GJ/m3, MJ/m3, kWh/m3, MJ/l, kWh/l, GJ/Nm3, MJ/Nm3 or kWh/Nm3");
        p.basis = unit->basis;
        const double si = p.written * unit->to_si;
        switch (p.basis) {
            case FuelBasis::heating_value_per_mass: p.value = units::EnergyPerMass::from_value(si); break;
            case FuelBasis::heating_value_per_volume:
            case FuelBasis::heating_value_per_normal_volume: p.value = units::EnergyPerVolume::from_value(si); break;
            case FuelBasis::density: p.value = units::MassPerVolume::from_value(si); break;
        }
        p.year_from = checked_year(row.integer("year_from"), row.where("year_from"));
        p.year_to = checked_year(row.integer("year_to"), row.where("year_to"));
        p.status = row.required("status");
        if (p.status != "official" && p.status != "derived" && p.status != "illustrative")
            throw Error(row.where("status"), "status '" + p.status + "' is not official, derived or illustrative",
                        "write official (as published), derived (computed from a published figure, saying how) "
                        "or illustrative");
        p.source = row.required("source");
        into.add(std::move(p));
    }
}

GwpTable load_gwp(const std::string& path) {
    const auto table = CsvTable::read(path, {"set", "gas", "gwp100", "source"});
    GwpTable out;
    for (const auto& row : table.rows()) {
        auto& set = out.upsert(std::string(row.required("set")));
        const auto gas = parse_gas(row.required("gas"));
        if (!gas || *gas == Gas::CO2e) throw Error(row.where("gas"), "gas must be CO2, CH4 or N2O");
        const double v = row.number("gwp100");
        if (v <= 0) throw Error(row.where("gwp100"), "GWP must be positive");
        set.gwp100[static_cast<int>(*gas)] = v;
        set.source[static_cast<int>(*gas)] = row.required("source");
    }
    for (const auto& s : out.all())
        for (Gas g : {Gas::CH4, Gas::N2O})
            if (s.source[static_cast<int>(g)].empty())
                throw Error({path, 0, "gas"}, "GWP set " + s.name + " has no value for " + std::string(to_string(g)),
                            "add a row for it");
    return out;
}

std::vector<std::string> factor_files(const std::string& data_dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(fs::path(data_dir) / "factors"))
        if (e.path().extension() == ".csv" && e.path().filename() != "carriers.csv" &&
            e.path().filename() != kFuelPropertiesFile)
            out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

ReferenceData load_reference_data(const std::string& data_dir, ChpAllocation allocation) {
    const fs::path dir(data_dir);
    if (!fs::is_directory(dir))
        throw Error({data_dir, 0, ""}, "data directory not found", "give the path of klima's data/ folder")
            .about(Subject::data_dir);
    if (!fs::exists(dir / "taxonomy" / "sectors.csv") || !fs::is_directory(dir / "factors"))
        throw Error({data_dir, 0, ""}, "not a klima data directory: it needs taxonomy/sectors.csv and factors/",
                    "give the folder that holds taxonomy/ and factors/, e.g. data (not data/factors)");
    ReferenceData ref;
    ref.taxonomy = load_taxonomy((dir / "taxonomy" / "sectors.csv").string());
    ref.carriers = load_carriers((dir / "factors" / "carriers.csv").string());
    for (const auto& p : factor_files(data_dir)) load_factors(p, ref.factors, allocation);
    ref.allocation = allocation;
    for (const auto* f : ref.factors.all()) ref.carriers.require(f->carrier, f->origin);
    ref.gwp = load_gwp((dir / "gwp.csv").string());
    if (const auto props = dir / "factors" / kFuelPropertiesFile; fs::exists(props)) {
        load_fuel_properties(props.string(), ref.fuel_properties);
        for (const auto* p : ref.fuel_properties.all()) ref.carriers.require(p->carrier, p->origin);
    }
    return ref;
}

namespace {

const std::vector<std::string_view> kActivityColumns{"year",     "sector", "subsector", "carrier",
                                                     "quantity", "unit",   "source"};

// The activity columns an officer may head in Danish or English, folded
// (fold_name: case and æ, ø, å forgiven): år, sektor, undersektor, energiart
// or brændsel, mængde, enhed, kilde, usikkerhed.
std::string activity_column(std::string_view written) {
    static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
        {"year", "year"},
        {"aar", "year"},
        {"ar", "year"},
        {"sector", "sector"},
        {"sektor", "sector"},
        {"subsector", "subsector"},
        {"undersektor", "subsector"},
        {"carrier", "carrier"},
        {"energiart", "carrier"},
        {"braendsel", "carrier"},
        {"brandsel", "carrier"},
        {"quantity", "quantity"},
        {"maengde", "quantity"},
        {"mangde", "quantity"},
        {"unit", "unit"},
        {"enhed", "unit"},
        {"source", "source"},
        {"kilde", "source"},
        {"uncertainty", "uncertainty"},
        {"usikkerhed", "uncertainty"},
    };
    if (written == "year" || written == "quantity") return std::string(written);  // the common header, unfolded
    const std::string folded = fold_name(written);
    for (const auto& [name, column] : kNames)
        if (folded == name) return std::string(column);
    return {};
}

// The bad cells of one file: each error kept (up to kMaxBadCells), so that
// one run reports them all; thrown together at the end.
class BadCells {
public:
    static constexpr std::size_t kMaxBadCells = 50;
    explicit BadCells(const std::string& file) : file_(file) {}

    // Runs `f`; an Error it throws is kept and false returned.
    template <class F>
    bool check(F&& f) {
        try {
            f();
            return true;
        } catch (const Error& e) {
            if (errors_.size() < kMaxBadCells) errors_.push_back(e);
            ++count_;
            return false;
        }
    }
    bool any() const { return count_ > 0; }
    // Errors of this file beyond those merged from `other`.
    bool any_but(const BadCells& other) const { return count_ > other.count_; }
    // `other`'s errors too, in line order with these.
    void merge(const BadCells& other) {
        for (const auto& e : other.errors_)
            if (errors_.size() < kMaxBadCells) errors_.push_back(e);
        count_ += other.count_;
        std::stable_sort(errors_.begin(), errors_.end(),
                         [](const Error& a, const Error& b) { return a.where().line < b.where().line; });
    }
    // One error as it is; more as one error listing each (the first 50).
    void throw_if_any() const {
        if (count_ == 0) return;
        if (count_ == 1) throw errors_.front();
        std::string list;
        for (const auto& e : errors_) list.append("\n  ").append(e.what());
        throw Error({file_, 0, ""},
                    std::to_string(count_) + " bad cells" +
                        (count_ > errors_.size() ? " (the first " + std::to_string(errors_.size()) + " listed)" : "") +
                        ":" + list,
                    "correct each cell as its own fix says; nothing was read");
    }

private:
    const std::string& file_;
    std::vector<Error> errors_;
    std::size_t count_ = 0;
};

// `r` filled from a row: each cell is read once, as a view, into strings that
// keep their capacity when `r` is reused; a Location is made only for an error.
// Every bad cell goes to `bad`; false when there was one. With `ref`, display
// names become codes and the record is validated (ReferenceData::validate);
// what that refuses goes to `invalid`, and the record is still returned, so
// that duplicates are found before it is reported, as always.
bool activity_from_row(const CsvRow& row, const std::string& file, ActivityRecord& r, BadCells& bad, BadCells& invalid,
                       const ReferenceData* ref) {
    r.origin.file.assign(file);  // row.where(), without a new string
    r.origin.line = row.line();
    r.origin.field.clear();
    bool ok = bad.check([&] {
        const int year = row.integer("year");
        r.year = in_horizon(year) ? year : checked_year(year, row.where("year"));
    });
    ok = bad.check([&] { r.sector = row.required("sector"); }) && ok;
    ok = bad.check([&] { r.subsector = row.required("subsector"); }) && ok;
    ok = bad.check([&] { r.carrier = row.required("carrier"); }) && ok;
    std::string_view unit;
    const bool unit_ok = bad.check([&] { unit = units::canonical_unit(row.required("unit")); });
    const auto q = row.text("quantity");
    double v = 0.0;
    const bool quantity_ok = q.empty() || bad.check([&] { v = row.number("quantity"); });
    if (unit_ok && !quantity_ok)  // the unit still checked, so that a bad unit on the row is reported too
        bad.check([&] {
            amount_at(
                0.0, unit, [&] { return row.where("quantity"); }, [&] { return row.where("unit"); });
        });
    ok = unit_ok && quantity_ok && bad.check([&] {
        auto amount = amount_at(
            v, unit, [&] { return row.where("quantity"); }, [&] { return row.where("unit"); });
        if (q.empty()) r.amount.reset();  // empty quantity: missing, not zero
        else r.amount = amount;
        r.unit = unit;
    }) && ok;
    ok = bad.check([&] { r.source = row.required("source"); }) && ok;
    ok = bad.check([&] {
        if (const auto u = row.optional("uncertainty"); !u.empty())
            r.uncertainty = parse_distribution(u, row.where("uncertainty"));
        else r.uncertainty.reset();
    }) && ok;
    if (ok && ref)
        invalid.check([&] {
            try {
                ref->validate(r);  // codes, as most files write them: one look-up
            } catch (const Error&) {
                if (!resolve_display_names(r, *ref)) throw;  // names: made codes, then validated
                ref->validate(r);
            }
        });
    return ok;
}

}  // namespace

namespace {

// How many lines of `text` begin with `year` and a delimiter: the records of
// the year when the year is the first column (a hint for reserving only).
std::size_t lines_of_year(std::string_view text, int year) {
    std::string a = "\n";  // appended, not concatenated: GCC 12 raises a false -Wrestrict on "…" + s
    a.append(std::to_string(year)).append(",");
    std::string b = a;
    b.back() = ';';
    std::size_t n = 0;
    for (const auto& mark : {a, b})
        for (auto p = text.find(mark); p != std::string_view::npos; p = text.find(mark, p + 1)) ++n;
    return n;
}

std::uint64_t key_hash(const ActivityRecord& r) {
    std::uint64_t h = std::hash<int>{}(r.year);
    for (const auto* part : {&r.sector, &r.subsector, &r.carrier, &r.source})
        h = (h ^ std::hash<std::string>{}(*part)) * 0x100000001b3ull + 0x9e3779b97f4a7c15ull;
    return h;
}

// Rows are streamed into records: no table of cells is kept beside them. The
// records of a CSV file, or of `year` only, with every row of every year
// read and checked as load_activity checks them all: its form and, with
// `ref`, its names and ReferenceData::validate (every bad cell, BadCells),
// then duplicates (check_no_duplicates), with the same error for the same
// file. Rows of other years are kept only as a hash of their key; when two
// of those hashes meet (a duplicate, or by chance), returns nullopt, and the
// caller reads the whole file again keeping every row, so that the error is
// exactly the one of check_no_duplicates. With `mapped`, the pages of rows
// already read are given back as it goes.
// Every row of a CSV text read and checked as load_activity checks them; each
// row without a bad cell goes to `on_row` (a record that `ref` refuses too, so
// that duplicates are found before that is reported). Throws the form errors,
// with what `ref` refuses beside them; returns what `ref` refused alone, for
// the caller to throw after its check for duplicates.
template <class OnRow>
BadCells scan_activity_rows(std::string_view text, const std::string& name, std::optional<CsvDialect> dialect,
                            const ReferenceData* ref, std::vector<int>& years, MappedFile* mapped, OnRow&& on_row) {
    BadCells bad(name), invalid(name);
    ActivityRecord r;  // one record reused: a row of another year allocates nothing once it has grown
    std::size_t rows = 0;
    CsvTable::for_each_row(
        text, name, kActivityColumns, dialect,
        [&](const CsvRow& row) {
            if (mapped && ++rows % 1024 == 0) mapped->release_before(row.text("year").data());  // never read again
            if (!activity_from_row(row, name, r, bad, invalid, ref) || bad.any()) return;
            if (years.empty() || years.back() != r.year) years.push_back(r.year);
            on_row(r);
        },
        activity_column);
    // Form errors, with what the reference data refuses beside them; else
    // duplicates; else what the reference data refuses.
    bad.merge(invalid);
    if (bad.any_but(invalid)) bad.throw_if_any();
    return invalid;
}

bool any_repeated(std::vector<std::uint64_t>& hashes) {
    std::sort(hashes.begin(), hashes.end());
    return std::adjacent_find(hashes.begin(), hashes.end()) != hashes.end();
}

std::optional<ActivitySet> read_activity_rows(std::string_view text, const std::string& name,
                                              std::optional<CsvDialect> dialect, const ReferenceData* ref,
                                              std::optional<int> year, std::vector<int>& years, MappedFile* mapped) {
    ActivitySet out;
    out.reserve(year ? lines_of_year(text, *year)
                     : static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')));
    std::vector<std::uint64_t> others;
    const auto invalid = scan_activity_rows(text, name, dialect, ref, years, mapped, [&](const ActivityRecord& r) {
        if (!year || r.year == *year) out.push_back(r);  // a copy: strings of their own size
        else others.push_back(key_hash(r));
    });
    if (any_repeated(others)) return std::nullopt;
    check_no_duplicates(out);
    invalid.throw_if_any();
    return out;
}

ActivitySet read_activity_sheet(std::string_view bytes, const std::string& name, const std::string& sheet,
                                const ReferenceData* ref) {
    const auto table = CsvTable::from_sheet(parse_xlsx(bytes, name, sheet), name, kActivityColumns, activity_column);
    ActivitySet out;
    out.reserve(table.rows().size());
    BadCells bad(name), invalid(name);
    ActivityRecord r;
    for (const auto& row : table.rows())
        if (activity_from_row(row, name, r, bad, invalid, ref) && !bad.any()) out.push_back(r);
    bad.merge(invalid);
    if (bad.any_but(invalid)) bad.throw_if_any();  // as read_activity_rows
    check_no_duplicates(out);
    invalid.throw_if_any();
    return out;
}

}  // namespace

ActivitySet parse_activity_csv(std::string_view text, const std::string& name, std::optional<CsvDialect> dialect) {
    std::vector<int> years;
    return *read_activity_rows(text, name, dialect, nullptr, std::nullopt, years, nullptr);
}

ActivitySet parse_activity_xlsx(std::string_view bytes, const std::string& name, const std::string& sheet) {
    return read_activity_sheet(bytes, name, sheet, nullptr);
}

// One strict JSON reader for every input file: overflowing numbers and keys
// given twice are refused with the file and line or JSON path (json_object.cpp).
nlohmann::json parse_json(std::string_view text, const std::string& name) { return parse_json_document(text, name); }

ActivitySet parse_activity_json(std::string_view text, const std::string& name) {
    const auto doc = parse_json(text, name);
    JsonObject top(doc, "", name);
    const auto& records = top.array("records");
    ActivitySet out;
    for (std::size_t i = 0; i < records.size(); ++i) {
        JsonObject j(records[i], "/records/" + std::to_string(i), name);
        ActivityRecord r;
        r.origin = {name, 0, j.path()};
        r.year = j.year("year");
        r.sector = j.text("sector");
        r.subsector = j.text("subsector");
        r.carrier = j.text("carrier");
        const std::string unit(units::canonical_unit(j.text("unit")));
        const auto& q = j.value("quantity");
        if (!q.is_null() && !q.is_number())
            throw Error(j.at("quantity"), "expected a number or null",
                        "write a number, or null when the value is missing");
        const double v = q.is_null() ? 0.0 : q.get<double>();
        auto amount = amount_at(
            v, unit, [&] { return j.at("quantity"); }, [&] { return j.at("unit"); });
        if (!q.is_null()) r.amount = amount;
        r.unit = unit;
        r.source = j.text("source");
        if (j.has("uncertainty"))
            r.uncertainty = distribution_from_json(j.value("uncertainty"), name, j.path() + "/uncertainty");
        out.push_back(std::move(r));
    }
    check_no_duplicates(out);
    return out;
}

std::string municipality_name(const std::string& activity_path) {
    const fs::path dir = fs::path(activity_path).parent_path();
    const fs::path meta = dir / "municipality.json";
    if (!fs::exists(meta)) return dir.filename().string();
    const auto doc = parse_json(read_file(meta.string(), kMaxJsonFileBytes), meta.string());
    return JsonObject(doc, "", meta.string()).text("name");
}

bool stream_activity(const std::string& path, const ReferenceData& ref, int year, std::optional<CsvDialect> dialect,
                     const ActivitySink& sink) {
    if (fs::path(path).extension() != ".csv") return false;
    MappedFile file(path);
    if (!file.mapped()) return false;
    std::vector<int> years;
    std::vector<std::uint64_t> keys;  // every row's: 8 bytes a row, where a record takes a few hundred
    std::optional<Error> held;        // the first error of `sink`, thrown after the file's own
    bool any = false;
    ActivitySet counted;  // the year's rows whose subsector counts in others (few): for their copies
    const CountedSubsectors involved(ref.taxonomy);
    const auto give = [&](ActivityRecord&& r) {
        if (held) return;
        try {
            sink(std::move(r));
        } catch (const Error& e) {
            held = e;
        }
    };
    const auto invalid = scan_activity_rows(file.text(), path, dialect, &ref, years, &file, [&](ActivityRecord& r) {
        keys.push_back(key_hash(r));
        if (r.year != year) return;
        any = true;
        if (involved(r)) counted.push_back(r);
        give(std::move(r));
    });
    file.release_all();
    if (any_repeated(keys)) return false;  // load_activity names both rows (or finds a chance meeting)
    invalid.throw_if_any();
    if (!any) {
        std::sort(years.begin(), years.end());
        years.erase(std::unique(years.begin(), years.end()), years.end());
        const std::string present = join(years, ", ", [](int y) { return std::to_string(y); });
        throw Error({path, 0, "year"}, "no activity records for " + std::to_string(year),
                    present.empty() ? "the data holds no records" : "choose one of the years present: " + present);
    }
    const std::size_t read = counted.size();
    add_counted_subsectors(counted, ref.taxonomy);  // appends the copies, as load_activity appends them
    for (std::size_t i = read; i < counted.size(); ++i) give(std::move(counted[i]));
    if (held) throw *held;
    return true;
}

ActivitySet load_activity(const std::string& path, const ReferenceData* ref, const ActivityReadOptions& options) {
    const auto ext = fs::path(path).extension().string();
    if (ext != ".csv" && ext != ".json" && ext != ".xlsx")
        throw Error({path, 0, ""}, "unknown file type '" + ext + "'", "give a .csv, .xlsx or .json activity file");
    if (ext != ".xlsx" && !options.sheet.empty())
        throw Error({path, 0, ""}, "a sheet was named, but this is not an .xlsx workbook",
                    "name a sheet only for an .xlsx file");
    std::vector<int> years;
    std::optional<ActivitySet> records;
    bool tried = false;  // read_activity_rows has been tried, and wants the whole file read
    if (ext == ".csv") {
        MappedFile file(path);
        if (file.mapped()) {
            records = read_activity_rows(file.text(), path, options.csv_dialect, ref, options.year, years, &file);
            tried = true;
        }
    }
    const auto text = records ? std::string()
                              : read_file(path, ext == ".json"   ? kMaxJsonFileBytes
                                                : ext == ".xlsx" ? kMaxWorkbookBytes
                                                                 : kMaxDataFileBytes);
    if (!records && !tried && ext == ".csv")
        records = read_activity_rows(text, path, options.csv_dialect, ref, options.year, years, nullptr);
    if (!records) {
        if (ext == ".csv") {
            std::vector<int> all;
            records = read_activity_rows(text, path, options.csv_dialect, ref, std::nullopt, all, nullptr);
        } else if (ext == ".xlsx") {
            records = read_activity_sheet(text, path, options.sheet, ref);
        } else {
            records = parse_activity_json(text, path);
            if (ref)
                for (auto& r : *records) {
                    try {
                        ref->validate(r);
                    } catch (const Error&) {
                        if (!resolve_display_names(r, *ref)) throw;
                        ref->validate(r);
                    }
                }
        }
        if (options.year) {
            years = years_in(*records);
            std::erase_if(*records, [&](const ActivityRecord& r) { return r.year != *options.year; });
        }
    }
    if (options.year && records->empty()) {  // as compute_inventory says it, with the file
        std::sort(years.begin(), years.end());
        years.erase(std::unique(years.begin(), years.end()), years.end());
        const std::string present = join(years, ", ", [](int y) { return std::to_string(y); });
        throw Error({path, 0, "year"}, "no activity records for " + std::to_string(*options.year),
                    present.empty() ? "the data holds no records" : "choose one of the years present: " + present);
    }
    if (ref) add_counted_subsectors(*records, ref->taxonomy);
    return std::move(*records);
}

}  // namespace klima::io
