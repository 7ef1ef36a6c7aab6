// Markup in a scenario is shown as text and runs nothing (issue 20 item 3): a scenario whose
// name, measure names, theme and id carry HTML that would run script if it reached innerHTML.
// The page is loaded twice: with the server's Content-Security-Policy bypassed, so that the
// page's own escaping is what is tested, and with it, which must block inline script as well.
// Usage: node markup.test.mjs KLIMA_BIN REPO_DIR. Exit 77 (ctest: skipped) when Chromium or
// puppeteer-core is missing, with the reason on stderr.
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

// Each payload sets window.__pwned when it runs, and leaves an element with id "pwned" when parsed.
const NAME = 'Fjernvarme <img id="pwned" src="x" onerror="window.__pwned=1">';
// (no '.', ':', '/' or space, which the id reader refuses; issue 20 had x"><svg\tonload=alert(1)>)
const ID = 'x"><svg\tid="pwned"\tonload="__pwned=2">';
const THEME = '<b id="pwned">varme</b>';
const SCENARIO = 'Køge <script>window.__pwned=3</script>';

const work = mkdtempSync(path.join(tmpdir(), 'klima-browser-markup-'));
const original = JSON.parse(readFileSync(path.join(repo, 'scenarios', 'koege.json'), 'utf8'));
const scenario = structuredClone(original);
for (const key of ['activity', 'drivers']) scenario[key] = path.resolve(repo, 'scenarios', scenario[key]);
delete scenario.targets;  // not needed here
scenario.name = SCENARIO;
scenario.measures[0].name = NAME;
scenario.measures[0].theme = THEME;
scenario.measures[1].id = ID;
writeFileSync(path.join(work, 'markup.json'), JSON.stringify(scenario, null, 2));

const { server, url } = await startServe(klima, ['--scenarios', work, '--data-dir', path.join(repo, 'data')]);
const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox'] });
try {
  for (const bypassCsp of [true, false]) {
    const page = await browser.newPage();
    await page.setBypassCSP(bypassCsp);
    page.on('pageerror', (e) => fail('page error: ' + e.message));
    page.on('dialog', async (d) => { fail('a dialog opened: ' + d.message()); await d.dismiss(); });
    await page.goto(url + '?scenario=markup.json');
    // drawn, or an error shown: a reader that refuses the id (the id rule) answers 400, shown as text
    // next to the measure (errorSeq) or under the page
    await page.waitForFunction(() => document.body.dataset.seq === String(state.seq) ||
      document.body.dataset.errorSeq === String(state.seq) || !document.getElementById('error').hidden, { timeout: 30000 });
    await new Promise((r) => setTimeout(r, 300));  // an image's onerror would have fired by now
    const found = await page.evaluate(() => ({
      pwned: window.__pwned ?? null,
      injected: document.querySelectorAll('#pwned, svg[onload], img[onerror], main script, header script').length,
      text: document.body.innerText,
      option: document.getElementById('scenario').selectedOptions[0]?.textContent ?? '',
    }));
    const mode = bypassCsp ? 'CSP bypassed' : 'with the CSP';
    if (found.pwned !== null) fail(`${mode}: a payload ran (window.__pwned = ${found.pwned})`);
    if (found.injected) fail(`${mode}: ${found.injected} element(s) from the scenario's markup are in the page`);
    if (!found.option.includes(SCENARIO) && !found.option.includes('markup.json'))
      fail(`${mode}: the scenario list shows '${found.option}'`);
    if (!found.text.includes(NAME) && !found.text.includes(ID))
      fail(`${mode}: neither the measure name nor the id is shown as text`);
    await page.close();
  }
  if (!process.exitCode) console.log('ok: markup in the scenario name, a measure name, its theme and an id is shown as text and runs nothing');
} finally {
  await browser.close();
  server.kill();
  rmSync(work, { recursive: true, force: true });
}
