// The workbench's redraw time in a real browser (Debian's headless Chromium, puppeteer-core from
// tests/browser/node_modules): from a slider change (the input event) to the charts redrawn (the
// page's draw() done, and the next animation frame), for a scenario (default koege-plan.json,
// 42 measures), over MOVES uptake-slider moves (default 30), one at a time. Prints the median and
// the slowest, and what the time is made of: the two API calls (run and report) and draw().
// Usage: node bench/browser_redraw.mjs build/bin/klima [SCENARIO] [MOVES]
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServe } from '../tests/browser/klima_serve.mjs';

const [klima, name = 'koege-plan.json', movesText = '30'] = process.argv.slice(2);
const moves = Number(movesText);
const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', 'tests', 'browser', 'package.json'));
const puppeteer = require('puppeteer-core');
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (!klima || !chromium) {
  console.error('usage: node bench/browser_redraw.mjs KLIMA_BIN [SCENARIO] [MOVES]; needs /usr/bin/chromium');
  process.exit(2);
}

const { server, url } = await startServe(klima);

// The server's CPU time (user + system, ms) from /proc: what the moves cost it, whatever the load.
const cpuMs = () => {
  const f = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;  // utime, stime in clock ticks of 10 ms
};
const median = (v) => { const s = [...v].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  await page.goto(url + '?scenario=' + encodeURIComponent(name));
  const drawn = () => page.waitForFunction(() => document.body.dataset.seq === String(state.seq), { timeout: 60000 });
  await drawn();
  await page.evaluate(() => {
    window.bench = { input: 0, fetched: 0, drawn: 0, frame: 0, bytes: 0 };
    document.addEventListener('input', () => { bench.input = performance.now(); }, true);
    const draw0 = draw;
    window.draw = function () {
      bench.fetched = performance.now();
      draw0();
      bench.drawn = performance.now();
      requestAnimationFrame(() => { bench.frame = performance.now(); });
    };
    const fetch0 = window.fetch;
    window.fetch = async (...args) => {
      const res = await fetch0(...args);
      if (String(args[0]).startsWith('/api/scenario/run')) bench.bytes = Number(res.headers.get('Content-Length') || 0);
      return res;
    };
  });
  const sliders = await page.$$('#measures input.scale');
  const rows = [];
  const cpu0 = cpuMs();
  for (let k = 0; k < moves; k++) {
    const slider = sliders[k % sliders.length];
    await slider.focus();
    await page.evaluate(() => { bench.frame = 0; });
    await page.keyboard.press(k % 2 ? 'ArrowRight' : 'ArrowLeft');
    await drawn();
    await page.waitForFunction(() => bench.frame > 0, { timeout: 10000 });
    rows.push(await page.evaluate(() => {
      // the browser's own timing of this move's two requests: queued before sending, and waiting for the answer
      const timing = (route) => {
        const e = performance.getEntriesByType('resource').filter((r) => r.name.includes(route)).pop();
        return e ? { queued: e.requestStart - e.startTime, waiting: e.responseStart - e.requestStart } : null;
      };
      const out = { ...bench, run: timing('/api/scenario/run'), report: timing('/api/report') };
      performance.clearResourceTimings();
      return out;
    }));
  }
  const serverCpu = (cpuMs() - cpu0) / moves;
  const total = rows.map((r) => r.frame - r.input);
  const api = rows.map((r) => r.fetched - r.input);
  const drawMs = rows.map((r) => r.drawn - r.fetched);
  console.log(`${name}: ${moves} slider moves, run answer ${rows[0].bytes} bytes`);
  console.log(`slider change to charts redrawn (next frame): median ${median(total).toFixed(1)} ms, max ${Math.max(...total).toFixed(1)} ms`);
  console.log(`  of which the run and report requests: median ${median(api).toFixed(1)} ms; draw(): median ${median(drawMs).toFixed(1)} ms`);
  console.log(`  server CPU time (user + system) per move, run and report together: ${serverCpu.toFixed(0)} ms`);
  for (const route of ['run', 'report']) {
    const r = rows.filter((x) => x[route]);
    if (!r.length) continue;
    console.log(`  ${route}: queued in the browser median ${median(r.map((x) => x[route].queued)).toFixed(1)} ms, ` +
      `waiting for the server median ${median(r.map((x) => x[route].waiting)).toFixed(1)} ms`);
  }
} finally {
  await browser.close();
  server.kill();
}
