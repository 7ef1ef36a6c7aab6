// `klima serve` on a free loopback port, for the browser test, the redraw benchmark and the
// screenshot script: resolves to { server, url } once the server prints its address.
import { spawn } from 'node:child_process';

export function startServe(klima, args = [], timeoutMs = 20000) {
  const server = spawn(klima, ['serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/[0-9.]+:\d+\//);
      if (m) resolve({ server, url: m[0] });
    });
    server.on('exit', (code) => reject(new Error('klima serve exited with ' + code)));
    setTimeout(() => reject(new Error(`klima serve did not start within ${timeoutMs / 1000} s`)), timeoutMs);
  });
}
