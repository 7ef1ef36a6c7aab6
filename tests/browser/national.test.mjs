// The workbench's national page in a real browser (headless Chromium, puppeteer-core): the map has
// one path per municipality (98, Christiansø left out), the switch recolours it, a click on a table
// heading sorts the table, and a click on Køge on the map opens Køge's page. No inline script runs
// (the script is /national.js) and nothing is loaded from elsewhere.
// Usage: node national.test.mjs KLIMA_BIN REPO_DIR. Exit 77 (ctest: skipped) when Chromium or
// puppeteer-core is missing, with the reason on stderr.
import { existsSync } from 'node:fs';
import { startServe } from './klima_serve.mjs';

const [klima] = process.argv.slice(2);
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
const { server, url } = await startServe(klima);
const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => fail('page error: ' + e.message));
  page.on('request', (r) => { if (!r.url().startsWith(url)) fail('loaded ' + r.url()); });
  await page.goto(url + 'national?lang=en');
  const paths = await page.$$eval('#national-map path[data-code]', (ps) => ps.map((p) => p.dataset.code));
  if (paths.length !== 98) fail(`the map has ${paths.length} paths, not 98`);
  if (paths.includes('0411')) fail('Christiansø (0411) is drawn');
  // the switch recolours Køge from its per-inhabitant colour to its on-track colour
  const fill = () => page.$eval('#national-map path[data-code="0259"]', (p) => p.getAttribute('fill'));
  const before = await fill();
  await page.select('#map-choice', 'ot');
  const after = await fill();
  const onTrack = await page.$eval('#national-map path[data-code="0259"]', (p) => p.dataset.ot);
  if (after !== onTrack || after === before) fail(`Køge's fill ${before} → ${after}, expected ${onTrack}`);
  // sort by t per inhabitant (the fifth column): ascending, so the first row has the lowest figure
  await page.click('#national-table th:nth-child(5)');
  const values = await page.$$eval('#national-table tbody tr td:nth-child(5)', (tds) => tds.map((td) => parseFloat(td.dataset.v)));
  const sorted = [...values].sort((a, b) => a - b);
  if (values.join() !== sorted.join()) fail('the table is not sorted by t per inhabitant after a click');
  // a click on Køge on the map opens its page
  await Promise.all([page.waitForNavigation(), page.$eval('#national-map path[data-code="0259"]', (p) => p.closest('a').dispatchEvent(new MouseEvent('click', { bubbles: true })))]);
  const heading = await page.$eval('h1', (h) => h.textContent);
  if (!heading.includes('Køge')) fail(`the click on Køge opened '${heading}'`);
  if (!process.exitCode) console.log(`ok: 98 paths, switch recolours (${before} → ${after}), table sorts, click opens ${heading}`);
} finally {
  await browser.close();
  server.kill();
}
