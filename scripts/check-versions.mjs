// What `backstage-cli versions:check` used to answer: every @backstage package of the
// lockfile resolves to exactly one version, so that the app runs one release
// (backstage.json). Exits non-zero and names the packages otherwise.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '..',
);
const lock = fs.readFileSync(path.join(root, 'yarn.lock'), 'utf8');
const versions = new Map();
for (const block of lock.split('\n\n')) {
  const name = block.match(/^"?(@backstage\/[^@"]+)@/m)?.[1];
  const version = block.match(/\n {2}version: (.+)/)?.[1];
  if (!name || !version) continue;
  versions.set(name, new Set([...(versions.get(name) ?? []), version]));
}
const doubled = [...versions].filter(([, v]) => v.size > 1);
const release = JSON.parse(
  fs.readFileSync(path.join(root, 'backstage.json'), 'utf8'),
).version;
if (doubled.length > 0) {
  for (const [name, v] of doubled) {
    console.error(`${name}: ${[...v].join(', ')}`);
  }
  console.error(
    `${doubled.length} @backstage packages resolve to more than one version; align their ranges (or pin in resolutions) for release ${release}`,
  );
  process.exit(1);
}
console.log(
  `Backstage ${release}: ${versions.size} @backstage packages, one version each`,
);
