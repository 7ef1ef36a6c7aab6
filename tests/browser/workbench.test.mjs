// The workbench in a real browser (Debian's headless Chromium, driven by puppeteer-core):
// load the page, move a measure's uptake slider with the keyboard, and see the 2030 figure
// change to exactly what `klima scenario run --format json` gives for the same edited scenario;
// save it with a comment, reload and see the slider and the figure kept; save from a stale page
// and see the 409 told. The server runs with a store (--db) holding Køge's activity file.
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
function cli2030(scenario) {
  const dir = mkdtempSync(path.join(tmpdir(), 'klima-browser-'));
  try {
    for (const key of ['activity', 'drivers', 'targets'])  // anchored as in scenarios/
      if (scenario[key]) scenario[key] = path.resolve(scenarios, scenario[key]);
    const file = path.join(dir, 'edited.json');
    writeFileSync(file, JSON.stringify(scenario));
    const run = JSON.parse(execFileSync(klima, ['scenario', 'run', file, '--format', 'json', '--db', store], { encoding: 'utf8' }));
    return String(run.totals.scenario.total_t[run.years.indexOf(2030)]);  // the tile shows the one total
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const { server, url } = await startServe(klima, ['--db', store]);

const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => fail('page error: ' + e.message));
  // nothing is loaded from anywhere but the workbench
  page.on('request', (r) => { if (!r.url().startsWith(url) && !r.url().startsWith('blob:')) fail('loaded ' + r.url()); });
  await page.goto(url + '?scenario=koege.json');
  const drawn = () => page.waitForFunction(() => document.body.dataset.seq === String(state.seq), { timeout: 30000 });
  await drawn();
  const before = await page.$eval('#fig2030', (el) => el.dataset.value);
  const original = JSON.parse(readFileSync(path.join(scenarios, 'koege.json'), 'utf8'));
  if (before !== cli2030(structuredClone(original))) fail(`2030 figure ${before} is not klima scenario run's`);

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

  // save with a comment, reload: the slider and the figure are kept
  const status = () => page.$eval('#save-status', (el) => el.textContent);
  if (!(await status()).includes('ingen gemt version')) fail(`before saving the page says '${await status()}'`);
  await page.type('#comment', 'halv fjernvarmeudbygning');
  await page.click('#save');
  await page.waitForFunction(() => document.getElementById('save-status').textContent.startsWith('version '), { timeout: 30000 });
  if ((await status()) !== 'version 1 gemt') fail(`after saving the page says '${await status()}'`);
  await page.reload();
  await drawn();
  const kept = await page.$eval('#measures tr[data-id="fjernvarme_udbygning"] input.scale', (el) => el.value);
  if (kept !== '50') fail(`after reload the uptake slider is at ${kept}, not 50`);
  const reloaded = await page.$eval('#fig2030', (el) => el.dataset.value);
  if (reloaded !== after) fail(`after reload the 2030 figure is ${reloaded}, not ${after}`);
  if ((await status()) !== 'version 1: halv fjernvarmeudbygning') fail(`after reload the page says '${await status()}'`);

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
  const without = structuredClone(original);
  without.measures.splice(0, 1);
  if (off !== cli2030(without)) fail(`with the measure off: page ${off}, klima scenario run ${cli2030(without)}`);

  await page.select('#lang', 'en');
  const heading = await page.$eval('h2[data-t="measures"]', (el) => el.textContent);
  if (heading !== 'Measures') fail(`English heading is '${heading}'`);
  if (!process.exitCode) console.log(`ok: 2030 figure ${before} → ${after} (uptake 50 %) → ${off} (off), as klima scenario run; saved, kept on reload, stale save told`);
} finally {
  await browser.close();
  server.kill();
  rmSync(work, { recursive: true, force: true });
}
