// The built backend: `yarn workspace backend build` makes the bundle a container image
// holds; it is unpacked into .data/<name> and resolves third-party packages from the
// repository's node_modules (instead of a second install). Shared by the benchmark and
// the fault suite.
import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '../..',
);

export const sleep = ms => new Promise(r => setTimeout(r, ms));

/** Waits until `check` resolves truthy, asking once a second. */
export async function waitFor(check, seconds, what) {
  for (let i = 0; i < seconds; i++) {
    try {
      if (await check()) return;
    } catch {}
    await sleep(1000);
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** Builds the backend bundle and unpacks it; answers the folder to run it from. */
export function prepareBuiltBackend(name = 'built-backend') {
  execFileSync('yarn', ['workspace', 'backend', 'build'], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  const dist = path.join(ROOT, '.data', name);
  fs.rmSync(dist, { recursive: true, force: true });
  fs.mkdirSync(dist, { recursive: true });
  execFileSync('tar', [
    'xzf',
    path.join(ROOT, 'packages/backend/dist/bundle.tar.gz'),
    '-C',
    dist,
  ]);
  const ours = {
    '@city-hall-year/backstage-plugin-city-hall-year-backend':
      'plugins/city-hall-year-backend',
    '@city-hall-year/backstage-plugin-city-hall-year-common':
      'plugins/city-hall-year-common',
    app: 'packages/app',
    backend: 'packages/backend',
  };
  const modules = path.join(dist, 'node_modules');
  fs.mkdirSync(path.join(modules, '@city-hall-year'), { recursive: true });
  for (const entry of fs.readdirSync(path.join(ROOT, 'node_modules'))) {
    if (entry === '@city-hall-year' || entry === '.bin' || entry in ours)
      continue;
    fs.symlinkSync(
      path.join(ROOT, 'node_modules', entry),
      path.join(modules, entry),
    );
  }
  for (const [pkg, dir] of Object.entries(ours)) {
    fs.symlinkSync(path.join(dist, dir), path.join(modules, pkg));
  }
  for (const dir of Object.values(ours)) {
    const nested = path.join(ROOT, dir, 'node_modules');
    if (
      fs.existsSync(nested) &&
      !fs.existsSync(path.join(dist, dir, 'node_modules'))
    ) {
      fs.symlinkSync(nested, path.join(dist, dir, 'node_modules'));
    }
  }
  return dist;
}

/**
 * Starts the built backend with the app config and `extraConfig` (a YAML file) and the
 * environment plus `env`; its output goes to `log`. Answers the child process (its own
 * process group).
 */
export function startBuiltBackend(dist, extraConfig, log, env = {}) {
  return spawn(
    process.execPath,
    [
      'packages/backend',
      '--config',
      path.join(ROOT, 'app-config.yaml'),
      '--config',
      extraConfig,
    ],
    {
      cwd: dist,
      detached: true,
      env: { ...process.env, ...env },
      stdio: ['ignore', fs.openSync(log, 'a'), fs.openSync(log, 'a')],
    },
  );
}

/** Stops a process group: SIGKILL for a crash, SIGTERM for a shutdown. */
export async function stop(child, signal = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise(resolve => child.once('exit', resolve));
  try {
    process.kill(-child.pid, signal);
  } catch {}
  await Promise.race([exited, sleep(15000)]);
}

/** A token of an example user from the development sign-in provider. */
export async function token(base, user) {
  let result;
  await waitFor(
    async () => {
      const res = await fetch(`${base}/api/auth/demo/refresh?env=development`, {
        headers: { 'X-Requested-With': 'XMLHttpRequest', 'X-Demo-User': user },
      });
      if (!res.ok) return false;
      result = (await res.json()).backstageIdentity.token;
      return true;
    },
    180,
    `sign-in as ${user}`,
  );
  return result;
}

/**
 * The plugins' shared contract (`@city-hall-year/backstage-plugin-city-hall-year-common`) as the built
 * backend has it, so that scripts use its functions (e.g. `editableFields`) instead of
 * copies.
 */
export function builtCommon(dist) {
  return createRequire(path.join(dist, 'package.json'))(
    '@city-hall-year/backstage-plugin-city-hall-year-common',
  );
}
