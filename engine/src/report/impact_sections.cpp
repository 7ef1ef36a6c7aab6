// The tables and the assumptions of `klima impact`, in Danish or English,
// shared by the Markdown and HTML renderings.
#include "impact_text.hpp"
#include "report_text.hpp"

#include <cmath>

namespace klima::report::impact {

namespace {

using units::Mass;

bool da(Lang l) { return l == Lang::da; }
std::string t(Mass m, Lang l) { return decimal_text(units::in_tonnes(m), 1, l); }

Mass at(const std::vector<Mass>& v, const analysis::ImpactResult& r, int y) {
    return v.at(static_cast<std::size_t>(y - r.first_year));
}

Mass cumulative(const std::vector<Mass>& v, const analysis::ImpactResult& r) {
    Mass s = units::kilograms(0.0);
    for (int y = std::max(2025, r.first_year); y <= r.last_year; ++y) s += at(v, r, y);
    return s;
}

std::vector<std::string> year_row(std::string label, const std::vector<Mass>& v, const analysis::ImpactResult& r,
                                  Lang l) {
    std::vector<std::string> row{std::move(label)};
    for (int y : impact_years(r)) row.push_back(t(at(v, r, y), l));
    row.push_back(t(cumulative(v, r), l));
    return row;
}

}  // namespace

bool Table::numeric(std::size_t i) const {
    for (const auto& row : rows) {
        const std::string& c = row.at(i);
        const std::size_t d = !c.empty() && c[0] == '-' ? 1 : 0;
        if (c.size() <= d || c[d] < '0' || c[d] > '9') return false;
    }
    return !rows.empty();
}

std::string title(const analysis::ImpactResult& r, Lang l) {
    return (da(l) ? "Klimapåvirkning: " : "Climate impact: ") + r.proposal_name;
}

std::vector<Table> tables(const analysis::ImpactResult& r, Lang l) {
    std::vector<Table> out;
    Table years;
    years.heading = da(l) ? "Effekt pr. år og sektor (t CO2e undgået)" : "Effect per year and sector (t CO2e avoided)";
    years.head.push_back(da(l) ? "Sektor" : "Sector");
    for (int y : impact_years(r)) years.head.push_back(std::to_string(y));
    years.head.push_back("2025–2050");
    for (const auto& s : r.sectors)
        years.rows.push_back(year_row((da(l) ? s.name_da : s.name_en) +
                                          (s.territorial ? "" : (da(l) ? " (uden for total)" : " (reported apart)")),
                                      s.avoided, r, l));
    years.rows.push_back(year_row(da(l) ? "I alt, territorialt" : "Total, territorial", r.avoided.territorial, r, l));
    years.note = da(l) ? "Positiv: forslaget mindsker udledningen; negativ: det øger den. Klimaplanen med forslaget "
                         "sammenlignet med klimaplanen som vedtaget, begge fremskrevet fra opgørelsen for " +
                             std::to_string(r.launch_year) + "."
                       : "Positive: the proposal lowers emissions; negative: it raises them. The climate plan with the "
                         "proposal against the plan as adopted, both projected from the " +
                             std::to_string(r.launch_year) + " inventory.";
    out.push_back(std::move(years));

    Table inter;
    inter.heading = da(l) ? "Samspil med planen (t CO2e undgået, alle rækker)"
                          : "Interaction with the plan (t CO2e avoided, all rows)";
    inter.head = {da(l) ? "Opgørelse" : "Measure of the effect", "2030", "2025–2050"};
    inter.rows.push_back({da(l) ? "Forslaget alene (på BAU)" : "The proposal alone (on BAU)", t(r.standalone_2030, l),
                          t(r.standalone_2025_2050, l)});
    inter.rows.push_back(
        {da(l) ? "Forslagets andel i plan + forslag (Shapley)" : "Its share in plan + proposal (Shapley)",
         t(r.share_2030, l), t(r.share_2025_2050, l)});
    inter.rows.push_back({da(l) ? "Planen uden forslaget − planen med" : "Plan without − plan with the proposal",
                          t(r.change_2030, l), t(r.change_2025_2050, l)});
    inter.note =
        da(l) ? "Andelen fordeler samspillet mellem forslaget og planens tiltag ligeligt og uafhængigt af "
                "rækkefølgen (docs/method.md); et forslag, der gentager et tiltag i planen, får omtrent halvdelen."
              : "The share splits the interaction between the proposal and the plan's measures evenly and "
                "independently of order (docs/method.md); a proposal that repeats a plan measure gets about half.";
    for (const auto& repeated : r.repeated) {
        std::string id = repeated;  // shown by its name
        for (std::size_t i = 0; i < r.measure_ids.size() && i < r.measure_names.size(); ++i)
            if (r.measure_ids[i] == repeated) id = r.measure_names[i];
        inter.note += da(l) ? " Tiltaget «" + id +
                                  "» gentager et af planens tiltag uændret: det lægger intet til, og dets andel er "
                                  "halvdelen af tiltagets effekt."
                            : " Measure “" + id +
                                  "” repeats a measure of the plan unchanged: it adds nothing, and its share is half "
                                  "the measure's effect.";
    }
    out.push_back(std::move(inter));

    if (!r.growth_rows.empty()) {
        Table g;
        g.heading =
            da(l) ? "Aktivitet fra vækst (ved fuld effekt, pr. år)" : "Activity from growth (at full effect, per year)";
        g.head = {da(l) ? "Række" : "Row", da(l) ? "Mængde" : "Amount", da(l) ? "Enhed" : "Unit",
                  da(l) ? "Hvordan" : "How"};
        for (const auto& row : r.growth_rows) {
            const auto kind = units::kind_of(row.at_full);
            std::string how;
            if (row.household_default)
                how = da(l) ? "husholdningernes elforbrug pr. indbygger (landstal " +
                                  std::to_string(row.inventory_year) + "), ikke kommunens gennemsnit med erhverv"
                            : "household electricity per resident (national, " + std::to_string(row.inventory_year) +
                                  "), not the municipal average with industry";
            else if (row.estimated)
                how = (da(l) ? "anslået pr. indbygger fra opgørelsen for " : "estimated per inhabitant from the ") +
                      std::to_string(row.inventory_year) + (da(l) ? " (indbyggere " : " inventory (population ") +
                      decimal_text(units::in_count(row.population), 0, l) + ")";
            else how = da(l) ? "forslagets eget tal" : "the proposal's own figure";
            g.rows.push_back({row.row + " " + row.carrier, decimal_text(units::display_value(row.at_full), 1, l),
                              std::string(units::display_unit(kind)), how});
        }
        out.push_back(std::move(g));
    }
    return out;
}

std::vector<std::string> assumptions(const analysis::ImpactResult& r, Lang l) {
    std::vector<std::string> a;
    if (da(l)) {
        a.push_back(
            "Effekten er klimaplanen som vedtaget minus klimaplanen med forslagets tiltag, begge fremskrevet fra "
            "opgørelsen for " +
            std::to_string(r.launch_year) + " med samme drivere og emissionsfaktorer.");
        a.push_back(
            "Omkostningen er forslagets samlede udgift til 2050, ikke diskonteret, delt med den samlede ændring "
            "i udledningen over alle år og rækker (inkl. byggeri).");
    } else {
        a.push_back(
            "The effect is the climate plan as adopted minus the plan with the proposal's measures, both "
            "projected from the " +
            std::to_string(r.launch_year) + " inventory with the same drivers and factors.");
        a.push_back(
            "The cost is the proposal's total cost to 2050, undiscounted, divided by the total change in "
            "emissions over all years and rows (construction included).");
    }
    if (const auto& g = r.growth) {
        const std::string years = std::to_string(g->from_year) + "–" + std::to_string(g->full_year);
        if (da(l)) {
            a.push_back(decimal_text(units::in_count(g->residents), 0, l) + " nye indbyggere flytter ind lineært " +
                        years +
                        " og kommer oven i driverfilens befolkning (BAU); er området allerede med i kommunens "
                        "befolkningsprognose, ligger en del af effekten allerede i BAU.");
            a.push_back(
                "Rækker anslået pr. indbygger bruger hele kommunens gennemsnit (el og varme inkl. erhverv, vejtrafik "
                "inkl. gennemkørende trafik); "
                "nyt byggeri bruger typisk mindre varme, så giv egne tal under \"activity\", når de findes.");
            if (g->floor_area)
                a.push_back(decimal_text(units::in_m2(*g->floor_area), 0, l) + " m² bygges jævnt " + years + ", " +
                            (g->embodied ? decimal_text(units::in_kg(*g->embodied * units::square_metres(1.0)), 0, l) +
                                               " kg CO2e/m² (forslagets tal)"
                                         : std::string("med opgørelsens faktor for nybyggeri")) +
                            "; byggeri opgøres uden for det territoriale total.");
        } else {
            a.push_back(decimal_text(units::in_count(g->residents), 0, l) + " new residents move in linearly " + years +
                        ", on top of the drivers file's population (BAU); if the area is already part of the "
                        "municipality's population forecast, part of the effect is already in BAU.");
            a.push_back(
                "Rows estimated per inhabitant use the whole municipality's average (electricity and heat "
                "include businesses, road traffic includes through traffic); new buildings usually need less "
                "heat, so give own figures under \"activity\" where known.");
            if (g->floor_area)
                a.push_back(decimal_text(units::in_m2(*g->floor_area), 0, l) + " m² are built evenly over " + years +
                            ", " +
                            (g->embodied ? decimal_text(units::in_kg(*g->embodied * units::square_metres(1.0)), 0, l) +
                                               " kg CO2e/m² (the proposal's figure)"
                                         : std::string("at the inventory's factor for new construction")) +
                            "; construction is reported apart from the territorial total.");
        }
    }
    using Kind = analysis::ImpactResult::Source::Kind;
    for (const auto& s : r.sources) {
        std::string what;
        switch (s.kind) {
            case Kind::measure: what = (da(l) ? "Tiltag «" : "Measure “") + s.what + (da(l) ? "»" : "”"); break;
            case Kind::growth: what = (da(l) ? "Vækst «" : "Growth “") + s.what + (da(l) ? "»" : "”"); break;
            case Kind::population: what = (da(l) ? "Befolkning " : "Population ") + s.what; break;
            case Kind::target: what = (da(l) ? "Mål " : "Target ") + s.what; break;
            case Kind::household:
                what = (da(l) ? "Husholdningernes elforbrug pr. indbygger " : "Household electricity per resident ") +
                       s.what;
                break;
        }
        a.push_back(what + ": " + s.source);
    }
    for (const auto& row : r.growth_rows) a.push_back(row.row + " " + row.carrier + ": " + row.source);
    return a;
}

}  // namespace klima::report::impact
