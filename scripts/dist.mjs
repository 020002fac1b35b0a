#!/usr/bin/env node
// Assembles dist/widget/ from the optimised wasm, its wasm-bindgen glue, the stylesheet and the loader:
// minifies the glue and the loader (terser) and the stylesheet (csso), content-hashes everything but the
// loader (so those files can be cached forever), points the glue and the loader at the hashed names,
// writes .br and .gz siblings for the server to pick by Accept-Encoding, removes files of earlier builds
// and prints a size table. The budgets are checked by bench/size-budget.mjs, which measures what a
// browser really fetches (the suite runs it).
//
// Called by scripts/build-widget.sh:
//   node scripts/dist.mjs --wasm W --glue G --css C --loader L --locales J --out dist/widget
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { minify as minifyCss } from 'csso';
import { minify } from 'terser';

const HASH_HEX_DIGITS = 10;

const say = (message) => console.log(`\x1b[1;34m[dist]\x1b[0m ${message}`);
const fail = (message) => {
  console.error(`\x1b[1;31m[dist]\x1b[0m ${message}`);
  process.exit(1);
};

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) fail(`unexpected argument ${argv[i]}`);
    args[argv[i].slice(2)] = argv[i + 1];
  }
  for (const name of ['wasm', 'glue', 'css', 'loader', 'locales', 'out']) {
    if (!args[name]) fail(`missing --${name}`);
  }
  return args;
}

const hashed = (stem, extension, content) =>
  `${stem}-${createHash('sha256').update(content).digest('hex').slice(0, HASH_HEX_DIGITS)}.${extension}`;

/** Replaces `from` with `to` exactly `times` times, or stops the build: a silent miss ships a broken widget. */
function replaceExactly(text, from, to, times, what) {
  const found = text.split(from).length - 1;
  if (found !== times) fail(`${what}: expected ${times} × ${JSON.stringify(from)}, found ${found}`);
  return text.split(from).join(to);
}

const compressors = {
  gz: (data) => zlib.gzipSync(data, { level: 9 }),
  br: (data) =>
    zlib.brotliCompressSync(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
};

/** Writes a file and its compressed siblings through temporary names, so a server never sees half a file. */
function writeWithSiblings(dir, name, data) {
  const sizes = { raw: data.length };
  const outputs = [[name, data]];
  for (const [extension, compress] of Object.entries(compressors)) {
    const packed = compress(data);
    sizes[extension] = packed.length;
    outputs.push([`${name}.${extension}`, packed]);
  }
  for (const [file, content] of outputs) {
    const target = path.join(dir, file);
    fs.writeFileSync(`${target}.tmp`, content);
    fs.renameSync(`${target}.tmp`, target);
  }
  return { names: outputs.map(([file]) => file), sizes };
}

/** Minifies shipped JavaScript with terser's safe defaults: local names shortened, comments and dead
 * branches dropped; property names and exports are kept, so the glue's import object and the loader's
 * `window.ContactWidget` API are untouched. */
async function minified(code, what, isModule) {
  try {
    const result = await minify(code, { module: isModule, compress: { passes: 2 }, format: { comments: false } });
    return result.code;
  } catch (error) {
    fail(`${what}: terser could not minify it: ${error.message}`);
  }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function printTable(rows) {
  const sum = (list, key) => list.reduce((total, row) => total + row.sizes[key], 0);
  const line = (label, raw, gz, br) =>
    `  ${label.padEnd(38)}${raw.padStart(10)}${gz.padStart(10)}${br.padStart(10)}`;
  const total = (label, list) => line(label, kb(sum(list, 'raw')), kb(sum(list, 'gz')), kb(sum(list, 'br')));
  const early = rows.filter((row) => row.early);
  console.log(line('file', 'raw', 'gzip', 'brotli'));
  for (const row of rows) {
    console.log(line(`${row.name} (${row.role})`, kb(row.sizes.raw), kb(row.sizes.gz), kb(row.sizes.br)));
  }
  console.log(total('before interaction (loader + css)', early));
  console.log(total('whole widget', rows));
}

const args = parseArgs(process.argv.slice(2));
const read = (file) => fs.readFileSync(file);

say('content-hashing the wasm, the glue and the stylesheet');
const wasm = read(args.wasm);
const wasmName = hashed('contact-widget', 'wasm', wasm);
// The loader passes the wasm URL explicitly; the glue's own default is pointed at the hashed name too,
// so the glue also works when imported on its own.
const glueSource = replaceExactly(read(args.glue).toString('utf8'), `'${path.basename(args.wasm)}'`, `'${wasmName}'`, 1, 'glue');
// Host pages with Trusted Types (`require-trusted-types-for 'script'`) block HTML sinks. Leptos uses
// innerHTML only for `view!` subtrees made entirely of literals ("inert" templates); if one slips in,
// wasm-bindgen imports the setter and the glue names it.
for (const sink of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write']) {
  if (glueSource.includes(sink)) {
    fail(`glue: the wasm uses ${sink}, which Trusted Types pages block; give the literal-only view! subtree a non-literal attribute (see widget/src/icons.rs)`);
  }
}
const glue = await minified(glueSource, 'glue', true);
const glueName = hashed('contact-widget', 'js', glue);
// Structure kept (restructure: false): only comments, white space and value spellings change, so the
// cascade the layout tests check is the one written in widget.css.
const css = Buffer.from(minifyCss(read(args.css).toString('utf8'), { restructure: false }).css);
const cssName = hashed('contact-widget', 'css', css);

say('pointing the loader at the hashed files');
let loader = read(args.loader).toString('utf8');
for (const [placeholder, name] of [['__CW_GLUE__', glueName], ['__CW_WASM__', wasmName], ['__CW_CSS__', cssName]]) {
  loader = replaceExactly(loader, `'${placeholder}'`, `'${name}'`, 1, 'loader');
}
// The launcher texts and language rule, generated from widget/core/locales/*.toml by contact-core's build.rs.
const locales = read(args.locales).toString('utf8');
try { JSON.parse(locales); } catch (error) { fail(`${args.locales} is not JSON: ${error.message}`); }
loader = replaceExactly(loader, '__CW_LOCALES__', locales, 1, 'loader');
if (/__CW_[A-Z]+__/.test(loader)) fail('loader: a __CW_ placeholder is left unreplaced');

say(`writing ${args.out}/ with .br (quality 11) and .gz (level 9) siblings`);
fs.mkdirSync(args.out, { recursive: true });
// Hashed files first and the loader last: a visitor who gets the new loader always finds its files.
const shipped = [
  { name: cssName, role: 'css', early: true, data: css },
  { name: glueName, role: 'glue', early: false, data: Buffer.from(glue) },
  { name: wasmName, role: 'wasm', early: false, data: wasm },
  { name: 'contact-widget.js', role: 'loader', early: true, data: Buffer.from(await minified(loader, 'loader', false)) },
];
const written = new Set();
const rows = shipped.map(({ name, role, early, data }) => {
  const { names, sizes } = writeWithSiblings(args.out, name, data);
  names.forEach((file) => written.add(file));
  return { name, role, early, sizes };
});

for (const file of fs.readdirSync(args.out)) {
  if (!written.has(file)) {
    say(`removing stale ${file}`);
    fs.rmSync(path.join(args.out, file), { recursive: true, force: true });
  }
}

const order = ['loader', 'css', 'glue', 'wasm'];
printTable(rows.sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role)));
say('budgets: node bench/size-budget.mjs (before interaction ≤ 15 KB, whole widget ≤ 80 KB brotli)');
