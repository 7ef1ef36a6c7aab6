#include "report_text.hpp"
#include "status_text.hpp"
#include "text.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace klima::report {

namespace status_labels {

std::string amount_text(double v, Lang lang) {
    return decimal_text(v, std::abs(v - std::round(v)) < 1e-9 ? 0 : 1, lang);
}

std::vector<int> emission_years(const ReportData& report, int year) {
    std::vector<int> years;
    const auto covered = [&](int y) {
        return std::any_of(report.gap.years.begin(), report.gap.years.end(),
                           [&](const auto& g) { return g.year == y; });
    };
    if (report.progress.latest_year && covered(*report.progress.latest_year))
        years.push_back(*report.progress.latest_year);
    if (covered(year)) years.push_back(year);
    for (const auto& t : report.targets.interim)
        if (t.year > year && covered(t.year)) years.push_back(t.year);
    std::sort(years.begin(), years.end());
    years.erase(std::unique(years.begin(), years.end()), years.end());
    return years;
}

std::string action_note(const status::ActionProgress& a, Lang lang) {
    std::string note;
    const auto add = [&](const std::string& s) { note += (note.empty() ? "" : "; ") + s; };
    if (a.above_plan)
        add(pick(lang, "over planens fulde optag (", "above the plan's full uptake (") +
            amount_text(a.full_uptake, lang) + " " + a.uptake_unit + ")");
    if (a.uptake_from.rfind("indicator ", 0) == 0)
        add(pick(lang, "optag fra indikator ", "uptake from indicator ") + a.uptake_from.substr(10));
    if (a.status && !a.status->note.empty()) add(a.status->note);
    return note;
}

}  // namespace status_labels

namespace {

using namespace status_labels;

std::string number(const std::optional<double>& v, Lang lang) { return v ? amount_text(*v, lang) : "–"; }

std::string ahead_text(const status::ActionProgress& a, Lang lang) {
    if (!a.ahead) return "–";
    if (std::abs(*a.ahead) < 1e-9) return pick(lang, "som planlagt", "on plan");
    // A measure recorded in % is ahead or behind by percentage points.
    const std::string unit = a.uptake_unit == status::kPercentUnit ? pick(lang, "%-point", "pp") : a.uptake_unit;
    std::string s = *a.ahead > 0 ? "+" : "";
    s += amount_text(*a.ahead, lang) + " " + unit;
    if (a.ahead_pct) {
        s += *a.ahead_pct > 0 ? " (+" : " (";
        s += decimal_text(*a.ahead_pct, 0, lang) + " %)";
    }
    s += *a.ahead > 0 ? pick(lang, " foran", " ahead") : pick(lang, " bagud", " behind");
    return s;
}

std::string row(const std::vector<std::string>& cells) {
    std::string out = "|";
    for (const auto& c : cells) out += " " + c + " |";
    return out + "\n";
}
std::string rule(std::size_t n) {
    std::string out = "|";
    for (std::size_t i = 0; i < n; ++i) out += " --- |";
    return out + "\n";
}

}  // namespace

std::string render_status_markdown(const StatusView& v, Lang lang) {
    const auto& s = v.status;
    const auto& r = v.report;
    const std::string Y = std::to_string(s.year);
    std::string out = "# " + pick(lang, "Klimastatus ", "Climate status ") + Y + " — " + r.title + "\n\n";

    out += "## " + pick(lang, "Handlinger efter tema", "Actions by theme") + "\n\n";
    std::vector<std::string> head{pick(lang, "Tema", "Theme"), pick(lang, "Handlinger", "Actions")};
    for (auto st : status::kActionStates) head.push_back(state_name(st, lang));
    head.push_back(pick(lang, "ikke afrapporteret", "not reported"));
    head.push_back(pick(lang, "Planlagt ", "Planned ") + Y + " (t)");
    head.push_back(pick(lang, "Realiseret ", "Realised ") + Y + " (t)");
    out += row(head) + rule(head.size());
    const auto theme_row = [&](const std::string& name, std::size_t n, const auto& counts, std::size_t unreported,
                               units::Mass planned, std::optional<units::Mass> realised) {
        std::vector<std::string> c{name, std::to_string(n)};
        for (auto x : counts) c.push_back(std::to_string(x));
        c.push_back(std::to_string(unreported));
        c.push_back(tonnes_text(planned, lang));
        c.push_back(tonnes_text(realised, lang));
        out += row(c);
    };
    units::Mass planned_all, realised_all;
    std::size_t realised_n = 0;
    for (const auto& t : s.themes) {
        theme_row(theme_name(t.theme, lang), t.actions, t.counts, t.unreported, t.planned_effect,
                  t.realised_actions ? std::optional(t.realised_effect) : std::nullopt);
        planned_all += t.planned_effect;
        realised_all += t.realised_effect;
        realised_n += t.realised_actions;
    }
    theme_row(pick(lang, "I alt", "Total"), s.actions.size(), s.counts, s.unreported, planned_all,
              realised_n ? std::optional(realised_all) : std::nullopt);
    out += "\n";
    out += pick(lang, "Realiseret er summen over de handlinger, hvis optag er afrapporteret.",
                "Realised sums the actions whose uptake is reported.") +
           "\n\n";

    out += "## " + pick(lang, "Planlagt og realiseret effekt ", "Planned and realised effect ") + Y + "\n\n";
    std::vector<std::string> h2{pick(lang, "Handling", "Action"),
                                pick(lang, "Tema", "Theme"),
                                "Status",
                                pick(lang, "Optag planlagt ", "Uptake planned ") + Y,
                                pick(lang, "Optag realiseret", "Uptake realised"),
                                pick(lang, "Foran/bagud", "Ahead/behind"),
                                pick(lang, "Planlagt ", "Planned ") + Y + " (t)",
                                pick(lang, "Realiseret ", "Realised ") + Y + " (t)",
                                pick(lang, "Planlagt ", "Planned ") + std::to_string(kMilestoneYear) + " (t)",
                                pick(lang, "Note", "Note")};
    out += row(h2) + rule(h2.size());
    for (const auto& a : s.actions) {
        out +=
            row({a.name.empty() ? a.id : a.name, theme_name(a.theme, lang),
                 a.status ? state_name(a.status->state, lang) : pick(lang, "ikke afrapporteret", "not reported"),
                 amount_text(a.planned_uptake, lang) + " / " + amount_text(a.full_uptake, lang) + " " + a.uptake_unit,
                 a.realised_uptake ? amount_text(*a.realised_uptake, lang) + " " + a.uptake_unit : "–",
                 ahead_text(a, lang), tonnes_text(a.planned_effect, lang), tonnes_text(a.realised_effect, lang),
                 tonnes_text(a.planned_milestone, lang), action_note(a, lang)});
    }
    out += "\n";
    out +=
        pick(lang,
             "Realiseret effekt er beregnet af modellen: handlingen kørt med det realiserede optag (fuldt virkende i "
             "statusåret) i den samme beregning som planen; planlagt er planen som vedtaget. – betyder intet tal.",
             "The realised effect is computed by the engine: the measure run at its realised uptake (acting fully in "
             "the status year) through the same run as the plan; planned is the plan as adopted. – means no figure.") +
        "\n\n";

    // A status whose source says it is illustrative is said so, never shown as reported.
    std::size_t illustrative = 0;
    for (const auto& a : s.actions) {
        if (!a.status) continue;
        std::string source = a.status->source;
        for (auto& c : source) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        illustrative += source.find("illustrative") != std::string::npos;
    }
    if (illustrative > 0) {
        out += pick(lang, "Illustrativ: ", "Illustrative: ") + std::to_string(illustrative) +
               pick(lang, " af årets statusrækker er illustrative (deres kilde siger det), ikke afrapporteret status.",
                    " of the year's status rows are illustrative (their source says so), not a reported status.");
        out += "\n\n";
    }

    out += "## " + pick(lang, "Indikatorer", "Indicators") + "\n\n";
    if (s.indicators.empty()) {
        out += pick(lang, "Ingen indikatorværdier givet (--indicators).", "No indicator values given (--indicators).") +
               "\n\n";
    } else {
        std::vector<std::string> h3{
            pick(lang, "Indikator", "Indicator"), pick(lang, "Enhed", "Unit"),         std::to_string(s.year - 1),   Y,
            pick(lang, "Mål ", "Target ") + Y,    pick(lang, "Målsti", "Target path"), pick(lang, "Kilde", "Source")};
        out += row(h3) + rule(h3.size());
        for (const auto& i : s.indicators) {
            std::string path;
            for (const auto& [year, t] : i.targets)
                path += (path.empty() ? "" : "; ") + std::to_string(year) + ": " + amount_text(t, lang);
            out += row({lang == Lang::da ? i.indicator.name_da : i.indicator.name_en, i.indicator.unit,
                        number(i.previous, lang), number(i.value, lang), number(i.target, lang),
                        path.empty() ? "–" : path, i.source.empty() ? "–" : i.source});
        }
        out += "\n";
    }

    out += "## " + pick(lang, "Udledning mod målstien", "Emissions against the target path") + "\n\n";
    std::vector<std::string> h4{pick(lang, "År", "Year"),
                                pick(lang, "Art", "Kind"),
                                "BAU (t)",
                                pick(lang, "Scenarie (t)", "Scenario (t)"),
                                pick(lang, "Målsti (t)", "Target path (t)"),
                                pick(lang, "Afvigelse (t)", "Gap (t)")};
    out += row(h4) + rule(h4.size());
    for (int y : emission_years(r, s.year)) {
        const auto& g = r.gap.at(y);
        out += row({std::to_string(y), year_kind_text(r.scenario.kind_of(y), lang), tonnes_text(g.bau, lang),
                    tonnes_text(g.scenario, lang), tonnes_text(g.target, lang), tonnes_text(g.gap, lang)});
    }
    out += "\n";
    out += pick(lang, "Tallene er DK2020-rapportens (klima report), i målets opgørelse.",
                "The figures are those of the DK2020 report (klima report), in the target's scope.") +
           "\n\n";

    out += "## " + pick(lang, "Ændret siden ", "Changed since ") + std::to_string(s.year - 1) + "\n\n";
    if (!s.has_previous) {
        out += pick(lang, "Statusfilen har ingen status for ", "The status file has no status for ") +
               std::to_string(s.year - 1) + ".\n";
    } else if (s.changes.empty()) {
        out += pick(lang, "Ingen ændringer.", "No changes.") + "\n";
    } else {
        std::string first;  // actions with no status the year before, in one line
        for (const auto& c : s.changes) {
            if (!c.from) {
                first += (first.empty() ? "" : ", ") + c.action + " (" + state_name(c.to, lang) + ")";
                continue;
            }
            out += "- " + c.action + ": " + state_name(*c.from, lang) + " → " + state_name(c.to, lang);
            if (c.uptake_from != c.uptake_to)
                out += pick(lang, ", optag ", ", uptake ") + number(c.uptake_from, lang) + " → " +
                       number(c.uptake_to, lang);
            out += "\n";
        }
        if (!first.empty()) out += "\n";
        out += pick(lang, "Første status: ", "First status: ") + first + ".\n";
    }
    return out;
}

}  // namespace klima::report
