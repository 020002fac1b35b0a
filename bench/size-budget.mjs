#!/usr/bin/env node
// Size report and budget check for the widget: every shipped file raw / gzip / brotli, split into what
// a visitor downloads before any interaction and what the whole widget costs once opened.
//
// The split is measured, not assumed: the demo page is loaded in Chromium from a server whose
// configuration says `load: "interaction"`, every request the widget causes is recorded until the network is quiet
// (before interaction), then the launcher is hovered and tapped and everything fetched until the
// panel is shown and the network is quiet again is added (whole widget). Sizes of shipped files are
// those of the .gz / .br siblings in dist/widget/, which are what server-stub sends; anything else
// (the configuration, API answers) is sized here as gzip -9 and brotli q11 of its decoded body.
//
// Budgets (brotli, 1 KB = 1024 bytes): before interaction <= 15 KB, whole widget <= 80 KB.
// Exit status: 0 within budget, 1 a budget is exceeded, 2 the measurement itself failed.
//
// Usage: node bench/size-budget.mjs   (needs dist/widget/ from scripts/build-widget.sh and
// target/debug/server-stub from `cargo build -p server-stub`, or SERVER_STUB_BIN)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { isHostPageRequest, launchChromium } from './lib/browser.mjs';
import { kb, printTable, verdict } from './lib/report.mjs';
import { startServer } from './lib/server.mjs';

const BUDGET = { beforeInteraction: 15 * 1024, whole: 80 * 1024 };
/** How long the network must stay silent before a phase counts as finished. A loader that waits for
 * idle time or a timer before fetching more is caught as long as it does so within this window. */
const QUIET_MS = 2000;
const PHASE_TIMEOUT_MS = 30_000;

const compressed = {
  gzip: (data) => zlib.gzipSync(data, { level: 9 }).length,
  brotli: (data) => zlib.brotliCompressSync(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  }).length,
};

/** Sizes of `data`: raw, and compressed as gzip -9 and brotli q11. */
const sizesOf = (data) => ({ raw: data.length, gzip: compressed.gzip(data), brotli: compressed.brotli(data) });

/**
 * Every file of the widget build in `dir` except the compressed siblings, with its raw size and the
 * sizes of the siblings server-stub sends (computed here, and flagged, when a sibling is missing).
 */
function shippedFiles(dir) {
  const names = fs.readdirSync(dir).filter((name) => !/\.(br|gz)$/.test(name)).sort();
  return new Map(names.map((name) => {
    const file = path.join(dir, name);
    const data = fs.readFileSync(file);
    const sibling = (extension) => (fs.existsSync(`${file}.${extension}`) ? fs.statSync(`${file}.${extension}`).size : null);
    const gzip = sibling('gz');
    const brotli = sibling('br');
    return [name, {
      raw: data.length,
      gzip: gzip ?? compressed.gzip(data),
      brotli: brotli ?? compressed.brotli(data),
      siblings: gzip !== null && brotli !== null,
    }];
  }));
}

/** Counts requests in flight so a phase can wait until the network has been quiet for a while. */
function trackNetwork(page) {
  const state = { inFlight: 0, lastActivity: Date.now() };
  const touch = (delta) => () => { state.inFlight += delta; state.lastActivity = Date.now(); };
  page.on('request', touch(+1));
  page.on('requestfinished', touch(-1));
  page.on('requestfailed', touch(-1));
  return async function waitForQuiet() {
    const deadline = Date.now() + PHASE_TIMEOUT_MS;
    while (state.inFlight > 0 || Date.now() - state.lastActivity < QUIET_MS) {
      if (Date.now() > deadline) throw new Error(`the network did not go quiet within ${PHASE_TIMEOUT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
}

/**
 * Loads the demo page (served with `load: "interaction"`), then opens the panel, and returns the widget's
 * requests (host page requests left out), each with its phase, its decoded body and the
 * Content-Encoding it was served with.
 */
async function recordWidgetRequests(origin) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const waitForQuiet = trackNetwork(page);
    const seen = [];
    let phase = 'before interaction';
    page.on('request', (request) => {
      if (!isHostPageRequest(request.url(), origin)) seen.push({ request, phase });
    });
    const failures = [];
    page.on('requestfailed', (request) => failures.push(`${request.url()}: ${request.failure()?.errorText}`));

    await page.goto(`${origin}/`, { waitUntil: 'load' });
    await page.getByTestId('cw-launcher').waitFor({ state: 'visible', timeout: PHASE_TIMEOUT_MS });
    await waitForQuiet();

    phase = 'after intent';
    // click() moves the pointer over the launcher first: the hover is the intent, the click the tap.
    await page.getByTestId('cw-launcher').click();
    await page.getByTestId('cw-panel').waitFor({ state: 'visible', timeout: PHASE_TIMEOUT_MS });
    await waitForQuiet();
    if (failures.length) throw new Error(`requests failed:\n  ${failures.join('\n  ')}`);

    const requests = [];
    // A URL fetched again is answered by the HTTP cache (the loader, fetched again as its own worker's
    // script), so each URL counts once, in the phase that first fetched it.
    const counted = new Set();
    for (const { request, phase: when } of seen) {
      const url = new URL(request.url());
      if (counted.has(url.href)) continue;
      counted.add(url.href);
      const response = await request.response();
      if (!response) throw new Error(`no response for ${url.href}`);
      const headers = await response.allHeaders();
      requests.push({ url, phase: when, body: await response.body(), encoding: headers['content-encoding'] || 'identity' });
    }
    return requests;
  } finally {
    await browser.close();
  }
}

function report(files, requests) {
  const rows = [];
  const fetched = new Set();
  for (const { url, phase, body, encoding } of requests) {
    const name = url.pathname.startsWith('/widget/') ? url.pathname.slice('/widget/'.length) : null;
    const shipped = name !== null ? files.get(name) : undefined;
    if (shipped) fetched.add(name);
    rows.push({ what: url.pathname + url.search, phase, encoding, ...(shipped ?? sizesOf(body)) });
  }
  for (const [name, sizes] of files) {
    if (!fetched.has(name)) rows.push({ what: `/widget/${name}`, phase: 'never fetched', encoding: '-', ...sizes });
  }

  const total = (phases) => {
    const counted = rows.filter((row) => phases.includes(row.phase));
    return Object.fromEntries(['raw', 'gzip', 'brotli'].map((key) => [key, counted.reduce((sum, row) => sum + row[key], 0)]));
  };
  const before = total(['before interaction']);
  const whole = total(['before interaction', 'after intent']);
  const sizeCells = (sizes) => [kb(sizes.raw), kb(sizes.gzip), kb(sizes.brotli)];

  console.log(`Widget size report, ${new Date().toISOString().slice(0, 10)} (dist/widget/ and the demo /contact.json)\n`);
  printTable(
    ['file or request', 'phase', 'served as', 'raw', 'gzip', 'brotli'],
    [
      ...rows.map((row) => [row.what, row.phase, row.encoding, ...sizeCells(row)]),
      null,
      ['before interaction', '', '', ...sizeCells(before)],
      ['whole widget', '', '', ...sizeCells(whole)],
    ],
    { right: [3, 4, 5] },
  );
  const missingSiblings = [...files].filter(([, sizes]) => !sizes.siblings).map(([name]) => name);
  if (missingSiblings.length) console.log(`\nno .gz/.br siblings (sizes computed here): ${missingSiblings.join(', ')}`);
  const identity = rows.filter((row) => row.encoding === 'identity' && row.phase !== 'never fetched');
  if (identity.length) {
    console.log(`served uncompressed, counted at their brotli size: ${identity.map((row) => row.what).join(', ')}`);
  }

  const checks = [
    ['before interaction (brotli)', before.brotli, BUDGET.beforeInteraction],
    ['whole widget (brotli)', whole.brotli, BUDGET.whole],
  ];
  console.log('');
  printTable(
    ['budget', 'measured', 'limit', 'verdict'],
    checks.map(([name, measured, limit]) => [name, kb(measured), kb(limit), verdict(measured <= limit)]),
    { right: [1, 2] },
  );
  return checks.every(([, measured, limit]) => measured <= limit);
}

async function main() {
  // The demo configuration as a site owner would write it for this mode: nothing is rewritten on its
  // way to the page, so the configuration is counted as served.
  const server = await startServer({ load: 'interaction' });
  let files;
  let requests;
  try {
    files = shippedFiles(server.widgetDir);
    requests = await recordWidgetRequests(server.origin);
  } finally {
    await server.stop();
  }
  const withinBudget = report(files, requests);
  if (!withinBudget) console.error('\nsize budget exceeded');
  return withinBudget ? 0 : 1;
}

main().then(
  (status) => { process.exitCode = status; },
  (error) => {
    console.error(`size-budget: ${error.stack || error}`);
    process.exitCode = 2;
  },
);
