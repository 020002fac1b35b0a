// Starts the real server-stub binary for a benchmark and stops it again.
//
// Guarantees: the server listens on a free loopback port chosen for this run (never the end-to-end
// suite's fixed port, so benchmarks and tests can run side by side); it serves the demo page and a
// private copy of dist/widget/ taken at start, checked to be one whole build (every file the loader
// names is present), so a rebuild during a benchmark cannot mix two builds or remove files mid-run;
// its data directory, configuration and copy live in one temporary directory removed on stop; and it
// is ready (/healthz answers) when `startServer` resolves.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the demo page and its contact.json are served from here. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The binary to run: `SERVER_STUB_BIN` when set (e.g. a release build), else the debug build. */
const BINARY = process.env.SERVER_STUB_BIN || path.join(ROOT, 'target', 'debug', 'server-stub');
const DIST = path.join(ROOT, 'dist', 'widget');
const LOADER = 'contact-widget.js';
const READY_TIMEOUT_MS = 30_000;
/** A build rewrites dist/widget/ in about a second; a copy taken meanwhile is retried this often. */
const SNAPSHOT_ATTEMPTS = 10;

const sleep = (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Asks the kernel for a free loopback port, then releases it for the server to take. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Copies dist/widget/ to `target` until the copy holds every content-hashed file its loader names. */
async function snapshotWidget(target) {
  let problem = '';
  for (let attempt = 1; attempt <= SNAPSHOT_ATTEMPTS; attempt += 1) {
    if (attempt > 1) await sleep(1000);
    fs.rmSync(target, { recursive: true, force: true });
    try {
      fs.cpSync(DIST, target, { recursive: true });
    } catch (error) {
      // A file removed by a build between listing and copying: try again.
      problem = error.message;
      continue;
    }
    const loader = fs.readFileSync(path.join(target, LOADER), 'utf8');
    const named = new Set(loader.match(/contact-widget-[0-9a-f]+\.[a-z]+/g) ?? []);
    const missing = [...named].filter((name) => !fs.existsSync(path.join(target, name)));
    if (missing.length === 0) return;
    problem = `the loader names ${missing.join(', ')}, which the build does not hold`;
  }
  throw new Error(`dist/widget/ is not one whole build (is scripts/build-widget.sh running?): ${problem}`);
}

async function waitUntilHealthy(origin, child) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server-stub exited with code ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(`${origin}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet: try again shortly.
    }
    await sleep(100);
  }
  throw new Error(`server-stub did not answer ${origin}/healthz within ${READY_TIMEOUT_MS} ms`);
}

/**
 * Starts server-stub on a free port with the demo page and a copy of the current widget build.
 * Resolves to `{ origin, widgetDir, stop }`: `widgetDir` is the copy being served (size reports read
 * it, so they describe exactly what was served); `stop()` ends the process and removes its files.
 * `options.load` serves the demo configuration with that `load` mode instead of its own, as a site
 * owner would set it: no request interception, which would also switch off the browser's HTTP cache.
 */
export async function startServer(options = {}) {
  if (!fs.existsSync(BINARY)) {
    throw new Error(`${BINARY} is missing: run \`cargo build -p server-stub\` (or set SERVER_STUB_BIN)`);
  }
  if (!fs.existsSync(path.join(DIST, LOADER))) throw new Error('dist/widget/ is missing: run scripts/build-widget.sh');

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'contact-widget-bench-'));
  const widgetDir = path.join(work, 'widget');
  const configFile = path.join(work, 'server.toml');
  const removeWork = () => fs.rmSync(work, { recursive: true, force: true });
  try {
    await snapshotWidget(widgetDir);
  } catch (error) {
    removeWork();
    throw error;
  }
  // Everything else keeps server-stub's defaults: the demo index.html, demo-site/ and its contact.json.
  // JSON string syntax is valid TOML basic-string syntax for these paths.
  let settings = `static_root = ${JSON.stringify(ROOT)}\nwidget_dist = ${JSON.stringify(widgetDir)}\n`;
  if (options.load) {
    const widgetConfig = path.join(work, 'contact.json');
    const demo = JSON.parse(fs.readFileSync(path.join(ROOT, 'demo-site', 'contact.json'), 'utf8'));
    fs.writeFileSync(widgetConfig, JSON.stringify({ ...demo, load: options.load }, null, 2));
    settings += `widget_config = ${JSON.stringify(widgetConfig)}\n`;
  }
  fs.writeFileSync(configFile, settings);

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(BINARY, ['--config', configFile, '--data-dir', path.join(work, 'data'), '--listen', `127.0.0.1:${port}`], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // Kept for the error message only: a server that fails to start says why on stderr.
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr = (stderr + chunk).slice(-4000); });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    removeWork();
  };
  try {
    await waitUntilHealthy(origin, child);
  } catch (error) {
    await stop();
    throw new Error(`${error.message}\n${stderr}`);
  }
  return { origin, widgetDir, stop };
}
