#!/usr/bin/env node
/*
 * Writes a Backstage release manifest ({ releaseVersion, packages: [{ name, version }] })
 * for `backstage-cli versions:bump`, which reads it from BACKSTAGE_MANIFEST_FILE instead
 * of fetching it from the Backstage versions service (not reachable from this machine).
 *
 *   node release-manifest.mjs <app dir> <out.json>
 *
 * The release is the one this repository is built against (its backstage.json). Every
 * @backstage package installed here (node_modules/@backstage/*) is taken at its installed
 * version. A @backstage package the app uses that this repository does not have is looked
 * up with `npm view`: its newest version whose @backstage dependencies are all satisfied
 * by the versions above, so that it belongs to the same release.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

const ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);
const [appDir, outFile] = process.argv.slice(2);
if (!appDir || !outFile) {
  console.error('usage: release-manifest.mjs <app dir> <out.json>');
  process.exit(2);
}

const readJson = file => JSON.parse(fs.readFileSync(file, 'utf8'));
const releaseVersion = readJson(path.join(ROOT, 'backstage.json')).version;

const known = new Map();
const scopeDir = path.join(ROOT, 'node_modules/@backstage');
for (const dir of fs.readdirSync(scopeDir)) {
  const file = path.join(scopeDir, dir, 'package.json');
  if (fs.existsSync(file)) {
    const { name, version } = readJson(file);
    known.set(name, version);
  }
}

// The @backstage packages the app's package.json files name.
const wanted = new Set();
const pkgFiles = [path.join(appDir, 'package.json')];
for (const group of ['packages', 'plugins']) {
  const dir = path.join(appDir, group);
  if (!fs.existsSync(dir)) continue;
  for (const d of fs.readdirSync(dir)) {
    const f = path.join(dir, d, 'package.json');
    if (fs.existsSync(f)) pkgFiles.push(f);
  }
}
for (const f of pkgFiles) {
  const pkg = readJson(f);
  for (const t of ['dependencies', 'devDependencies', 'peerDependencies']) {
    for (const name of Object.keys(pkg[t] ?? {})) {
      if (name.startsWith('@backstage/')) wanted.add(name);
    }
  }
}

const npmView = (...args) =>
  JSON.parse(
    execFileSync('npm', ['view', ...args, '--json'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }) || 'null',
  );

// Whether every @backstage dependency of a version is met by the release's versions.
const fits = deps =>
  Object.entries(deps ?? {}).every(
    ([dep, range]) =>
      !known.has(dep) ||
      !semver.validRange(range) ||
      semver.satisfies(known.get(dep), range),
  );

const looked = [];
for (const name of [...wanted].sort()) {
  if (known.has(name)) continue;
  const latest = npmView(name, 'version', 'dependencies', 'peerDependencies');
  let version;
  if (fits(latest.dependencies) && fits(latest.peerDependencies)) {
    version = latest.version;
  } else {
    const versions = npmView(name, 'versions')
      .filter(v => !semver.prerelease(v) && semver.lt(v, latest.version))
      .sort(semver.rcompare)
      .slice(0, 8);
    for (const v of versions) {
      const info = npmView(`${name}@${v}`, 'dependencies', 'peerDependencies');
      if (fits(info?.dependencies) && fits(info?.peerDependencies)) {
        version = v;
        break;
      }
    }
  }
  if (!version) {
    throw new Error(
      `No version of ${name} fits Backstage ${releaseVersion} (latest ${latest.version})`,
    );
  }
  looked.push(`${name}@${version}`);
  known.set(name, version);
}

const manifest = {
  releaseVersion,
  packages: [...known].sort().map(([name, version]) => ({ name, version })),
};
fs.writeFileSync(outFile, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(
  `Release manifest ${releaseVersion}: ${manifest.packages.length} packages` +
    ` (${known.size - looked.length} from this repository, ${
      looked.length
    } looked up: ${looked.join(', ')})`,
);
