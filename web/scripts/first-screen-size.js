// Measures the gzip size of the JavaScript a browser downloads for the first screens:
// sign-in, the project list, and the first project page (layout + overview).
// Usage: node web/scripts/first-screen-size.js  (after `npm run build:web`)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = join(import.meta.dirname, '../dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));

const SCREENS = {
  'sign-in': ['index.html', 'src/modules/platform/LoginPage.tsx'],
  'project list': ['index.html', 'src/modules/platform/ProjectListPage.tsx'],
  'first project page': ['index.html', 'src/modules/platform/ProjectLayout.tsx', 'src/modules/platform/OverviewPage.tsx'],
};

function closure(keys, seen = new Set()) {
  for (const key of keys) {
    if (seen.has(key)) continue;
    const entry = manifest[key];
    if (!entry) throw new Error(`not in manifest: ${key}`);
    seen.add(key);
    closure(entry.imports ?? [], seen);
  }
  return seen;
}

const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function report(name, keys) {
  const files = [...closure(keys)].map((k) => manifest[k].file).filter((f) => f.endsWith('.js'));
  const total = files.reduce((sum, f) => sum + gz(f), 0);
  console.log(`${name.padEnd(44)} ${kb(total).padStart(10)}  (${files.length} files)`);
  return new Set(files);
}

const sets = Object.fromEntries(Object.entries(SCREENS).map(([name, keys]) => [name, report(name, keys)]));
const unionOf = (label, names) => {
  const files = new Set(names.flatMap((n) => [...sets[n]]));
  const total = [...files].reduce((sum, f) => sum + gz(f), 0);
  console.log(`${label.padEnd(44)} ${kb(total).padStart(10)}  (${files.size} files)`);
  return files;
};
unionOf('sign-in + first project page (budget 400 KB)', ['sign-in', 'first project page']);
const all = unionOf('sign-in + project list + first project page', Object.keys(SCREENS));
for (const f of [...all].sort((a, b) => gz(b) - gz(a))) console.log(`  ${f.padEnd(48)} ${kb(gz(f)).padStart(10)}`);
