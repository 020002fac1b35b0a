#!/usr/bin/env node
// What the widget costs the demo page in Lighthouse: the same page measured with the widget and
// without it, npm lighthouse driving Debian's Chromium with its default (mobile) preset: a Moto G
// Power-sized screen, simulated slow 4G (150 ms RTT, 1.6 Mbit/s) and 4× CPU slowdown. 5 runs of each,
// alternated so that drift on a shared machine affects both alike, each run in a fresh Chromium;
// medians, and the deltas of the medians against the targets (score −1 at most, Total Blocking Time
// +10 ms at most, Cumulative Layout Shift +0). Largest Contentful Paint is printed for context.
//
// "Without" is the same page with the widget's requests blocked (Lighthouse's blockedUrlPatterns:
// `*/widget/*` and `*/contact.json`): the script tag stays, its download fails, nothing else changes.
// The widget bytes Lighthouse saw in each run are printed as a check that blocking did its job and
// that the "with" runs include the idle-time download of the wasm.
//
// A script that prints figures, not a test: exit 0 when it measured (MISS lines included), 2 when it
// could not. Usage: node bench/lighthouse.mjs [--runs N]   (default 5 per variant)
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, isHostPageRequest } from './lib/browser.mjs';
import { hostLoad, kb, median, ms, parseRuns, printTable, signed, verdict } from './lib/report.mjs';
import { startServer } from './lib/server.mjs';

const WIDGET_PATTERNS = ['*/widget/*', '*/contact.json'];
const VARIANTS = {
  without: { blockedUrlPatterns: WIDGET_PATTERNS },
  with: { blockedUrlPatterns: [] },
};

/** `url` without `origin`, so the page's own files read as paths. */
const displayUrl = (url, origin) => (url.startsWith(origin) ? url.slice(origin.length) || '/' : url);

/** One Lighthouse run in a fresh Chromium; resolves to the figures this benchmark reports. */
async function measure(url, origin, variant) {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: [...CHROMIUM_FLAGS, '--headless=new'],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
      ...VARIANTS[variant],
    });
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const metric = (id) => {
      const value = lhr.audits[id].numericValue;
      if (typeof value !== 'number') throw new Error(`Lighthouse reported no ${id}`);
      return value;
    };
    const widgetRequests = lhr.audits['network-requests'].details.items.filter((item) => !isHostPageRequest(item.url, origin));
    return {
      score: Math.round(lhr.categories.performance.score * 100),
      tbt: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'),
      lcp: metric('largest-contentful-paint'),
      widgetBytes: widgetRequests.reduce((sum, item) => sum + (item.transferSize || 0), 0),
      wasmFetched: widgetRequests.some((item) => new URL(item.url).pathname.endsWith('.wasm') && item.transferSize > 0),
      // Which script each long task belongs to, as Lighthouse attributes it (simulated durations): the
      // evidence for where blocking time comes from.
      longTasks: (lhr.audits['long-tasks']?.details?.items ?? [])
        .map((item) => `${displayUrl(item.url, origin)} ${ms(item.duration)} at ${ms(item.startTime)}`),
      benchmarkIndex: lhr.environment.benchmarkIndex,
      version: lhr.lighthouseVersion,
      warnings: lhr.runWarnings,
    };
  } finally {
    await chrome.kill();
  }
}

async function main() {
  const runs = parseRuns(process.argv.slice(2), 5);
  const results = { without: [], with: [] };
  const loadBefore = hostLoad();
  const server = await startServer();
  try {
    const url = `${server.origin}/`;
    for (let run = 0; run < runs; run += 1) {
      for (const variant of run % 2 ? ['with', 'without'] : ['without', 'with']) {
        const figures = await measure(url, server.origin, variant);
        results[variant].push(figures);
        process.stderr.write(`  ${variant} #${results[variant].length}: score ${figures.score}, TBT ${ms(figures.tbt)}, `
          + `CLS ${figures.cls.toFixed(3)}, LCP ${ms(figures.lcp)}, widget ${kb(figures.widgetBytes)}\n`);
        for (const warning of figures.warnings) process.stderr.write(`    warning: ${warning}\n`);
        if (figures.longTasks.length) process.stderr.write(`    long tasks: ${figures.longTasks.join('; ')}\n`);
      }
    }
  } finally {
    await server.stop();
  }

  const medianOf = (variant, key) => median(results[variant].map((figures) => figures[key]));
  // CLS is compared as Lighthouse displays it (3 decimals), so float noise is not a layout shift.
  const cls = (value) => value.toFixed(3);
  const rows = [
    ['Performance score', 'score', String, (delta) => delta >= -1, '>= −1'],
    ['Total Blocking Time', 'tbt', ms, (delta) => delta <= 10, '<= +10 ms'],
    ['Cumulative Layout Shift', 'cls', cls, (delta) => Number(cls(delta)) <= 0, '+0'],
    ['Largest Contentful Paint', 'lcp', ms, null, '-'],
  ].map(([name, key, format, met, target]) => {
    const without = medianOf('without', key);
    const withWidget = medianOf('with', key);
    const delta = withWidget - without;
    return [name, format(without), format(withWidget), signed(delta, format), target, met ? verdict(met(delta)) : ''];
  });

  console.log(`Lighthouse ${results.with[0].version} (mobile preset, simulated throttling), demo page, `
    + `${new Date().toISOString().slice(0, 10)}, medians of ${runs} runs each`);
  console.log(`host: Lighthouse CPU benchmark index ${Math.round(medianOf('with', 'benchmarkIndex'))}; `
    + `${loadBefore} before, ${hostLoad()} after\n`);
  printTable(['metric', 'without widget', 'with widget', 'delta', 'target', 'verdict'], rows, { right: [1, 2, 3] });
  console.log('');
  for (const variant of ['without', 'with']) {
    const list = results[variant];
    console.log(`${variant} widget: scores ${list.map((f) => f.score).join(', ')}; TBT ${list.map((f) => Math.round(f.tbt)).join(', ')} ms; `
      + `widget bytes transferred ${list.map((f) => kb(f.widgetBytes)).join(', ')}; `
      + `wasm fetched in ${list.filter((f) => f.wasmFetched).length} of ${list.length} runs`);
    list.forEach((figures, index) => {
      if (figures.longTasks.length) console.log(`  run ${index + 1} long tasks: ${figures.longTasks.join('; ')}`);
    });
  }
}

main().catch((error) => {
  console.error(`lighthouse: ${error.stack || error}`);
  process.exitCode = 2;
});
