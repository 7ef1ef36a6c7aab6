// klima workbench, the editing of measures: which numbers of a measure can be edited and in
// what unit, the presets a measure can be added from, copying and removing, and the engine's
// errors told in plain words next to the measure they concern. Loaded before app.js, which
// owns the page's state and draws; this file only builds the fields and changes the scenario
// the page started from (state.original). Every text reaches the page through el() or
// textContent, never as HTML (docs/reliability.md).
'use strict';

const EDIT_TEXT = {
  da: {
    params: 'Tal', copy: 'Kopiér', remove: 'Fjern', add: 'Tilføj virkemiddel', addButton: 'Tilføj',
    copyOf: ' (kopi)', newMeasure: 'Nyt virkemiddel', technical: 'Teknisk besked',
    stale: 'Tallene er forældede: scenariet kan ikke regnes, før fejlen er rettet.',
    share: 'andel (0–1)', dkk: 'kr.', perYear: 'om året',
    at: (name) => `Fejl ved »${name}«`, general: 'Scenariet kan ikke regnes',
  },
  en: {
    params: 'Figures', copy: 'Copy', remove: 'Remove', add: 'Add a measure', addButton: 'Add',
    copyOf: ' (copy)', newMeasure: 'New measure', technical: 'Technical message',
    stale: 'The figures are stale: the scenario cannot be computed until the error is fixed.',
    share: 'share (0–1)', dkk: 'DKK', perYear: 'a year',
    at: (name) => `Error in "${name}"`, general: 'The scenario cannot be computed',
  },
};
const et = (key) => EDIT_TEXT[state.lang][key];

// Display names of the numbers a measure holds ([Danish, English]); a key not listed is shown as
// it is written in the scenario file.
const FIELD_NAMES = {
  households: ['husstande', 'households'], heat_mwh_per_household: ['varme pr. husstand', 'heat per household'],
  boiler_efficiency: ['kedlens virkningsgrad', 'boiler efficiency'], cop: ['COP (årsvirkningsgrad)', 'COP (seasonal)'],
  buses: ['busser', 'buses'], km_per_bus: ['km pr. bus om året', 'km per bus a year'],
  kwh_per_km: ['elbus: kWh pr. km', 'electric bus: kWh per km'], diesel_kwh_per_km: ['dieselbus: kWh pr. km', 'diesel bus: kWh per km'],
  chargers: ['ladestandere', 'charging points'], ev_share_per_charger: ['elbilandel af bil-km pr. ladestander', 'EV share of car-km per charging point'],
  ev_kwh_per_km: ['elbil: kWh pr. km', 'EV: kWh per km'], fossil_kwh_per_km: ['benzin-/dieselbil: kWh pr. km', 'fossil car: kWh per km'],
  cars: ['biler', 'cars'], km_per_car: ['km pr. bil om året', 'km per car a year'],
  car_fuel_kwh_per_km: ['bil, brændstof: kWh pr. km', 'car, fuel: kWh per km'], car_el_kwh_per_km: ['elbil: kWh pr. km', 'electric car: kWh per km'],
  refuse_trucks: ['skraldebiler', 'refuse trucks'], km_per_truck: ['km pr. skraldebil om året', 'km per refuse truck a year'],
  truck_fuel_kwh_per_km: ['skraldebil, brændstof: kWh pr. km', 'refuse truck, fuel: kWh per km'],
  truck_el_kwh_per_km: ['el-skraldebil: kWh pr. km', 'electric refuse truck: kWh per km'],
  car_km_share: ['andel af bil-km flyttet', 'share of car-km moved'], car_kwh_per_km: ['bil: kWh pr. km', 'car: kWh per km'],
  rail_kwh_per_car_km: ['tog: kWh pr. flyttet bil-km', 'rail: kWh per car-km moved'],
  floor_area_m2: ['etageareal', 'floor area'], heat_saving_kwh_per_m2: ['varmebesparelse', 'heat saving'],
  el_saving_kwh_per_m2: ['elbesparelse', 'electricity saving'], area_m2_per_year: ['bygget areal om året', 'area built a year'],
  kg_co2e_per_m2: ['indlejret CO2e', 'embodied CO2e'], hectares: ['skov', 'forest'], uptake_t_co2_per_ha: ['optag', 'uptake'],
  uptake: ['omfang', 'uptake'], cost_dkk: ['omkostning i alt', 'total cost'], share: ['andel', 'share'], amount: ['mængde', 'amount'],
  per_uptake: ['pr. enhed af omfanget', 'per unit of uptake'], share_per_uptake: ['andel pr. enhed af omfanget', 'share per unit of uptake'],
  reduction: ['reduktion af faktoren', 'factor reduction'], value: ['ny faktor', 'new factor'],
  from_efficiency: ['virkningsgrad før', 'efficiency before'], to_efficiency: ['virkningsgrad efter', 'efficiency after'],
  ratio: ['forhold', 'ratio'], from_intensity: ['forbrug pr. km før', 'use per km before'], to_intensity: ['forbrug pr. km efter', 'use per km after'],
  t_co2e_per_ha: ['t CO2e pr. ha om året', 't CO2e per ha a year'], midpoint: ['S-kurvens midtpunkt (år)', 'S-curve midpoint (year)'],
  steepness: ['S-kurvens stejlhed', 'S-curve steepness'],
};
// Units of the preset parameters (docs/scenarios.md, "Presets"), [Danish, English]; shares are
// marked by SHARE_FIELDS, and a {"value", "unit"} object carries its own unit.
const FIELD_UNITS = {
  households: ['husstande', 'households'], heat_mwh_per_household: ['MWh/husstand', 'MWh/household'],
  buses: ['busser', 'buses'], km_per_bus: ['km', 'km'], kwh_per_km: ['kWh/km', 'kWh/km'], diesel_kwh_per_km: ['kWh/km', 'kWh/km'],
  chargers: ['ladestandere', 'charging points'], ev_kwh_per_km: ['kWh/km', 'kWh/km'], fossil_kwh_per_km: ['kWh/km', 'kWh/km'],
  cars: ['biler', 'cars'], km_per_car: ['km', 'km'], car_fuel_kwh_per_km: ['kWh/km', 'kWh/km'], car_el_kwh_per_km: ['kWh/km', 'kWh/km'],
  refuse_trucks: ['skraldebiler', 'refuse trucks'], km_per_truck: ['km', 'km'], truck_fuel_kwh_per_km: ['kWh/km', 'kWh/km'],
  truck_el_kwh_per_km: ['kWh/km', 'kWh/km'], car_kwh_per_km: ['kWh/km', 'kWh/km'], rail_kwh_per_car_km: ['kWh/bil-km', 'kWh/car-km'],
  floor_area_m2: ['m²', 'm²'], heat_saving_kwh_per_m2: ['kWh/m² om året', 'kWh/m² a year'], el_saving_kwh_per_m2: ['kWh/m² om året', 'kWh/m² a year'],
  area_m2_per_year: ['m² om året', 'm² a year'], kg_co2e_per_m2: ['kg CO2e/m²', 'kg CO2e/m²'], hectares: ['ha', 'ha'],
  uptake_t_co2_per_ha: ['t CO2/ha om året', 't CO2/ha a year'], t_co2e_per_ha: ['t CO2e/ha', 't CO2e/ha'], cost_dkk: ['kr.', 'DKK'],
};
const SHARE_FIELDS = new Set(['share', 'share_per_uptake', 'reduction', 'car_km_share', 'ev_share_per_charger', 'boiler_efficiency',
  'from_efficiency', 'to_efficiency']);
// Words of a scenario's uptake units ({"unit": "households"}) in Danish; units of measure stay as written.
const UNIT_WORDS = { households: 'husstande', buses: 'busser', chargers: 'ladestandere', cars: 'biler', m2: 'm²' };
const unitText = (unit) => (state.lang === 'da' && UNIT_WORDS[unit]) || (unit === 'm2' ? 'm²' : unit);

// The presets a measure can be added from, with the values of the bundled example's measure of the
// same type (scenarios/koege.json): illustrative, and the added measure's source says so.
const PRESET_TEMPLATES = {
  district_heating: { da: 'Fjernvarme i stedet for naturgas', cost_dkk: 600000000,
    params: { households: 6000, heat_mwh_per_household: 15, from_carrier: 'naturgas', boiler_efficiency: 0.9 } },
  heat_pumps: { da: 'Varmepumper i stedet for oliefyr', cost_dkk: 144000000,
    params: { households: 1200, heat_mwh_per_household: 15, from_carrier: 'gasolie', boiler_efficiency: 0.85, cop: 3.0 } },
  electric_buses: { da: 'Elbusser', cost_dkk: 35000000, params: { buses: 70, km_per_bus: 60000, kwh_per_km: 1.3, diesel_kwh_per_km: 3.968 } },
  ev_charging: { da: 'Offentlige ladestandere', cost_dkk: 40000000,
    params: { chargers: 400, ev_share_per_charger: 0.0005, ev_kwh_per_km: 0.18, fossil_kwh_per_km: 0.6 } },
  municipal_fleet: { da: 'Kommunens biler og skraldebiler på el', cost_dkk: 30000000,
    params: { car_fuel: 'benzin', cars: 250, km_per_car: 12000, car_fuel_kwh_per_km: 0.6, car_el_kwh_per_km: 0.18,
      truck_fuel: 'gasolie', refuse_trucks: 20, km_per_truck: 25000, truck_fuel_kwh_per_km: 5.0, truck_el_kwh_per_km: 2.0 } },
  modal_shift: { da: 'Fra bil til tog og bus', cost_dkk: 20000000, params: { car_km_share: 0.05, car_kwh_per_km: 0.6, rail_kwh_per_car_km: 0.08 } },
  building_renovation: { da: 'Energirenovering af bygninger', cost_dkk: 150000000,
    params: { floor_area_m2: 250000, heat_carrier: 'fjernvarme', heat_saving_kwh_per_m2: 40, el_saving_kwh_per_m2: 8 } },
  climate_construction: { da: 'Klimavenligt byggeri', cost_dkk: 5000000, params: { area_m2_per_year: 20000, kg_co2e_per_m2: 300 } },
  afforestation: { da: 'Skovrejsning', cost_dkk: 30000000, params: { hectares: 300, uptake_t_co2_per_ha: 10 } },
};
const TEMPLATE_SOURCE = 'illustrative: workbench template, the values of the measure of this type in scenarios/koege.json ' +
  '(themselves illustrative); replace them with the plan\'s own figures';

// The numbers of a measure a planner may edit, each as { path (JSON pointer inside the measure),
// key, unit }: every number of params, uptake, effects, phase_in and cost_dkk, a {"value", "unit"}
// object as one number in its unit. Start and full-effect years have their sliders.
function numericFields(m) {
  const out = [];
  const walk = (v, pointer, key) => {
    if (typeof v === 'number') out.push({ path: pointer, key, unit: FIELD_UNITS[key] ? FIELD_UNITS[key][state.lang === 'da' ? 0 : 1] : SHARE_FIELDS.has(key) ? et('share') : '' });
    else if (v && typeof v === 'object' && !Array.isArray(v) && typeof v.value === 'number' && typeof v.unit === 'string')
      out.push({ path: pointer + '/value', key, unit: unitText(v.unit) });
    else if (Array.isArray(v)) v.forEach((x, k) => walk(x, pointer + '/' + k, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, pointer + '/' + k, k);
  };
  for (const key of ['uptake', 'params', 'effects', 'phase_in', 'cost_dkk'])
    if (m[key] !== undefined) walk(m[key], '/' + key, key);
  return out;
}

function getAt(obj, pointer) {
  return pointer.split('/').slice(1).reduce((o, k) => (o == null ? undefined : o[k]), obj);
}
function setAt(obj, pointer, value) {
  const keys = pointer.split('/').slice(1);
  const last = keys.pop();
  keys.reduce((o, k) => o[k], obj)[last] = value;
}

// A number as the planner typed it (a decimal comma allowed); text that is not a number is kept as
// text, so that the engine refuses it with its path and the page says so next to the measure.
function parseTyped(text) {
  const s = text.trim().replace(/\s/g, '').replace(',', '.');
  return /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s) ? Number(s) : text;
}

function fieldLabel(f, m) {
  const names = FIELD_NAMES[f.key];
  const name = names ? names[state.lang === 'da' ? 0 : 1] : f.key;
  const effect = f.path.match(/^\/effects\/(\d+)\//);
  return (effect && m.effects.length > 1 ? (state.lang === 'da' ? 'virkning ' : 'effect ') + (Number(effect[1]) + 1) + ': ' : '') + name;
}

// The fields of measure i of state.original, in a <details> under its name; a change is written
// into state.original and recomputed.
function paramFields(i, onchange) {
  const m = state.original.measures[i];
  const fields = numericFields(m).map((f) => {
    const v = getAt(m, f.path);
    const shown = typeof v === 'number' && state.lang === 'da' ? String(v).replace('.', ',') : String(v);
    const input = el('input', { type: 'text', inputMode: 'decimal', size: 9, className: 'param', value: shown });
    input.dataset.path = f.path;
    input.addEventListener('change', () => { setAt(m, f.path, parseTyped(input.value)); onchange(); });
    return el('label', {}, [el('span', {}, [fieldLabel(f, m)]), input, el('span', { className: 'unit' }, [f.unit])]);
  });
  return el('details', { className: 'params' }, [el('summary', {}, [et('params')]), el('div', { className: 'fields' }, fields)]);
}

// The size a measure's uptake scale multiplies, in its own unit: a preset's first size parameter,
// or the measure's uptake. null when the measure has neither.
function uptakeOf(m) {
  if (m.params && PRESET_SIZES[m.type]) {
    const key = PRESET_SIZES[m.type][0];
    if (typeof m.params[key] !== 'number') return null;
    return { value: m.params[key], unit: FIELD_UNITS[key] ? FIELD_UNITS[key][state.lang === 'da' ? 0 : 1] : et('share') };
  }
  if (m.uptake && typeof m.uptake.value === 'number') return { value: m.uptake.value, unit: unitText(m.uptake.unit) };
  return null;
}

function uniqueId(wanted) {
  const taken = new Set(state.original.measures.map((m) => m.id));
  const base = wanted.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 58) || 'tiltag';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(base + '_' + n)) return base + '_' + n;
}

// Adds a measure of a preset type, starting the year after the latest inventory (or the base year).
function addPreset(type) {
  const tpl = PRESET_TEMPLATES[type];
  const end = state.original.end_year ?? 2050;
  const start = Math.min(end, Math.max(state.original.base_year, state.launchYear ?? state.original.base_year) + 1);
  state.original.measures.push({
    id: uniqueId(type), type, name: state.lang === 'da' ? tpl.da : type.replace(/_/g, ' '), owner: '',
    start_year: start, full_effect_year: Math.min(end, start + 5), cost_dkk: tpl.cost_dkk, source: TEMPLATE_SOURCE,
    params: structuredClone(tpl.params),
  });
  state.controls.push({ on: true, start, full: Math.min(end, start + 5), scale: 100 });
}

function copyMeasure(i) {
  const m = structuredClone(state.original.measures[i]);
  m.id = uniqueId(m.id + '_kopi');
  m.name += et('copyOf');
  state.original.measures.splice(i + 1, 0, m);
  state.controls.splice(i + 1, 0, structuredClone(state.controls[i]));
}

function removeMeasure(i) {
  state.original.measures.splice(i, 1);
  state.controls.splice(i, 1);
}

// The engine's error in plain words: the common messages of the scenario reader and the run
// translated, anything else as the engine's problem and fix. The technical text (with the JSON
// path) goes into a <details> beside it.
function plainError(err) {
  if (state.lang !== 'da') return err.problem ? err.problem + (err.fix ? ' (' + err.fix + ')' : '') : err.message;
  const p = err.problem || err.message || '';
  let m;
  let r;
  if ((m = p.match(/^value (\S+) is out of range/)) && (r = (err.fix || '').match(/give a value in ([[(])(\S+), (\S+)([\])])/)))
    return `Værdien ${num(m[1])} er uden for det tilladte: giv en værdi ${r[1] === '(' ? 'over' : 'fra og med'} ${num(r[2])} ` +
      `og ${r[4] === ')' ? 'under' : 'til og med'} ${num(r[3])}.`;
  if ((m = p.match(/removes (\S+) (\S+) of (.+?) in (\d{4}) but the year holds only (\S+)(?: (\S+))?/)))
    return `Virkemidlet fjerner ${num(m[1])} ${m[2]} af ${rowText(m[3])} i ${m[4]}, men året rummer kun ${num(m[5])}${m[6] ? ' ' + m[6] : ''}` +
      (p.includes(' after measure ') ? ' efter de andre virkemidlers andel' : '') +
      ': sænk omfanget eller tallene, så virkemidlerne tilsammen højst fjerner, hvad rækken rummer.';
  if (p === 'expected a number' || p === 'expected a whole number') return 'Feltet skal være et tal (skriv f.eks. 1200 eller 0,85).';
  if ((m = p.match(/^missing key '(.+)'/))) return `Feltet »${m[1]}« mangler.`;
  if ((m = p.match(/^unknown key '(.+)'/))) return `Feltet »${m[1]}« kendes ikke: fjern det eller ret stavningen.`;
  if ((m = p.match(/^measure id '(.+)' is used twice/))) return `Id'et »${m[1]}« bruges af to virkemidler: giv hvert sit id.`;
  if (p.startsWith('full_effect_year comes before start_year')) return 'Fuld effekt ligger før start: flyt fuld effekt til start eller senere.';
  if (p.startsWith('a measure must start after the base year')) return 'Virkemidlet skal starte efter basisåret.';
  if ((m = p.match(/^chargers × ev_share_per_charger = (\S+), more than all car-km/)))
    return `Ladestandere × elbilandel pr. ladestander = ${m[1]}, mere end alle bil-km: sænk andelen pr. ladestander til højst 1/antal ladestandere.`;
  return 'Motoren afviser scenariet: ' + p + (err.fix ? ' (rettelse: ' + err.fix + ')' : '');
}

// A number of an engine message in the page's way (2e+06 → 2.000.000), and a row's codes as words.
const num = (text) => (Number.isFinite(Number(text)) ? fmtSize(Number(text)) : text);
const rowText = (codes) => codes.split(' and ').map((r) => r.replace(/[/ ]/g, ', ').replace(/_/g, ' ')).join(' og ');

// Where an error of the edited scenario belongs: its JSON path /measures/N/… names measure N of the
// scenario as sent, which leaves out the measures switched off; sentIndex maps it back to the row.
function errorMeasure(err, sentIndex) {
  const m = (err.path || '').match(/^\/measures\/(\d+)(\/.*)?$/);
  if (!m || Number(m[1]) >= sentIndex.length) return null;
  return { index: sentIndex[Number(m[1])], inner: m[2] || '' };
}

// The error shown: next to its measure (a row under it, its field marked) or above the measures.
function showEngineError(err, sentIndex) {
  for (const old of document.querySelectorAll('#measures tr.error-row, #measure-error')) old.remove();
  for (const f of document.querySelectorAll('#measures .invalid')) f.classList.remove('invalid');
  const stale = !!err;
  for (const id of ['figures', 'chart-section', 'effects-section']) $(id).classList.toggle('stale', stale);
  $('stale-note').hidden = !stale;
  if (!err) return;
  const at = errorMeasure(err, sentIndex);
  const measure = at ? state.original.measures[at.index] : null;
  const box = el('div', { className: 'engine-error', role: 'alert' }, [
    el('strong', {}, [measure ? et('at')(measure.name) : et('general')]), ' ', el('span', { className: 'plain' }, [plainError(err)]),
    el('details', {}, [el('summary', {}, [et('technical')]), el('pre', {}, [err.message || ''])]),
  ]);
  const row = measure && document.querySelectorAll('#measures tr.measure')[at.index];
  if (row) {
    const tr = el('tr', { className: 'error-row' }, [el('td', { colSpan: 8 }, [box])]);
    row.after(tr);
    for (const f of row.querySelectorAll('input.param')) {
      if (at.inner === f.dataset.path || at.inner === f.dataset.path.replace(/\/value$/, '')) {
        f.classList.add('invalid');
        f.closest('details').open = true;
      }
    }
  } else {
    box.id = 'measure-error';
    $('measures').before(box);
  }
}
