// The workbench in a real browser (Debian's headless Chromium, driven by puppeteer-core):
// load the page and see the 2030 tiles add up (scenario − target = gap, in the targets' scope,
// construction apart) and the y-axis ticks round; move a measure's uptake slider with the
// keyboard, edit a parameter, and see the 2030 figure change to exactly what `klima report
// --format json` gives in the targets' scope for the same edited scenario; make an error (an
// uptake the inventory cannot hold) and see it in Danish next to its measure with the figures
// marked stale; fix it; add a measure from a preset, copy one, remove one; save it with a comment,
// reload and see every edit kept; save from a stale page and see the 409 told. The server runs with
// a store (--db) holding Køge's activity file.
// Usage: node workbench.test.mjs KLIMA_BIN REPO_DIR. Exit 77 (ctest: skipped) when Chromium or
// puppeteer-core is missing, with the reason on stderr.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServe } from './klima_serve.mjs';

const [klima, repo] = process.argv.slice(2);
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (!chromium) {
  console.error('skipped: no Chromium (/usr/bin/chromium); install Debian\'s chromium to run the browser test');
  process.exit(77);
}
let puppeteer;
try {
  puppeteer = (await import('puppeteer-core')).default;
} catch (e) {
  console.error('skipped: puppeteer-core is not installed; run `npm ci` in tests/browser (scripts/setup.sh does)');
  process.exit(77);
}

const fail = (message) => { console.error('FAIL: ' + message); process.exitCode = 1; };
const scenarios = path.join(repo, 'scenarios');

const work = mkdtempSync(path.join(tmpdir(), 'klima-browser-store-'));
const store = path.join(work, 'klima.db');
execFileSync(klima, ['db', 'import', path.join(repo, 'data', 'koege', 'activity.csv'), '--db', store,
  '--comment', 'browser test'], { encoding: 'utf8' });
// The 2030 figures of the command line for a scenario: the total in the targets' scope (`scenario
// run`'s totals, which the report's gap equals, as the page's tiles), the target, and what lies outside the scope (construction).
function cliFigures(scenario) {
  const dir = mkdtempSync(path.join(tmpdir(), 'klima-browser-'));
  try {
    scenario = structuredClone(scenario);
    for (const key of ['activity', 'drivers', 'targets'])  // anchored as in scenarios/
      if (scenario[key]) scenario[key] = path.resolve(scenarios, scenario[key]);
    const file = path.join(dir, 'edited.json');
    writeFileSync(file, JSON.stringify(scenario));
    const run = JSON.parse(execFileSync(klima, ['scenario', 'run', file, '--format', 'json', '--db', store], { encoding: 'utf8' }));
    const report = JSON.parse(execFileSync(klima, ['report', '--scenario', file, '--year', String(run.launch_year), '--format',
      'json', '--no-analysis', '--db', store], { encoding: 'utf8' }));
    const i = run.years.indexOf(2030);
    const y2030 = report.gap.years.find((y) => y.year === 2030);
    const s = run.totals.scenario;  // the one total (docs/method.md): the scope's, and what lies outside it
    if (y2030.scenario_t !== s.total_t[i]) throw new Error(`report gap ${y2030.scenario_t} is not scenario run's total ${s.total_t[i]}`);
    const outside = s.construction_t[i] + ((s.lulucf_apart_t && s.lulucf_apart_t[i]) || 0);
    const latest = run.years.indexOf(run.latest_inventory.year);  // the curve there: inventory + carried rows
    return { scope: String(s.total_t[i]), target: y2030.target_t, outside: String(outside),
      inventory: run.latest_inventory.total_t, curveLatest: s.total_t[latest], carried: run.carried.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const cli2030 = (scenario) => cliFigures(scenario).scope;
// "249.138 t" → 249138
const shown = (text) => Number(text.replace(/[^0-9−-]/g, '').replace('−', '-'));

const { server, url } = await startServe(klima, ['--db', store]);

const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => fail('page error: ' + e.message));
  // nothing is loaded from anywhere but the workbench
  page.on('request', (r) => { if (!r.url().startsWith(url) && !r.url().startsWith('blob:')) fail('loaded ' + r.url()); });
  await page.goto(url + '?scenario=koege.json');
  const drawn = () => page.waitForFunction(() => document.body.dataset.seq === String(state.seq), { timeout: 30000 });
  const errored = () => page.waitForFunction(() => document.body.dataset.errorSeq === String(state.seq), { timeout: 30000 });
  await drawn();
  const before = await page.$eval('#fig2030', (el) => el.dataset.value);
  const original = JSON.parse(readFileSync(path.join(scenarios, 'koege.json'), 'utf8'));
  const first = cliFigures(original);
  if (before !== first.scope) fail(`2030 figure ${before} is not scenario run's total in the targets' scope ${first.scope}`);
  const outside = await page.$eval('#outside2030', (el) => el.dataset.value);
  if (outside !== first.outside) fail(`construction 2030 ${outside} is not scenario run's construction (and LULUCF) outside the scope ${first.outside}`);
  // the tiles add up as shown: scenario − target = gap (e.g. 373.542 − 311.677 = 61.865)
  const tiles = await page.evaluate(() => ['fig2030', 'target2030', 'gap2030'].map((id) => document.getElementById(id).textContent));
  const [tScen, tTarget, tGap] = tiles.map(shown);
  if (tScen - tTarget !== tGap) fail(`the tiles do not add up: ${tiles.join(' / ')}`);
  if (tTarget !== Math.round(first.target)) fail(`target tile ${tiles[1]}, klima report ${first.target}`);
  // the inventory table reconciles with the curve: Køge 2023 lacks one row (carried from 2017), so the
  // table ends with the inventory's total, the carried rows, and the curve's 2023 total (446.418 + 2.962 = 449.380)
  const inventoryRows = await page.$$eval('#inventory tr', (rows) => rows.map((r) => r.textContent));
  if (first.carried !== 1) fail(`koege.json was expected to carry one row into 2023, scenario run says ${first.carried}`);
  const curveRow = inventoryRows.find((r) => r.startsWith('I alt som kurven'));
  const carriedRow = inventoryRows.find((r) => r.startsWith('Rækker, opgørelsen mangler'));
  if (!curveRow || shown(curveRow.replace(/^I alt som kurven \d{4}/, '')) !== Math.round(first.curveLatest))
    fail(`the inventory table's curve total ${curveRow} is not scenario run's ${first.curveLatest}`);
  if (!carriedRow || shown(carriedRow.replace(/^[^0-9]*\d{4}/, '')) !== Math.round(first.curveLatest - first.inventory))
    fail(`the carried rows ${carriedRow} are not the curve − the inventory ${first.curveLatest - first.inventory}`);
  // y-axis ticks: whole tonnes with thousands separators, in equal steps of 1, 2 or 5 × 10^k
  const ticks = await page.$$eval('#chart text.tick', (els) => els.map((e) => e.textContent));
  const values = ticks.map(shown);
  const step = values[1] - values[0];
  const mantissa = step / 10 ** Math.floor(Math.log10(step));
  if (![1, 2, 5].includes(mantissa) || values.some((v, k) => k && v - values[k - 1] !== step) ||
      ticks.some((s) => !/^-?\d{1,3}(\.\d{3})*$/.test(s)))
    fail(`y-axis ticks are not round: ${ticks.join(' / ')}`);
  // the uptake slider says its unit, and the uptake in the measure's own unit
  const said = await page.$eval('#measures tr[data-id="fjernvarme_udbygning"] input.scale + output', (el) => el.textContent);
  if (said !== '100 % = 6.000 husstande') fail(`the uptake slider says '${said}'`);

  // the district-heating measure's uptake slider: 100 % → 50 % in ten key presses of 5 %
  const slider = await page.$('#measures tr[data-id="fjernvarme_udbygning"] input.scale');
  await slider.focus();
  for (let k = 0; k < 10; k++) await page.keyboard.press('ArrowLeft');
  await drawn();
  const after = await page.$eval('#fig2030', (el) => el.dataset.value);
  const edited = structuredClone(original);
  edited.measures[0].params.households = 3000;  // 6000 × 50 %
  const expected = cli2030(edited);
  if (after === before) fail('the 2030 figure did not change when the slider moved');
  if (after !== expected) fail(`after the slider: page ${after}, klima scenario run ${expected}`);

  // a parameter edited: district heating's heat per household 15 → 12 MWh (typed with the keyboard)
  const field = (id, p) => `#measures tr[data-id="${id}"] input.param[data-path="${p}"]`;
  const typeInto = async (selector, text) => {
    await page.$eval(selector, (input) => { input.closest('details').open = true; });
    await page.click(selector, { clickCount: 3 });
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await page.$eval(selector, (input) => input.blur());
  };
  const unitOf = await page.$eval(field('fjernvarme_udbygning', '/params/heat_mwh_per_household') + ' + .unit', (e) => e.textContent);
  if (unitOf !== 'MWh/husstand') fail(`heat per household is shown in '${unitOf}'`);
  await typeInto(field('fjernvarme_udbygning', '/params/heat_mwh_per_household'), '12');
  await drawn();
  edited.measures[0].params.heat_mwh_per_household = 12;
  const heat12 = await page.$eval('#fig2030', (el) => el.dataset.value);
  if (heat12 !== cli2030(edited)) fail(`after the edit: page ${heat12}, klima report ${cli2030(edited)}`);

  // an error: 12,000 oil-heated households to heat pumps, more oil than the inventory holds
  await typeInto(field('varmepumper', '/params/households'), '12000');
  await errored();
  const error = await page.evaluate(() => {
    const row = document.querySelector('#measures tr[data-id="varmepumper"]').nextElementSibling;
    return { row: row.className, plain: row.querySelector('.plain')?.textContent ?? '', technical: row.querySelector('details pre')?.textContent ?? '',
      stale: document.getElementById('figures').classList.contains('stale') && document.getElementById('chart-section').classList.contains('stale'),
      note: !document.getElementById('stale-note').hidden, figure: document.getElementById('fig2030').dataset.value };
  });
  if (error.row !== 'error-row') fail('the error is not shown next to the heat-pump measure');
  if (!error.plain.startsWith('Virkemidlet fjerner') || !error.plain.includes('men året rummer kun'))
    fail(`the error is not told in Danish: '${error.plain}'`);
  if (!error.technical.includes('/measures/1')) fail(`the technical text lacks the JSON path: '${error.technical}'`);
  if (!error.stale || !error.note) fail('the figures are not marked stale while the error stands');
  if (error.figure !== heat12) fail(`the 2030 figure changed to ${error.figure} on an error`);
  // fixed: back to 1200, the figures fresh again
  await typeInto(field('varmepumper', '/params/households'), '1200');
  await drawn();
  const fixed = await page.evaluate(() => ({ rows: document.querySelectorAll('#measures tr.error-row').length,
    stale: document.querySelectorAll('.stale').length, figure: document.getElementById('fig2030').dataset.value }));
  if (fixed.rows || fixed.stale || fixed.figure !== heat12) fail(`after the fix: ${JSON.stringify(fixed)}`);

  // a measure added from a preset (afforestation, the template's 300 ha), then one copied and removed
  await page.select('#preset', 'afforestation');
  await page.click('#add');
  await drawn();
  const added = await page.evaluate(() => state.original.measures[state.original.measures.length - 1]);
  if (added.id !== 'afforestation' || added.start_year !== 2024 || added.full_effect_year !== 2029 ||
      added.params.hectares !== 300 || !added.source.startsWith('illustrative:'))
    fail(`the added measure is ${JSON.stringify(added)}`);
  edited.measures.push(added);
  const withForest = await page.$eval('#fig2030', (el) => el.dataset.value);
  if (withForest !== cli2030(edited)) fail(`with the added measure: page ${withForest}, klima report ${cli2030(edited)}`);
  await page.click('#measures tr[data-id="skovrejsning"] button.copy');
  await drawn();
  const copy = structuredClone(original.measures[8]);
  Object.assign(copy, { id: 'skovrejsning_kopi', name: copy.name + ' (kopi)' });
  edited.measures.splice(9, 0, copy);
  const withCopy = await page.$eval('#fig2030', (el) => el.dataset.value);
  if (withCopy !== cli2030(edited)) fail(`with the copy: page ${withCopy}, klima report ${cli2030(edited)}`);
  await page.click('#measures tr[data-id="skovrejsning_kopi"] button.remove');
  await drawn();
  edited.measures.splice(9, 1);
  if ((await page.$eval('#fig2030', (el) => el.dataset.value)) !== withForest) fail('removing the copy did not restore the figure');

  // save with a comment, reload: the slider and the figure are kept
  const status = () => page.$eval('#save-status', (el) => el.textContent);
  if (!(await status()).includes('ingen gemt version')) fail(`before saving the page says '${await status()}'`);
  await page.type('#comment', 'halv fjernvarmeudbygning, 12 MWh, ny skov');
  await page.click('#save');
  await page.waitForFunction(() => document.getElementById('save-status').textContent.startsWith('version '), { timeout: 30000 });
  if ((await status()) !== 'version 1 gemt') fail(`after saving the page says '${await status()}'`);
  await page.reload();
  await drawn();
  const kept = await page.$eval('#measures tr[data-id="fjernvarme_udbygning"] input.scale', (el) => el.value);
  if (kept !== '50') fail(`after reload the uptake slider is at ${kept}, not 50`);
  const reloaded = await page.$eval('#fig2030', (el) => el.dataset.value);
  if (reloaded !== withForest) fail(`after reload the 2030 figure is ${reloaded}, not ${withForest}`);
  const heatKept = await page.$eval(field('fjernvarme_udbygning', '/params/heat_mwh_per_household'), (el) => el.value);
  if (heatKept !== '12') fail(`after reload heat per household is ${heatKept}, not 12`);
  if (!(await page.$('#measures tr[data-id="afforestation"]'))) fail('after reload the added measure is gone');
  if ((await status()) !== 'version 1: halv fjernvarmeudbygning, 12 MWh, ny skov') fail(`after reload the page says '${await status()}'`);

  // a second page opens version 1; the first saves version 2; the second, now stale, is told
  const stale = await browser.newPage();
  stale.on('pageerror', (e) => fail('page error: ' + e.message));
  await stale.goto(url + '?scenario=koege.json');
  await stale.waitForFunction(() => document.body.dataset.seq === String(state.seq), { timeout: 30000 });
  await page.bringToFront();  // a background tab gets no animation frames, which waitForFunction polls on
  await page.type('#comment', 'anden udgave');
  await page.click('#save');
  await page.waitForFunction(() => document.getElementById('save-status').textContent === 'version 2 gemt', { timeout: 30000 });
  await stale.bringToFront();
  await stale.type('#comment', 'min udgave');
  await stale.click('#save');
  await stale.waitForFunction(() => !document.getElementById('reload').hidden, { timeout: 30000 });
  const told = await stale.$eval('#save-status', (el) => el.textContent);
  if (!told.includes('version 2 i mellemtiden') || !told.includes('anden udgave')) fail(`the stale page says '${told}'`);
  await stale.click('#reload');
  await stale.waitForFunction(() => document.getElementById('save-status').textContent.startsWith('version 2:'), { timeout: 30000 });
  await stale.close();
  await page.bringToFront();
  const saved = execFileSync(klima, ['db', 'scenarios', 'koege.json', '--db', store], { encoding: 'utf8' });
  if (saved.trim().split('\n').length !== 3) fail(`the store holds other versions than 1 and 2:\n${saved}`);

  // switch the measure off: the figure is the run without it
  await page.click('#measures tr[data-id="fjernvarme_udbygning"] input[type=checkbox]');
  await drawn();
  const off = await page.$eval('#fig2030', (el) => el.dataset.value);
  const without = structuredClone(edited);
  without.measures.splice(0, 1);
  if (off !== cli2030(without)) fail(`with the measure off: page ${off}, klima scenario run ${cli2030(without)}`);

  // with district heating off, the heat pumps are measure 0 of the scenario sent: the error's path
  // /measures/0/… still lands on the heat-pump row, not on the first row of the table
  await typeInto(field('varmepumper', '/params/households'), '12000');
  await errored();
  const mapped = await page.evaluate(() => ({
    after: document.querySelector('#measures tr.error-row')?.previousElementSibling?.dataset.id ?? null,
    technical: document.querySelector('#measures tr.error-row details pre')?.textContent ?? '' }));
  if (mapped.after !== 'varmepumper' || !mapped.technical.includes('/measures/0'))
    fail(`with a measure off the error is shown after '${mapped.after}' (${mapped.technical})`);
  await typeInto(field('varmepumper', '/params/households'), '1200');
  await drawn();
  if ((await page.$eval('#fig2030', (el) => el.dataset.value)) !== off) fail('after the second fix the figure is not the one before');

  await page.select('#lang', 'en');
  const heading = await page.$eval('h2[data-t="measures"]', (el) => el.textContent);
  if (heading !== 'Measures') fail(`English heading is '${heading}'`);
  if (!process.exitCode) console.log(`ok: 2030 figure ${before} → ${after} (uptake 50 %) → ${heat12} (12 MWh) → error told, stale → fixed → ` +
    `${withForest} (forest added) → ${off} (off), as klima report; tiles add up; saved, kept on reload, stale save told`);
} finally {
  await browser.close();
  server.kill();
  rmSync(work, { recursive: true, force: true });
}
