// The national monitor as a text table, Markdown and CSV (klima/national/national_report.hpp).
#include "national_common.hpp"

#include "klima/error.hpp"

#include <fmt/format.h>

#include <sstream>

namespace klima::national {

namespace {

using detail::tr;
using Rows = std::vector<std::vector<std::string>>;

std::size_t width_of(const std::string& s) {  // UTF-8 code points
    std::size_t n = 0;
    for (const unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

void table(std::ostream& out, const Rows& rows, Format f) {
    if (f == Format::csv) {
        for (const auto& r : rows) {
            for (std::size_t c = 0; c < r.size(); ++c) out << (c ? "," : "") << detail::csv_cell(r[c]);
            out << "\n";
        }
        return;
    }
    if (f == Format::md) {
        for (std::size_t i = 0; i < rows.size(); ++i) {
            out << "|";
            for (const auto& c : rows[i]) out << " " << c << " |";
            out << "\n";
            if (i == 0) {
                out << "|";
                for (std::size_t c = 0; c < rows[0].size(); ++c) out << (c < 2 ? " --- |" : " ---: |");
                out << "\n";
            }
        }
        out << "\n";
        return;
    }
    std::vector<std::size_t> w(rows[0].size(), 0);
    for (const auto& r : rows)
        for (std::size_t c = 0; c < r.size(); ++c) w[c] = std::max(w[c], width_of(r[c]));
    for (const auto& r : rows) {
        for (std::size_t c = 0; c < r.size(); ++c) {
            const std::string pad(w[c] - width_of(r[c]), ' ');
            out << (c ? "  " : "") << (c < 2 ? r[c] + pad : pad + r[c]);
        }
        out << "\n";
    }
    out << "\n";
}

std::string num(double v, report::Lang l, Format f, int decimals = 0) {
    if (f == Format::csv) return fmt::format("{:.{}f}", v, decimals);
    return detail::grouped(v, l, decimals);
}

void heading(std::ostream& out, const std::string& text, Format f, int level = 2) {
    if (f == Format::md) out << std::string(static_cast<std::size_t>(level), '#') << " " << text << "\n\n";
    else out << text << "\n" << std::string(width_of(text), level == 1 ? '=' : '-') << "\n\n";
}

void methods(std::ostream& out, const NationalStatus& s, report::Lang l, Format f) {
    heading(out, tr(l, "Fremskrivninger og pejlemærker", "Forecasts and yardsticks"), f);
    for (const auto fc : kForecasts) out << "- " << forecast_definition(fc, s.params, l) << "\n";
    out << "- "
        << tr(l, "CONCITOs definitioner er ikke offentliggjort i materiale vi kunne læse; disse er klimas egne.",
              "CONCITO's definitions are not published in material we could read; these are klima's own.")
        << "\n- "
        << tr(l, "Carbon Law: seneste år × (1 − 11,72 %) pr. år.", "Carbon Law: latest year × (1 − 11.72 %) a year.")
        << "\n- "
        << tr(l, "Rimelig andel (grandfathering) af et nationalt budget på ",
              "Fair share (grandfathering) of a national budget of ")
        << detail::grouped(s.params.national_budget.value() / 1e9, l, 0) << " Mt " << tr(l, "fra ", "from ")
        << s.params.budget_from << " (" << (l == report::Lang::da ? s.params.budget_source_da : s.params.budget_source)
        << ").\n"
        << "- "
        << tr(l, "Befolkning: afledt = samlet ÷ t CO2e pr. indbygger.",
              "Population: derived = total ÷ t CO2e per inhabitant.")
        << "\n\n";
}

}  // namespace

namespace detail {
Rows municipality_rows(const NationalStatus& s, report::Lang l, Format f) {
    const int fy = s.params.forecast_year, last = s.data.years.back(), first = s.data.years.front();
    Rows rows{{tr(l, "kode", "code"), tr(l, "kommune", "municipality"), tr(l, "region", "region"),
               fmt::format("t {}", last), fmt::format(fmt::runtime(tr(l, "t/indb. {}", "t/inh. {}")), last),
               fmt::format(fmt::runtime(tr(l, "ændring siden {} %", "change since {} %")), first)}};
    for (const auto fc : kForecasts) rows[0].push_back(fmt::format("{} {}", detail::forecast_name(fc, l), fy));
    for (const auto& h : {tr(l, "lineær nul-år", "linear zero year"), tr(l, "Carbon Law", "Carbon Law"),
                          tr(l, "andel opbrugt", "share runs out"), tr(l, "mål (lineær)", "target (linear)"),
                          tr(l, "mål (forsigtig)", "target (cautious)")})
        rows[0].push_back(h);
    for (std::size_t m = 0; m < s.municipalities.size(); ++m) {
        const auto& mu = s.data.municipalities[m];
        const auto& ms = s.municipalities[m];
        const auto& latest = s.data.figures[m].back();
        std::vector<std::string> r{mu.code,
                                   mu.name,
                                   mu.region,
                                   num(latest.total.value() / 1000, l, f),
                                   num(latest.per_inhabitant.value() / 1000, l, f, 2),
                                   ms.change_share ? num(ms.change_share->value() * 100, l, f, 1) : "—"};
        for (std::size_t k = 0; k < 3; ++k) r.push_back(num(ms.forecast[k].value() / 1000, l, f));
        r.push_back(detail::zero_year_text(ms, last, l));
        r.push_back(num(ms.carbon_law.value() / 1000, l, f));
        r.push_back(detail::runout_text(ms, l));
        r.push_back(detail::target_text(ms, Forecast::linear, l));
        r.push_back(detail::target_text(ms, Forecast::cautious, l));
        rows.push_back(std::move(r));
    }
    return rows;
}

}  // namespace detail

namespace {
using detail::municipality_rows;

void national_section(std::ostream& out, const NationalStatus& s, report::Lang l, Format f) {
    const auto& n = s.national;
    heading(out, tr(l, "Landet: summen af de 98 kommuner", "Denmark: the sum of the municipalities"), f);
    Rows rows{{tr(l, "år", "year"), tr(l, "samlet t", "total t")}};
    for (const auto k : kSectors) rows[0].emplace_back(code(k));
    for (std::size_t y = 0; y < s.data.years.size(); ++y) {
        rows.push_back({std::to_string(s.data.years[y]), num(n.total[y].value() / 1000, l, f)});
        for (std::size_t k = 0; k < kSectorCount; ++k) rows.back().push_back(num(n.sectors[y][k].value() / 1000, l, f));
    }
    table(out, rows, f);
    out << tr(l, "Nationalt opgjort: ", "National inventory: ")
        << (l == report::Lang::da ? n.inventory_source_da : n.inventory_source) << ". "
        << tr(l, "Kommunernes sum ", "The municipalities' sum ") << n.inventory_year << ": ";
    for (std::size_t y = 0; y < s.data.years.size(); ++y)
        if (s.data.years[y] == n.inventory_year) out << num(n.total[y].value() / 1000, l, f) << " t. ";
    out << (l == report::Lang::da ? n.boundary_note_da : n.boundary_note) << "\n\n";
    out << tr(l, "Sum af fremskrivningerne ", "Sum of the forecasts ") << s.params.forecast_year << ": ";
    for (std::size_t k = 0; k < 3; ++k)
        out << (k ? "; " : "") << detail::forecast_name(kForecasts[k], l) << " "
            << num(n.forecast[k].value() / 1000, l, f) << " t";
    out << ".\n"
        << tr(l, "På sporet mod eget mål (af ", "On track for their own target (of ") << n.with_target
        << tr(l, " med et mål registreret): ", " with a target on file): ");
    for (std::size_t k = 0; k < 3; ++k)
        out << (k ? "; " : "") << detail::forecast_name(kForecasts[k], l) << " " << n.on_track[k];
    out << ".\n"
        << tr(l, "Under Carbon Law-stien (af ", "At or below the Carbon-Law path (of ") << s.municipalities.size()
        << "): ";
    for (std::size_t k = 0; k < 3; ++k)
        out << (k ? "; " : "") << detail::forecast_name(kForecasts[k], l) << " " << n.below_carbon_law[k];
    out << ".\n\n";
}

}  // namespace

namespace detail {
void write_text_national(std::ostream& out, const NationalStatus& s, Format f, report::Lang l) {
    if (f == Format::csv) {
        table(out, municipality_rows(s, l, f), f);
        return;
    }
    heading(out,
            tr(l, "Kommunernes udledning og kurs mod ", "Municipal emissions and the course to ") +
                std::to_string(s.params.forecast_year),
            f, 1);
    out << s.data.attribution << " (" << tr(l, "udtræk ", "vintage ") << s.data.vintage << ").\n\n";
    methods(out, s, l, f);
    national_section(out, s, l, f);
    heading(out, tr(l, "Alle kommuner", "All municipalities"), f);
    table(out, municipality_rows(s, l, f), f);
}

void write_text_municipality(std::ostream& out, const NationalStatus& s, std::size_t m, Format f, report::Lang l) {
    const auto& d = s.data;
    const auto& mu = d.municipalities[m];
    const auto& ms = s.municipalities[m];
    const int fy = s.params.forecast_year, last = d.years.back();
    if (f != Format::csv) {
        heading(out, mu.name + " (" + mu.code + ", " + mu.region + ")", f, 1);
        out << d.attribution << " (" << tr(l, "udtræk ", "vintage ") << d.vintage << ").\n\n";
        heading(out, tr(l, "Historik efter sektor (t CO2e)", "History by sector (t CO2e)"), f);
    }
    Rows rows{{tr(l, "år", "year"), tr(l, "samlet", "total")}};
    for (const auto k : kSectors) rows[0].emplace_back(code(k));
    rows[0].push_back(tr(l, "t/indb.", "t/inh."));
    rows[0].push_back(tr(l, "befolkning (afledt)", "population (derived)"));
    for (std::size_t y = 0; y < d.years.size(); ++y) {
        const auto& fig = d.figures[m][y];
        rows.push_back({std::to_string(d.years[y]), num(fig.total.value() / 1000, l, f)});
        for (const auto& v : fig.sectors) rows.back().push_back(num(v.value() / 1000, l, f));
        rows.back().push_back(num(fig.per_inhabitant.value() / 1000, l, f, 3));
        rows.back().push_back(num(ms.population[y].value(), l, f));
    }
    table(out, rows, f);
    if (f == Format::csv) return;
    heading(out,
            tr(l, "Fremskrivninger mod mål og pejlemærker ", "Forecasts against target and yardsticks ") +
                std::to_string(fy),
            f);
    Rows fr{{tr(l, "hvad", "what"), "t CO2e", tr(l, "mål", "target")}};
    for (std::size_t k = 0; k < 3; ++k)
        fr.push_back({forecast_definition(kForecasts[k], s.params, l), num(ms.forecast[k].value() / 1000, l, f),
                      detail::target_text(ms, kForecasts[k], l)});
    fr.push_back({tr(l, "Carbon Law-sti", "Carbon-Law path"), num(ms.carbon_law.value() / 1000, l, f), ""});
    fr.push_back({tr(l, "Monte Carlo (lineær) p5 / p50 / p95", "Monte Carlo (linear) p5 / p50 / p95"),
                  num(ms.mc[0].value() / 1000, l, f) + " / " + num(ms.mc[1].value() / 1000, l, f) + " / " +
                      num(ms.mc[2].value() / 1000, l, f),
                  ""});
    if (ms.target.on_file)
        fr.push_back({fmt::format(fmt::runtime(tr(l, "eget mål {}: −{} % mod {} (målt på {})",
                                                  "own target {}: −{} % against {} (measured on {})")),
                                  ms.target.year, detail::round_to(ms.target.reduction.value() * 100, 0.1),
                                  ms.target.against_year, ms.target.base_year_used),
                      num(ms.target.level.value() / 1000, l, f),
                      fmt::format(fmt::runtime(tr(l, "sandsynlighed {} %", "probability {} %")),
                                  detail::round_to(ms.target.probability * 100, 1))});
    else fr.push_back({tr(l, "eget mål", "own target"), "—", tr(l, "intet mål registreret", "no target on file")});
    table(out, fr, f);
    out << tr(l, "Lineær trend: ", "Linear trend: ") << num(ms.trend.per_year.value() / 1000, l, f)
        << tr(l, " t om året; når nul: ", " t a year; reaches zero: ") << detail::zero_year_text(ms, last, l) << ".\n"
        << tr(l, "Rimelig andel: ", "Fair share: ") << num(ms.budget_share.value() * 100, l, f, 3)
        << " % = " << num(ms.budget.value() / 1000, l, f) << " t; " << tr(l, "opbrugt: ", "runs out: ")
        << detail::runout_text(ms, l) << ".\n"
        << tr(l, "Placering efter t/indb. (lavest først): ", "Rank by t per inhabitant (lowest first): ")
        << ms.rank_region << tr(l, " af ", " of ") << ms.region_size << tr(l, " i regionen; ", " in its region; ")
        << ms.rank_similar << tr(l, " af ", " of ") << ms.similar_size
        << tr(l, " kommuner af lignende størrelse.\n", " municipalities of similar size.\n");
    if (ms.target.on_file && ms.target.base_year_used != ms.target.against_year)
        out << fmt::format(
            fmt::runtime(tr(l, "Målets basisår {} er ikke i regnskabets tal; {} er brugt i stedet.\n",
                            "The target's base year {} is not in the regnskab's figures; {} is used instead.\n")),
            ms.target.against_year, ms.target.base_year_used);
}
}  // namespace detail

}  // namespace klima::national
