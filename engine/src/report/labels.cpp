#include "labels.hpp"
#include "report_text.hpp"

#include "klima/error.hpp"

#include <map>
#include <stdexcept>
#include <utility>

namespace klima::report {
namespace {

using Pair = std::pair<std::string, std::string>;  // da, en

const std::map<std::string, Pair, std::less<>>& table() {
    static const std::map<std::string, Pair, std::less<>> t{
        {"report", {"Fremdriftsrapport", "Progress report"}},
        {"plan", {"Plan", "Plan"}},
        {"scope", {"Målets omfang", "Target scope"}},
        {"territorial_incl_lulucf", {"territoriel udledning inkl. LULUCF", "territorial emissions incl. LULUCF"}},
        {"territorial_excl_lulucf", {"territoriel udledning ekskl. LULUCF", "territorial emissions excl. LULUCF"}},
        {"targets", {"Mål", "Targets"}},
        {"reference_year", {"Referenceår", "Reference year"}},
        {"interim_target", {"Delmål", "Interim target"}},
        {"neutrality", {"Klimaneutralitet", "Climate neutrality"}},
        {"against", {"i forhold til", "against"}},
        {"source", {"Kilde", "Source"}},
        {"from_inventory", {"klimas opgørelse af aktivitetsdata", "klima inventory of the activity data"}},
        {"year", {"År", "Year"}},
        {"level", {"Niveau", "Level"}},
        {"unit_t", {"t CO2e", "t CO2e"}},
        {"path_budget", {"Målsti og CO2-budget", "Target path and carbon budget"}},
        {"anchors",
         {"Målstiens ankerpunkter (lineær imellem)", "Anchor points of the target path (linear in between)"}},
        {"budget", {"Kumuleret budget", "Cumulative budget"}},
        {"budget_years", {"Budgetår", "Budget years"}},
        {"scenario_cumulative", {"Scenariets kumulerede udledning", "Scenario cumulative emissions"}},
        {"exhausted_in", {"Budgettet er opbrugt i", "Budget exhausted in"}},
        {"years_lasting", {"Budgettet rækker (år)", "Budget lasts (years)"}},
        {"not_exhausted", {"ikke opbrugt inden scenariets slutår", "not exhausted within the scenario"}},
        {"gap_milestone", {"Reduktionsmanko 2030", "Reduction gap 2030"}},
        {"gap_explain",
         {"Manko = scenarie − målsti; positivt tal = over målstien.",
          "Gap = scenario − target path; a positive figure is above the path."}},
        {"bau", {"Fremskrivning (BAU)", "Business as usual (BAU)"}},
        {"scenario", {"Scenarie", "Scenario"}},
        {"target_path", {"Målsti", "Target path"}},
        {"gap", {"Manko", "Gap"}},
        {"sectors", {"Fremdrift pr. sektor", "Progress by sector"}},
        {"sector", {"Sektor", "Sector"}},
        {"reference", {"Reference", "Reference"}},
        {"base", {"Basisår", "Base year"}},
        {"reference_base", {"Reference- og basisår", "Reference and base year"}},
        {"latest", {"Seneste", "Latest"}},
        {"change_vs_reference", {"Ændring ift. reference", "Change vs reference"}},
        {"change_vs_base", {"Ændring ift. basisår", "Change vs base year"}},
        {"bau_milestone", {"BAU 2030", "BAU 2030"}},
        {"target_milestone", {"Mål 2030", "Target 2030"}},
        {"planned_effect", {"Tiltagenes effekt 2030", "Effect of the measures 2030"}},
        {"remaining_gap", {"Resterende manko 2030", "Remaining gap 2030"}},
        {"sector_note",
         {"Sektormål er en lige procentvis fordeling af målstien ud fra referenceåret; LULUCF har intet sektormål.",
          "Sector targets share the target path in equal percentages of the reference year; LULUCF has no sector "
          "target."}},
        {"missing_note", {"– = ingen opgørelse for året (ikke nul).", "– = no inventory for that year (not zero)."}},
        {"measures", {"Fremdrift pr. tiltag", "Progress by measure"}},
        {"measure", {"Tiltag", "Measure"}},
        {"themes", {"Fremdrift pr. tema", "Progress by theme"}},
        {"theme", {"Tema", "Theme"}},
        {"measure_count", {"Tiltag", "Measures"}},
        {"owner", {"Ansvarlig", "Owner"}},
        {"start", {"Start", "Start"}},
        {"full_effect", {"Fuld effekt", "Full effect"}},
        {"planned", {"Planlagt", "Planned"}},
        {"realised", {"Realiseret", "Realised"}},
        {"status", {"Status", "Status"}},
        {"not_started", {"ikke startet", "not started"}},
        {"no_report", {"ingen afrapportering", "not reported"}},
        {"on_track", {"på sporet", "on track"}},
        {"behind", {"bagud", "behind"}},
        {"gap_by_year", {"Manko pr. år", "Gap by year"}},
        {"gap_by_sector", {"Manko pr. sektor", "Gap by sector"}},
        {"check", {"DK2020-tjek", "DK2020 check"}},
        {"check_ok", {"Ingen mangler fundet.", "Nothing missing."}},
        {"chart_trajectory", {"Udledning og målsti", "Emissions and target path"}},
        {"chart_wedges",
         {"Tiltagenes effekt (kiler mellem BAU og scenarie)", "Effect of measures (wedges between BAU and scenario)"}},
        {"chart_sectors", {"Scenariets udledning pr. sektor", "Scenario emissions by sector"}},
        {"none", {"ingen", "none"}},
        {"history", {"Opgjort udledning (punkter: opgørelser)", "Inventoried emissions (points: inventories)"}},
        {"year_kind", {"Opgjort/fremskrevet", "Actual/projected"}},
        {"kind_actual", {"opgjort", "actual"}},
        {"kind_interpolated", {"interpoleret", "interpolated"}},
        {"kind_projected", {"fremskrevet", "projected"}},
        {"years_line", {"År", "Years"}},
        {"history_line", {"Historik", "History"}},
        {"history_activity", {"aktivitetsdata", "activity data"}},
        {"history_national",
         {"Energi- og CO2-regnskabet (version {vintage}), sektortotaler for kommune {code}",
          "Energi- og CO2-regnskabet (vintage {vintage}), sector totals of municipality {code}"}},
        {"projected_from", {"fremskrevet fra opgørelsen for", "projected from the inventory of"}},
        {"bau_line", {"BAU", "BAU"}},
        {"bau_frozen",
         {"fastholdt: hver række følger kun sin driver (befolkning, husstande, kørte km)",
          "frozen: each row follows its driver only (population, households, vehicle-km)"}},
        {"bau_with_trends",
         {"med tendenser: {trends}; tiltagene regnes kun for det, de når ud over dem",
          "with trends: {trends}; measures are credited only beyond them"}},
        {"gap_carried_note",
         {"{year}: opgørelsen ({inventory} t, fremdriftstabellens »Seneste«) plus rækker, den mangler, fremskrevet "
          "fra et tidligere år ({rows}: {carried} t) = {scenario} t.",
          "{year}: the inventory ({inventory} t, the progress table's \"Latest\") plus rows it lacks, projected from "
          "an earlier year ({rows}: {carried} t) = {scenario} t."}},
        {"carried_row",
         {"mangler i opgørelsen for {launch}; fremskrevet fra værdien i {from}",
          "missing from the {launch} inventory; projected from its {from} value"}},
        {"planned_note",
         {"Planlagt: planen som vedtaget (fremskrevet fra {base}). Gabet og effekterne regnes fra den seneste "
          "opgørelse ({launch}) med det, der er tilbage af hvert tiltag.",
          "Planned: the plan as adopted (projected from {base}). The gap and the effects start from the latest "
          "inventory ({launch}) with what is left of each measure."}},
        {"total", {"I alt", "Total"}},
        {"planned_adopted", {"Planlagt {year} (planen som vedtaget)", "Planned {year} (plan as adopted)"}},
        {"effect_year", {"Effekt {year}", "Effect {year}"}},
        {"outside_scope_year", {"Uden for målets afgrænsning {year}", "Outside the target's scope {year}"}},
        {"outside_scope", {"uden for målets afgrænsning", "outside the target's scope"}},
        {"total_line",
         {"I alt: de territoriale sektorer i målets afgrænsning ({scope}). Byggeri (indlejret udledning) indgår ikke "
          "og vises for sig: {t} t CO2e i {year}.",
          "Total: the territorial sectors in the target's scope ({scope}). Construction (embodied emissions) is not "
          "in it and is shown apart: {t} t CO2e in {year}."}},
        {"effect_note",
         {"Effekt: tiltagets rækkefølgeuafhængige andel (Shapley) af BAU − scenarie i målets afgrænsning, den samme i "
          "alle afsnit; det, tiltaget undgår uden for afgrænsningen (byggeri), står i sin egen kolonne.",
          "Effect: the measure's order-free (Shapley) share of BAU − scenario in the target's scope, the same in every "
          "section; what it avoids outside the scope (construction) is in its own column."}},
        {"how_sure", {"Sandsynlighed for at nå målene", "How likely the targets are"}},
        {"chance_interim",
         {"Sandsynlighed for at nå {reduction} i {year}: {p}", "Probability of reaching {reduction} by {year}: {p}"}},
        {"chance_neutral",
         {"Sandsynlighed for klimaneutralitet i {year}: {p}", "Probability of climate neutrality by {year}: {p}"}},
        {"mc_draws",
         {"Monte Carlo: {draws} trækninger, startværdi {seed}, over {inputs} usikre input (fra data, scenarie og "
          "usikkerhedsfil; docs/analysis.md); i målets omfang",
          "Monte Carlo: {draws} draws, seed {seed}, over {inputs} uncertain inputs (from the data, the scenario and "
          "an uncertainty file; docs/analysis.md); in the target's scope"}},
        {"mc_influence",
         {"Størst rangkorrelation med scenariet i {year}", "Largest rank correlation with the scenario in {year}"}},
        {"no_distributions",
         {"Ingen fordelinger angivet, så ingen sandsynligheder: angiv dem i aktivitets-, faktor- eller "
          "driverfilerne, i scenariet eller i en usikkerhedsfil (docs/analysis.md).",
          "No distributions were given, so no probabilities: give them in the activity, factor or drivers "
          "files, in the scenario or in an uncertainty file (docs/analysis.md)."}},
        {"percentile_note",
         {"P5, P50, P95: 5., 50. og 95. percentil af trækningerne; sandsynlighed = andel af trækninger på eller "
          "under målstien.",
          "P5, P50, P95: the 5th, 50th and 95th percentile of the draws; probability = the share of draws on or "
          "under the target path."}},
        {"probability", {"Sandsynlighed", "Probability"}},
        {"macc", {"Omkostning pr. ton (MACC) {year}", "Abatement cost (MACC) {year}"}},
        {"macc_line",
         {"Diskonteringsrate {rate} om året; krævet reduktion i {year} (BAU − målsti): {t} t CO2e",
          "Discount rate {rate} a year; reduction required in {year} (BAU − target path): {t} t CO2e"}},
        {"dkk_per_t_disc", {"Kr./t diskonteret", "DKK/t discounted"}},
        {"dkk_per_t", {"Kr./t udiskonteret", "DKK/t undiscounted"}},
        {"in_year", {"Effekt {year} (t CO2e)", "Avoided {year} (t CO2e)"}},
        {"cumulated", {"Kumuleret (t CO2e)", "Cumulated (t CO2e)"}},
        {"cost_dkk", {"Omkostning (kr.)", "Cost (DKK)"}},
        {"cost_disc_dkk", {"Diskonteret omkostning (kr.)", "Discounted cost (DKK)"}},
        {"no_cost", {"ingen omkostning angivet", "no cost given"}},
        {"no_cost_line",
         {"Ingen omkostning angivet (omkostning 0 kr.), regnet som gratis i porteføljen: {ids}",
          "No cost given (cost_dkk 0), counted as free in the portfolio: {ids}"}},
        {"macc_note",
         {"Billigst først efter diskonteret omkostning pr. ton; bredden er tiltagets effekt i målåret. Omkostningen "
          "spredes jævnt over start til fuld effekt (docs/analysis.md).",
          "Cheapest first by discounted cost per tonne; the width is the measure's effect in the target year. The "
          "cost is spread evenly over start to full effect (docs/analysis.md)."}},
        {"portfolio", {"Billigste portefølje {year}", "Cheapest portfolio {year}"}},
        {"portfolio_meets",
         {"Når målstien i {year} til en diskonteret omkostning på {cost} kr.",
          "Meets the target path in {year} at a discounted cost of {cost} DKK"}},
        {"portfolio_short",
         {"Selv alle tiltag fuldt ud når ikke målstien i {year}; de koster diskonteret {cost} kr.",
          "Even every measure at full uptake does not meet the target path in {year}; together they cost {cost} "
          "DKK discounted"}},
        {"portfolio_check",
         {"Effekt (lineær sum) {effect} t; kontrolleret ved en kørsel: scenarie {checked} t mod målsti {target} t, "
          "resterende manko {gap} t CO2e",
          "Effect (linear sum) {effect} t; checked by a run: scenario {checked} t against the target path {target} "
          "t, remaining gap {gap} t CO2e"}},
        {"portfolio_note",
         {"Niveau: andel af tiltagets planlagte omfang. Tiltag på niveau 0 er udeladt: {n}.",
          "Level: the share of the measure's planned size. Measures at level 0 are left out: {n}."}},
        {"portfolio_none_left_out",
         {"Niveau: andel af tiltagets planlagte omfang. Intet tiltag er udeladt.",
          "Level: the share of the measure's planned size. No measure is left out."}},
        {"uptake_level", {"Niveau", "Level"}},
        {"effect_at_level", {"Effekt {year} ved niveau (t CO2e)", "Avoided {year} at level (t CO2e)"}},
        {"cost_at_level", {"Diskonteret omkostning ved niveau (kr.)", "Discounted cost at level (DKK)"}},
        {"chart_fan",
         {"Usikkerhed: scenarie og BAU, P5–P95 og median", "Uncertainty: scenario and BAU, P5–P95 and median"}},
        {"band_scenario", {"Scenarie P5–P95", "Scenario P5–P95"}},
        {"band_bau", {"BAU P5–P95", "BAU P5–P95"}},
        {"median_scenario", {"Scenarie, median", "Scenario, median"}},
        {"median_bau", {"BAU, median", "BAU, median"}},
        {"chart_macc", {"Marginal omkostningskurve (MACC) {year}", "Marginal abatement cost curve (MACC) {year}"}},
        {"required_reduction", {"Krævet reduktion {year}", "Required reduction {year}"}},
        {"unit_dkk_t", {"kr./t CO2e", "DKK/t CO2e"}},
        {"summary", {"Status i korte træk", "Summary"}},
        {"summary_on_track",
         {"På sporet i {year}: scenariet ligger {t} t CO2e under målstien (scenarie {scenario} t, målsti {target} t).",
          "On track in {year}: the scenario is {t} t CO2e below the target path (scenario {scenario} t, target "
          "path {target} t)."}},
        {"summary_off_track",
         {"Ikke på sporet i {year}: scenariet ligger {t} t CO2e over målstien (scenarie {scenario} t, målsti "
          "{target} t).",
          "Not on track in {year}: the scenario is {t} t CO2e above the target path (scenario {scenario} t, target "
          "path {target} t)."}},
        {"summary_measures",
         {"De tre største tiltag efter effekt {year}", "The three largest measures by effect {year}"}},
        {"summary_sources",
         {"De tre største tilbageværende kilder {year} (scenarie)",
          "The three largest remaining sources {year} (scenario)"}},
        {"summary_no_measures", {"ingen tiltag med effekt", "no measure with an effect"}},
        {"legend_numbers", {"Numrene på søjlerne", "Numbers on the bars"}},
        {"chart_data", {"Diagramdata", "Chart data"}},
        {"inventory_sheet", {"Opgørelse pr. sektor (t CO2e)", "Inventory by sector (t CO2e)"}},
        {"yes", {"ja", "yes"}},
        {"no", {"nej", "no"}},
    };
    return t;
}

std::string year_text(int y) { return std::to_string(y); }

}  // namespace

const std::string& tr(std::string_view key, Lang lang) {
    const auto it = table().find(key);
    if (it == table().end()) throw std::logic_error("report label missing: " + std::string(key));
    return lang == Lang::da ? it->second.first : it->second.second;
}

std::string history_text(const ScenarioHistory& h, Lang l) {
    if (!h.national()) return tr("history_activity", l);
    std::string out = tr("history_national", l);
    for (const auto& [key, value] : {std::pair<std::string, std::string>{"{vintage}", h.vintage},
                                     std::pair<std::string, std::string>{"{code}", h.municipality_code}})
        if (const auto at = out.find(key); at != std::string::npos) out.replace(at, key.size(), value);
    return out;
}

std::string describe(const Finding& f, Lang l) {
    const bool da = l == Lang::da;
    switch (f.kind) {
        case FindingKind::no_inventory:
            return da ? "Ingen drivhusgasopgørelse til og med " + year_text(f.year) + "."
                      : "No greenhouse-gas inventory up to " + year_text(f.year) + ".";
        case FindingKind::inventory_outdated:
            return da ? "Seneste opgørelse er fra " + year_text(f.year) + ", mere end 3 år gammel."
                      : "The latest inventory is from " + year_text(f.year) + ", more than 3 years old.";
        case FindingKind::too_few_interim_targets:
            return da ? "Planen har " + std::to_string(f.count) +
                            " delmål; DK2020 kræver mindst 2 før klimaneutralitet."
                      : "The plan has " + std::to_string(f.count) +
                            " interim target(s); DK2020 asks for at least 2 before neutrality.";
        case FindingKind::gas_not_covered:
            return da ? "Gassen " + f.subject + " indgår ikke i opgørelsen for " + year_text(f.year) + "."
                      : "The gas " + f.subject + " is not covered by the " + year_text(f.year) + " inventory.";
        case FindingKind::measure_without_owner:
            return da ? "Tiltaget " + f.subject + " har ingen ansvarlig." : "Measure " + f.subject + " has no owner.";
        case FindingKind::measure_without_timeline:
            return da ? "Tiltaget " + f.subject + " mangler en tidsplan (start og fuld effekt)."
                      : "Measure " + f.subject + " lacks a timeline (start and full-effect year).";
        case FindingKind::measure_without_effect:
            return da ? "Tiltaget " + f.subject + " har ingen forventet effekt."
                      : "Measure " + f.subject + " has no expected effect.";
        case FindingKind::base_year_incomplete:
            return da ? "Basisåret " + year_text(f.year) + " mangler " + std::to_string(f.count) +
                            " aktivitetsværdi(er); fremskrivning og scenarie er derfor for lave."
                      : "The base year " + year_text(f.year) + " lacks " + std::to_string(f.count) +
                            " activity value(s), so the projection and scenario are understated.";
        case FindingKind::target_missed: {
            const auto t = tonnes_text(f.amount.value_or(units::kilograms(0.0)), l);
            return da ? "Målet for " + year_text(f.year) + " nås ikke: scenariet ligger " + t +
                            " t CO2e over målstien (i målets afgrænsning)."
                      : "The " + year_text(f.year) + " target is missed: the scenario lies " + t +
                            " t CO2e above the target path (in the target's scope).";
        }
        case FindingKind::base_year_uncertain_factors: {
            const auto p = decimal_text(units::in_count(f.share.value_or(units::ratio(0.0))) * 100.0, 1, l) + " %";
            const auto t = tonnes_text(f.amount.value_or(units::kilograms(0.0)), l);
            return da ? p + " af basisårets (" + year_text(f.year) + ") udledning i målets afgrænsning (" + t +
                            " t CO2e) bygger på illustrative eller afledte emissionsfaktorer, mere end 10 %."
                      : p + " of the base year's (" + year_text(f.year) + ") emissions in the target's scope (" + t +
                            " t CO2e) rest on illustrative or derived emission factors, more than 10 %.";
        }
        case FindingKind::measure_without_cost:
            return da ? "Tiltaget " + f.subject + " har ingen omkostning angivet."
                      : "Measure " + f.subject + " has no cost given.";
    }
    return {};
}

}  // namespace klima::report
