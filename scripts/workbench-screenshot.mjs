// Takes docs/workbench.png: `klima serve` with the Køge scenario (9 measures) in headless Chromium
// (puppeteer-core of tests/browser, installed by scripts/setup.sh), the district-heating measure's
// uptake moved to 50 % and a comment typed, so the picture shows the sliders, charts and saving.
// Usage: node scripts/workbench-screenshot.mjs [KLIMA_BIN] [OUT.png]   (from the repository root)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServe } from '../tests/browser/klima_serve.mjs';

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const klima = process.argv[2] ?? path.join(repo, 'build', 'bin', 'klima');
const out = process.argv[3] ?? path.join(repo, 'docs', 'workbench.png');
const require = createRequire(path.join(repo, 'tests', 'browser', 'package.json'));
const puppeteer = require('puppeteer-core');

const work = mkdtempSync(path.join(tmpdir(), 'klima-screenshot-'));
const store = path.join(work, 'klima.db');
execFileSync(klima, ['db', 'import', path.join(repo, 'data', 'koege', 'activity.csv'), '--db', store,
  '--comment', 'Køge activity']);
const { server, url } = await startServe(klima, ['--db', store]);
try {
  const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(url + '?scenario=koege.json');
    const drawn = () => page.waitForFunction(() => document.body.dataset.seq === String(state.seq), { timeout: 60000 });
    await drawn();
    await page.focus('#measures tr[data-id="fjernvarme_udbygning"] input.scale');
    for (let k = 0; k < 10; k++) await page.keyboard.press('ArrowLeft');
    await drawn();
    await page.type('#comment', 'halv fjernvarmeudbygning');
    await page.$eval('#comment', (el) => el.blur());
    await page.screenshot({ path: out, fullPage: true });
    console.log('wrote ' + out);
  } finally {
    await browser.close();
  }
} finally {
  server.kill();
  rmSync(work, { recursive: true, force: true });
}
