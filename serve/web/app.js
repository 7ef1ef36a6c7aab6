// klima workbench: loads a scenario, lets the planner switch measures, move their years and
// uptake, edit their numbers, add, copy and remove them (edit.js), POSTs the edited scenario to
// /api/scenario/run on each change and redraws. Plain JavaScript and SVG; nothing is loaded from
// elsewhere.
'use strict';

const TEXT = {
  da: {
    title: 'klima – arbejdsbord for klimaplanen', scenario: 'Scenarie', language: 'Sprog',
    fig2030: 'Scenarie 2030', bau2030: 'BAU 2030', target2030: 'Mål 2030', gap2030: 'Over målet 2030 (negativ: under)',
    outside2030: 'Byggeri 2030 (uden for målet)', outsideLulucf2030: 'Byggeri og LULUCF 2030 (uden for målet)',
    inScope: 'i målets afgrænsning', gapIs: 'scenarie − mål',
    recompute: 'Genberegnet på', trajectory: 'Udledning, t CO2e om året',
    effects: 'Virkemidlernes effekt 2030 (t CO2e)', inventory: 'Seneste opgørelse efter sektor (t CO2e)',
    measures: 'Virkemidler', report: 'DK2020-rapport for det viste scenarie',
    hint: 'Slå virkemidler til og fra, flyt start, fuld effekt og omfang, og ret tallene under »Tal«: scenariet regnes om ved hver ændring.',
    downloadHtml: 'Hent rapport (HTML)', downloadXlsx: 'Hent rapport (XLSX)',
    history: 'Historik', bau: 'BAU (uden virkemidler)', scen: 'Scenarie', target: 'Målsti',
    on: 'Til', measure: 'Virkemiddel', start: 'Start', full: 'Fuld effekt', scale: 'Omfang', effect: 'Effekt 2030', edit: '',
    save: 'Gem scenariet som ny version', comment: 'Kommentar', author: 'Dit navn', saveButton: 'Gem',
    saved: (n) => `version ${n} gemt`, fromFile: 'fra filen (ingen gemt version)', openVersion: (n, c) => `version ${n}: ${c}`,
    noStore: 'Gem kræver et lager: start klima serve med --db FIL', needComment: 'Skriv en kommentar først',
    conflict: (c) => `${c.author || 'En anden'} har gemt version ${c.version} i mellemtiden (${c.created_at}: "${c.comment}"). Dine ændringer er ikke gemt.`,
    reload: 'Hent den nyeste version',
    scopeNote: 'Alle kurver i afgrænsningen:', sector: 'Sektor', computing: 'regner …', ready: 'klar', noTarget: 'ingen mål', total: 'I alt', construction: 'Byggeri (vises for sig, uden for I alt)', lulucfApart: 'LULUCF (vises for sig, uden for målets afgrænsning)', carried: (years) => `Rækker, opgørelsen mangler, fremskrevet fra ${years}`, curveTotal: (year) => `I alt som kurven ${year}`,
  },
  en: {
    title: 'klima – climate plan workbench', scenario: 'Scenario', language: 'Language',
    fig2030: 'Scenario 2030', bau2030: 'BAU 2030', target2030: 'Target 2030', gap2030: 'Above the 2030 target (negative: below)',
    outside2030: 'Construction 2030 (outside the target)', outsideLulucf2030: 'Construction and LULUCF 2030 (outside the target)',
    inScope: 'in the targets\' scope', gapIs: 'scenario − target',
    recompute: 'Recomputed in', trajectory: 'Emissions, t CO2e a year',
    effects: 'Effect of the measures in 2030 (t CO2e)', inventory: 'Latest inventory by sector (t CO2e)',
    measures: 'Measures', report: 'DK2020 report of the scenario on screen',
    hint: 'Switch measures on and off, move their start, full effect and uptake, and edit their figures under "Figures": the scenario is recomputed on every change.',
    downloadHtml: 'Download report (HTML)', downloadXlsx: 'Download report (XLSX)',
    history: 'History', bau: 'BAU (no measures)', scen: 'Scenario', target: 'Target path',
    on: 'On', measure: 'Measure', start: 'Start', full: 'Full effect', scale: 'Uptake', effect: 'Effect 2030', edit: '',
    save: 'Save the scenario as a new version', comment: 'Comment', author: 'Your name', saveButton: 'Save',
    saved: (n) => `version ${n} saved`, fromFile: 'from the file (no saved version)', openVersion: (n, c) => `version ${n}: ${c}`,
    noStore: 'Saving needs a store: start klima serve with --db FILE', needComment: 'Write a comment first',
    conflict: (c) => `${c.author || 'Someone else'} saved version ${c.version} meanwhile (${c.created_at}: "${c.comment}"). Your changes are not saved.`,
    reload: 'Load the latest version',
    scopeNote: 'All curves in the scope:', sector: 'Sector', computing: 'computing …', ready: 'ready', noTarget: 'no targets', total: 'Total', construction: 'Construction (shown apart, not in the total)', lulucfApart: 'LULUCF (shown apart, outside the targets\' scope)', carried: (years) => `Rows the inventory lacks, projected from ${years}`, curveTotal: (year) => `Total as the curve ${year}`,
  },
};
const COLOURS = { history: '#1d2a33', bau: '#9aa5ab', scen: '#3f8f6b', target: '#c0563a' };
// The size parameters of each preset that an uptake scale multiplies (docs/scenarios.md, "Presets").
const PRESET_SIZES = {
  district_heating: ['households'], heat_pumps: ['households'], electric_buses: ['buses'], ev_charging: ['chargers'],
  municipal_fleet: ['cars', 'refuse_trucks'], modal_shift: ['car_km_share'], building_renovation: ['floor_area_m2'],
  climate_construction: ['area_m2_per_year'], afforestation: ['hectares'],
};
const SHARE_PARAMS = new Set(['car_km_share']);

const state = {
  lang: 'da', file: null, original: null, controls: [], run: null, report: null, seq: 0, busy: false, again: false,
  version: null, versions: null, hasStore: false, saveNote: null,
};
const SCOPE_NAMES = {
  territorial_incl_lulucf: ['territorialt, inkl. LULUCF', 'territorial, incl. LULUCF'],
  territorial_excl_lulucf: ['territorialt, ekskl. LULUCF', 'territorial, excl. LULUCF'],
};
const $ = (id) => document.getElementById(id);
const scopeName = (code) => (SCOPE_NAMES[code] ? SCOPE_NAMES[code][state.lang === 'da' ? 0 : 1] : code);
const t = (key) => TEXT[state.lang][key];
const fmt = (v) => Math.round(v).toLocaleString(state.lang === 'da' ? 'da-DK' : 'en-GB');

// The total of all rows of a series ({"sector/subsector": [t per year]}) in year index i, in key order.
function totalAt(rows, i) {
  let sum = 0;
  for (const key of Object.keys(rows)) sum += rows[key][i];
  return sum;
}

function applyLanguage() {
  document.documentElement.lang = state.lang;
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
  for (const el of document.querySelectorAll('[data-et]')) el.textContent = et(el.dataset.et);
  const preset = $('preset');
  preset.replaceChildren(...Object.entries(PRESET_TEMPLATES).map(([type, tpl]) =>
    el('option', { value: type }, [state.lang === 'da' ? tpl.da : type.replace(/_/g, ' ')])));
  if (state.original) { buildControls(); draw(); }
  showSaveState();
}

async function api(path, options) {
  const res = await fetch(path, options);
  if (!res.ok) {
    let detail = { message: res.status + ' ' + res.statusText };
    try { detail = (await res.json()).error; } catch (e) { /* not JSON */ }
    const error = new Error(detail.message);
    error.detail = detail;  // kind, path, problem, fix: where the error belongs (edit.js)
    throw error;
  }
  return res;
}

function showError(message) {
  $('error').hidden = !message;
  $('error').textContent = message || '';
}

async function loadList() {
  const list = await (await api('/api/scenarios')).json();
  const select = $('scenario');
  select.replaceChildren();
  for (const s of list) {
    const o = document.createElement('option');
    o.value = s.file;
    o.textContent = s.error ? s.file + ' (!)' : s.name + ' (' + s.measures + ')';
    select.appendChild(o);
  }
  const wanted = new URLSearchParams(location.search).get('scenario');
  if (wanted && list.some((s) => s.file === wanted)) select.value = wanted;
  else if (list.some((s) => s.file === 'koege.json')) select.value = 'koege.json';
  await loadScenario(select.value);
}

// Opens the latest saved version of the scenario (the file when none is saved), with the sliders
// where the saving page had them.
async function loadScenario(file) {
  state.file = file;
  const res = await api('/api/scenario?name=' + encodeURIComponent(file));
  const version = Number(res.headers.get('X-Klima-Version') || 0);
  const scenario = await res.json();
  const versions = await (await api('/api/scenario/versions?name=' + encodeURIComponent(file))).json();
  state.hasStore = versions.store;
  state.version = version || null;
  state.versions = versions;
  state.saveNote = null;
  const editor = version && versions.latest === version ? versions.editor_state : null;
  if (editor && editor.original && Array.isArray(editor.controls) &&
      editor.controls.length === editor.original.measures.length) {
    state.original = editor.original;
    state.controls = editor.controls;
  } else {
    state.original = scenario;
    state.controls = state.original.measures.map((m) => ({
      on: true, start: m.start_year, full: m.full_effect_year ?? m.start_year, scale: 100,
    }));
  }
  showSaveState();
  state.report = null;
  state.launchYear = undefined;
  buildControls();
  await recompute();
}

function scaleSizes(obj, keys, k, shares) {
  for (const key of keys) {
    if (typeof obj[key] === 'number') obj[key] = shares.has(key) ? Math.min(1, obj[key] * k) : obj[key] * k;
    else if (obj[key] && typeof obj[key].value === 'number') obj[key].value *= k;
  }
}

// The scenario as the controls have it: measures off are left out; years and uptake as set.
function editedScenario() {
  const s = JSON.parse(JSON.stringify(state.original));
  s.measures = [];
  state.sentIndex = [];  // measure k of the scenario sent is row sentIndex[k] of the page
  state.original.measures.forEach((orig, i) => {
    const c = state.controls[i];
    if (!c.on) return;
    state.sentIndex.push(i);
    const m = JSON.parse(JSON.stringify(orig));
    const shape = typeof m.phase_in === 'object' ? m.phase_in.shape : m.phase_in;
    if (shape !== 'table') {
      if (shape === 's_curve') m.phase_in.midpoint += (c.start - orig.start_year + c.full - (orig.full_effect_year ?? orig.start_year)) / 2;
      m.start_year = c.start;
      if (m.full_effect_year !== undefined || shape !== 'step') m.full_effect_year = c.full;
    }
    const k = c.scale / 100;
    if (k !== 1) {
      if (m.uptake) m.uptake.value *= k;
      if (m.params && PRESET_SIZES[m.type]) scaleSizes(m.params, PRESET_SIZES[m.type], k, SHARE_PARAMS);
      for (const e of m.effects || []) {
        if (e.uptake) e.uptake.value *= k;
        else if (!m.uptake) scaleSizes(e, ['share', 'amount', 'reduction', 'share_per_uptake'], k, new Set(['share', 'reduction', 'share_per_uptake']));
      }
    }
    s.measures.push(m);
  });
  return s;
}

// A slider with its value and unit beside it ("130 %"); show(v) may add what the value means.
function slider(min, max, step, value, oninput, unit = '', show = () => '') {
  const input = document.createElement('input');
  Object.assign(input, { type: 'range', min, max, step, value });
  const out = document.createElement('output');
  const tell = () => { out.textContent = input.value + (unit ? ' ' + unit : '') + show(Number(input.value)); };
  tell();
  input.addEventListener('input', () => { oninput(Number(input.value), input); tell(); });
  input.tell = tell;
  const span = document.createElement('span');
  span.append(input, ' ', out);
  return span;
}

function buildControls() {
  const table = $('measures');
  table.replaceChildren();
  const head = table.insertRow();
  for (const key of ['on', 'measure', 'start', 'full', 'scale', 'effect', 'edit']) head.appendChild(document.createElement('th')).textContent = t(key);
  const base = state.original.base_year, end = state.original.end_year ?? 2050;
  state.original.measures.forEach((m, i) => {
    const c = state.controls[i];
    const row = table.insertRow();
    row.dataset.id = m.id;
    row.className = c.on ? 'measure' : 'measure off';
    const box = document.createElement('input');
    Object.assign(box, { type: 'checkbox', checked: c.on });
    box.addEventListener('change', () => { c.on = box.checked; row.className = c.on ? 'measure' : 'measure off'; recompute(); });
    row.insertCell().appendChild(box);
    const nameCell = row.insertCell();
    nameCell.append(el('div', {}, [m.name + (m.theme ? ' · ' + m.theme : '')]),
      paramFields(i, () => { scaleInput.tell(); recompute(); }));
    const table_shape = typeof m.phase_in === 'object' && m.phase_in.shape === 'table';
    const start = slider(base + 1, end, 1, c.start, (v) => {
      c.start = v;
      if (c.full < v) { c.full = v; fullInput.value = v; fullInput.tell(); }
      recompute();
    });
    const full = slider(base + 1, end, 1, c.full, (v, input) => {
      c.full = Math.max(v, c.start);
      input.value = c.full;
      recompute();
    });
    const fullInput = full.querySelector('input');
    start.querySelector('input').className = 'start';
    fullInput.className = 'full';
    if (table_shape) { start.querySelector('input').disabled = true; fullInput.disabled = true; }
    row.insertCell().appendChild(start);
    row.insertCell().appendChild(full);
    // the scale in %, and the uptake it gives in the measure's own unit (households, buses, ha …)
    const scale = slider(10, 200, 5, c.scale, (v) => { c.scale = v; recompute(); }, '%', (v) => {
      const u = uptakeOf(m);
      return u ? ' = ' + fmtSize(u.value * v / 100) + ' ' + u.unit : '';
    });
    const scaleInput = scale.querySelector('input');
    scaleInput.className = 'scale';
    row.insertCell().appendChild(scale);
    const effect = row.insertCell();
    effect.className = 'num effect';
    const copy = el('button', { className: 'copy', type: 'button' }, [et('copy')]);
    copy.addEventListener('click', () => { copyMeasure(i); buildControls(); recompute(); });
    const remove = el('button', { className: 'remove', type: 'button' }, [et('remove')]);
    remove.addEventListener('click', () => { removeMeasure(i); buildControls(); recompute(); });
    row.insertCell().append(copy, remove);
  });
}

// A size in its own unit: whole for counts and areas, three significant digits for small shares.
function fmtSize(v) {
  return Math.abs(v) >= 10 || v === 0 ? fmt(v) : v.toLocaleString(state.lang === 'da' ? 'da-DK' : 'en-GB', { maximumSignificantDigits: 3 });
}

// Posts the edited scenario and draws the answer. One recompute is in flight at a time: a change
// made meanwhile is sent when the answer comes back (and that stale answer is not drawn), so a
// slider dragged across many steps costs the server one run per answer, not one per step.
async function recompute() {
  state.seq++;
  if (state.busy) { state.again = true; return; }
  state.busy = true;
  try {
    do {
      state.again = false;
      await computeOnce(state.seq);
    } while (state.again);
  } finally {
    state.busy = false;
  }
}

async function computeOnce(seq) {
  $('status').textContent = t('computing');
  const file = state.file;
  const body = JSON.stringify(editedScenario());
  const sent = state.sentIndex;
  const began = performance.now();
  // The gap is the report's: target and scenario in the targets' scope (often without some rows).
  // Its reporting year is the latest inventory year, which the first run of a scenario tells.
  const reportFor = (year) => (state.original.targets ? loadTargets(body, year) : null);
  let reportPromise = state.launchYear ? reportFor(state.launchYear) : undefined;
  try {
    const res = await api('/api/scenario/run?name=' + encodeURIComponent(file),
      { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
    const run = await res.json();
    if (reportPromise === undefined) reportPromise = reportFor(run.launch_year);
    const report = await reportPromise;
    if (seq !== state.seq || file !== state.file) return;  // changed meanwhile: the next round draws
    if (report && report.error) {  // no target path and gap to show: as stale as a refused run
      const error = new Error(report.error.message);
      error.detail = report.error;
      throw error;
    }
    state.run = run;
    state.report = report;
    state.elapsed = performance.now() - began;
    showError('');
    showEngineError(null);
    draw();
    $('status').textContent = t('ready');
    document.body.dataset.seq = String(seq);  // for tests: the answer to change number seq is drawn
  } catch (e) {
    if (seq !== state.seq || file !== state.file) return;
    // the figures on screen are of the last scenario that ran: marked stale until the error is fixed
    showEngineError(e.detail || { message: e.message }, sent);
    $('status').textContent = '';
    document.body.dataset.errorSeq = String(seq);  // for tests: the answer to change number seq is an error
  }
}

// The target path in the targets' scope, from the report of the latest inventory year.
async function loadTargets(body, year) {
  try {
    const res = await api('/api/report?format=json&analysis=0&lang=' + state.lang + '&year=' + year + '&name=' + encodeURIComponent(state.file),
      { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
    const report = await res.json();
    const target = {};
    for (const y of report.gap.years) {
      if (y.target_t !== null) target[y.year] = y.target_t;
    }
    return { target, scope: report.targets.scope };
  } catch (e) {
    return { target: {}, error: e.detail || { message: e.message } };
  }
}

// The totals per year aligned with run.years: { scenario, bau, outside }, from the run's own
// "totals" (the engine's scope_total): the scope's total, and what lies outside it (construction,
// LULUCF when the targets leave it out).
function scopeTotals(run) {
  const s = run.totals.scenario;
  const apart = (i) => s.construction_t[i] + ((s.lulucf_apart_t && s.lulucf_apart_t[i]) || 0);
  return { scenario: s.total_t, bau: run.totals.bau.total_t, outside: s.total_t.map((v, i) => apart(i)) };
}

function draw() {
  const run = state.run;
  if (!run) return;
  const i2030 = run.years.indexOf(2030);
  // The one total per year (the run's "totals", docs/method.md "One total per year"): in the targets'
  // scope (or the default scope without targets), construction and LULUCF outside the scope apart.
  const totals = scopeTotals(run);
  const scen = totals.scenario, bau = totals.bau;
  const hasTargets = !!(state.report && !state.report.error && Object.keys(state.report.target).length);
  const target = hasTargets ? state.report.target : {};
  const tile = (id, v) => {
    $(id).textContent = v === null ? '–' : fmt(v) + ' t';
    $(id).dataset.value = v === null ? '' : String(v);
  };
  const at2030 = (series) => (i2030 < 0 ? null : series[i2030]);
  tile('fig2030', at2030(scen));
  tile('bau2030', at2030(bau));
  $('fig2030-note').textContent = hasTargets ? t('inScope') : scopeName(run.scope);
  // what lies outside the scope (construction, and LULUCF where the targets leave it out)
  tile('outside2030', at2030(totals.outside));
  $('outside-label').textContent = run.scope === 'territorial_excl_lulucf' ? t('outsideLulucf2030') : t('outside2030');
  if (hasTargets && i2030 >= 0 && target[2030] !== undefined) {
    tile('target2030', target[2030]);
    // the gap as the tiles show it: shown scenario − shown target, so that the three add up
    $('gap2030').textContent = fmt(Math.round(scen[i2030]) - Math.round(target[2030])) + ' t';
    $('gap2030').dataset.value = String(scen[i2030] - target[2030]);
    $('gap2030').title = t('gapIs') + ', ' + scopeName(run.scope);
  } else {
    $('target2030').textContent = t('noTarget');
    $('target2030').dataset.value = '';
    $('gap2030').textContent = '–';
    $('gap2030').dataset.value = '';
  }
  state.launchYear = run.launch_year;
  $('elapsed').textContent = Math.round(state.elapsed) + ' ms';
  drawChart(run, scen, bau, target);
  drawEffects(run, i2030);
  drawInventory(run);
}

// Round ticks from bottom to at least top: steps of 1, 2 or 5 times a power of ten, about five of them.
function roundTicks(bottom, top) {
  const rough = (top - bottom) / 5 || 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((k) => k * power).find((s) => s >= rough);
  const ticks = [];
  for (let v = Math.floor(bottom / step) * step; ; v += step) {
    ticks.push(Math.round(v));
    if (v >= top) break;
  }
  return ticks;
}

function drawChart(run, scen, bau, target) {
  const W = 900, H = 320, L = 70, R = 15, T = 15, B = 30;
  const years = run.years, first = years[0], last = years[years.length - 1];
  const launch = years.indexOf(run.launch_year);
  const values = scen.concat(bau, Object.values(target));
  const ticks = roundTicks(Math.min(0, ...values), Math.max(...values));
  const top = ticks[ticks.length - 1], bottom = ticks[0];
  const x = (y) => L + (y - first) / (last - first) * (W - L - R);
  const y = (v) => T + (top - v) / (top - bottom) * (H - T - B);
  const path = (pts) => pts.map(([a, b], k) => (k ? 'L' : 'M') + x(a).toFixed(1) + ',' + y(b).toFixed(1)).join('');
  let svg = `<svg viewBox="0 0 ${W} ${H}" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${t('trajectory')}">`;
  for (const v of ticks) {
    svg += `<line x1="${L}" x2="${W - R}" y1="${y(v)}" y2="${y(v)}" stroke="#e3e7e4"/>`;
    svg += `<text class="tick" x="${L - 6}" y="${y(v) + 4}" font-size="11" text-anchor="end">${fmt(v)}</text>`;
  }
  for (let yr = Math.ceil(first / 5) * 5; yr <= last; yr += 5)
    svg += `<text x="${x(yr)}" y="${H - 10}" font-size="11" text-anchor="middle">${yr}</text>`;
  const hist = years.slice(0, launch + 1).map((yr, i) => [yr, scen[i]]);
  const ahead = (series) => years.slice(launch).map((yr, i) => [yr, series[launch + i]]);
  const tpts = Object.keys(target).map(Number).sort((a, b) => a - b).map((yr) => [yr, target[yr]]);
  if (tpts.length) svg += `<path d="${path(tpts)}" fill="none" stroke="${COLOURS.target}" stroke-width="2" stroke-dasharray="6 4"/>`;
  svg += `<path d="${path(ahead(bau))}" fill="none" stroke="${COLOURS.bau}" stroke-width="2"/>`;
  svg += `<path d="${path(ahead(scen))}" fill="none" stroke="${COLOURS.scen}" stroke-width="2.5"/>`;
  svg += `<path d="${path(hist)}" fill="none" stroke="${COLOURS.history}" stroke-width="2.5"/>`;
  if (years.includes(2030)) svg += `<line x1="${x(2030)}" x2="${x(2030)}" y1="${T}" y2="${H - B}" stroke="#55656e" stroke-dasharray="2 3"/>`;
  $('chart').innerHTML = svg + '</svg>';  // numbers and the page's own words only
  const keys = ['history', 'bau', 'scen'].concat(tpts.length ? ['target'] : []);
  const items = keys.map((k) => {
    const swatch = el('i');
    swatch.style.background = COLOURS[k];  // a style property, not an attribute: allowed by the CSP
    return el('span', {}, [swatch, t(k)]);
  });
  items.push(el('span', { className: 'note' }, [t('scopeNote') + ' ' + scopeName(run.scope)]));
  $('legend').replaceChildren(...items);
}

function drawEffects(run, i2030) {
  const effects = run.measures.map((m) => ({ id: m.id, name: m.name, t: i2030 < 0 ? 0 : totalAt(m.effect, i2030) }));
  const most = Math.max(1, ...effects.map((e) => Math.abs(e.t)));
  $('effects').replaceChildren(...effects.map((e) => {
    const fill = el('span', { className: 'fill' + (e.t < 0 ? ' negative' : '') });
    fill.style.width = (Math.abs(e.t) / most * 100).toFixed(1) + '%';
    const bar = el('div', { className: 'bar' }, [el('span', {}, [e.name]), el('span', { className: 'track' }, [fill]),
      el('span', { className: 'num' }, [fmt(e.t)])]);
    bar.dataset.id = e.id;
    return bar;
  }));
  for (const e of effects) {
    const cell = document.querySelector(`#measures tr[data-id="${CSS.escape(e.id)}"] td.effect`);
    if (cell) cell.textContent = fmt(e.t);
  }
  for (const row of document.querySelectorAll('#measures tr.off td.effect')) row.textContent = '–';
}

// The latest inventory as the run gives it (latest_inventory, docs/workbench.md): its sectors in the
// targets' scope add up to the total; construction (and LULUCF out of the scope) below it, apart.
function drawInventory(run) {
  const inv = run.latest_inventory;
  const row = (tag, cells) => el('tr', {}, cells.map(([text, cls]) => el(tag, { className: cls || '' }, [text])));
  const apart = [];
  if (inv.lulucf_apart_t !== null) apart.push(row('td', [[t('lulucfApart')], [fmt(inv.lulucf_apart_t), 'num']]));
  if (inv.construction_t !== 0) apart.push(row('td', [[t('construction')], [fmt(inv.construction_t), 'num']]));
  $('inventory').replaceChildren(row('th', [[t('sector') + ' (' + inv.year + ')'], ['t CO2e']]),
    ...inv.sectors.map((s) => row('td', [[state.lang === 'en' ? s.name_en : s.name_da], [fmt(s.t), 'num']])),
    row('th', [[t('total')], [fmt(inv.total_t), 'num']]), ...carriedRows(run, inv, row), ...apart);
}

// Rows the latest inventory lacks are carried from an earlier year into the history line, so the
// curve's value in that year is the inventory's total plus them: two rows say so (as the report's
// note under the gap by year does).
function carriedRows(run, inv, row) {
  const i = run.years.indexOf(inv.year);
  if (i < 0 || !run.carried.length) return [];
  const curve = run.totals.scenario.total_t[i];
  if (Math.abs(curve - inv.total_t) < 0.5) return [];
  const years = [...new Set(run.carried.map((c) => c.from_year))].join(', ');
  return [row('td', [[t('carried')(years)], [fmt(curve - inv.total_t), 'num']]),
    row('th', [[t('curveTotal')(inv.year)], [fmt(curve), 'num']])];
}

// Every text that comes from a scenario, a store or the server (names, ids, sectors, messages)
// reaches the page through el() or textContent, never through innerHTML (docs/reliability.md).
// el('span', { className: 'x' }, [child, 'text']): strings become text nodes, as text.
function el(tag, props = {}, children = []) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

async function download(format) {
  try {
    const year = state.run ? state.run.launch_year : 2023;
    const res = await api(`/api/report?format=${format}&year=${year}&lang=${state.lang}&name=${encodeURIComponent(state.file)}`,
      { method: 'POST', body: JSON.stringify(editedScenario()), headers: { 'Content-Type': 'application/json' } });
    const blob = await res.blob();
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `klima-report-${state.original.municipality}-${year}.${format}`;
    a.click();
    URL.revokeObjectURL(a.href);
  } catch (e) {
    showError(e.message);
  }
}

// What the save section says: which version is open, the outcome of the last save, or why saving is off.
function showSaveState() {
  const v = state.versions;
  $('save').disabled = !state.hasStore;
  $('comment').disabled = !state.hasStore;
  let text = '';
  if (!state.hasStore) text = t('noStore');
  else if (state.saveNote) text = state.saveNote();
  else if (state.version && v) {
    const entry = v.versions.find((e) => e.version === state.version);
    text = t('openVersion')(state.version, entry ? entry.comment : '');
  } else text = t('fromFile');
  $('save-status').textContent = text;
  $('reload').hidden = !(state.saveNote && state.saveNote.conflict);
}

async function save() {
  const comment = $('comment').value.trim();
  if (!comment) { state.saveNote = () => t('needComment'); showSaveState(); return; }
  const body = JSON.stringify({
    scenario: editedScenario(), comment, based_on: state.version, author: $('author').value.trim(),
    editor_state: { original: state.original, controls: state.controls },
  });
  try {
    const res = await fetch('/api/scenario/save?name=' + encodeURIComponent(state.file),
      { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
    const answer = await res.json();
    if (res.status === 409) {
      const note = () => (answer.current ? t('conflict')(answer.current) : answer.error.message);
      note.conflict = true;
      state.saveNote = note;
    } else if (!res.ok) {
      state.saveNote = () => answer.error.message;
    } else {
      state.version = answer.version;
      state.versions = await (await api('/api/scenario/versions?name=' + encodeURIComponent(state.file))).json();
      state.saveNote = () => t('saved')(answer.version);
      $('comment').value = '';
    }
  } catch (e) {
    state.saveNote = () => e.message;
  }
  showSaveState();
}

$('save').addEventListener('click', save);
$('add').addEventListener('click', () => { addPreset($('preset').value); buildControls(); recompute(); });
$('reload').addEventListener('click', () => loadScenario(state.file).catch((e) => showError(e.message)));
$('author').value = localStorage.getItem('klima-author') || '';
$('author').addEventListener('change', () => localStorage.setItem('klima-author', $('author').value.trim()));
$('scenario').addEventListener('change', () => loadScenario($('scenario').value).catch((e) => showError(e.message)));
$('lang').addEventListener('change', () => { state.lang = $('lang').value; applyLanguage(); });
$('report-html').addEventListener('click', () => download('html'));
$('report-xlsx').addEventListener('click', () => download('xlsx'));
applyLanguage();
loadList().catch((e) => showError(e.message));
