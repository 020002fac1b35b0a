// Plain-text tables, the small statistics the benchmarks print, and their one option (--runs N).
//
// Guarantees: output is aligned plain text (readable in a terminal and in CI logs, pasteable into
// Markdown inside a code block), and a median of an even count is the mean of the middle two.
import os from 'node:os';

/** The number after `flag` in `argv`, else `fallback`; throws `flag` + `rule` when `isValid` refuses it. */
export function numberOption(argv, flag, fallback, isValid, rule) {
  const at = argv.indexOf(flag);
  const value = at === -1 ? fallback : Number(argv[at + 1]);
  if (!isValid(value)) throw new Error(`${flag} takes ${rule}`);
  return value;
}

/** The `--runs N` option (a positive whole number), else `fallback`. */
export const parseRuns = (argv, fallback) =>
  numberOption(argv, '--runs', fallback, (runs) => Number.isInteger(runs) && runs >= 1, 'a positive whole number');

/** The median of a non-empty list of numbers. */
export function median(values) {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Bytes as KiB with one decimal, the unit the budgets are written in ("15 KB" = 15 × 1024 bytes). */
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** Milliseconds, rounded to whole numbers: finer figures would be noise on these machines. */
export const ms = (value) => `${Math.round(value)} ms`;

/** A signed difference, so a delta reads "+3 ms" or "−2" at a glance. */
export const signed = (value, format = String) => (value > 0 ? '+' : value < 0 ? '−' : '±') + format(Math.abs(value));

/** The machine's load when a timing was taken: timings from a busy shared machine read differently. */
export const hostLoad = () => `load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs`;

/** `PASS` or `MISS`, the word every benchmark prints next to a target. */
export const verdict = (met) => (met ? 'PASS' : 'MISS');

/**
 * Prints `rows` (arrays of cells) under `header`, columns padded to the widest cell; columns listed
 * in `right` are right-aligned (numbers). A row that is `null` prints as a rule.
 */
export function printTable(header, rows, { right = [] } = {}) {
  const all = [header, ...rows.filter(Boolean)].map((row) => row.map(String));
  const widths = header.map((_, column) => Math.max(...all.map((row) => row[column].length)));
  const line = (row) => row
    .map((cell, column) => (right.includes(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
    .join('  ')
    .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  console.log(line(header.map(String)));
  console.log(rule);
  for (const row of rows) console.log(row ? line(row.map(String)) : rule);
}
