// The statistics and formatting the benchmark tables rely on. Run: node --test bench/
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kb, median, parseRuns, signed } from './report.mjs';

test('the median of an odd count is the middle value and of an even count the mean of the middle two', () => {
  const cases = [
    [[7], 7],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[120, 95, 188, 94, 79], 95],
  ];
  for (const [values, expected] of cases) assert.equal(median(values), expected, String(values));
});

test('the median refuses an empty list instead of inventing a figure', () => {
  assert.throws(() => median([]), /no values/);
});

test('deltas carry their sign, and zero reads as plus-minus', () => {
  const cases = [
    [3, String, '+3'],
    [-2, String, '−2'],
    [0, (value) => value.toFixed(3), '±0.000'],
  ];
  for (const [value, format, expected] of cases) assert.equal(signed(value, format), expected);
});

test('sizes are kibibytes with one decimal, the unit of the budgets', () => {
  assert.equal(kb(15 * 1024), '15.0 KB');
  assert.equal(kb(6041), '5.9 KB');
});

test('the runs option takes a positive whole number and otherwise falls back to the default', () => {
  assert.equal(parseRuns([], 5), 5);
  assert.equal(parseRuns(['--runs', '3'], 5), 3);
  for (const bad of ['0', '-1', '2.5', 'many']) assert.throws(() => parseRuns(['--runs', bad], 5), /positive whole number/);
  assert.throws(() => parseRuns(['--runs'], 5), /positive whole number/);
});
