/*
 * Preloaded into the proof's backend (NODE_OPTIONS=--require …): records every module
 * that Node resolves from outside the app, in INSTALL_PROOF_LEAK_LOG. The proof's app
 * lives inside this repository (.data/install-proof), so a dependency missing from the
 * app would otherwise be found, silently, in this repository's node_modules.
 *
 * Lines starting with "schema " are package.json look-ups of @backstage/config-loader,
 * which follows the devDependencies of every package while it collects config schemas:
 * in an app of its own those simply do not resolve. They load no code; the proof counts
 * them but does not fail on them. Every other line is a failure.
 */
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');

const appDir = process.env.INSTALL_PROOF_APP_DIR;
const log = process.env.INSTALL_PROOF_LEAK_LOG;
if (appDir && log) {
  const inside = path.resolve(appDir) + path.sep;
  const nodeModules = `${path.sep}node_modules${path.sep}`;
  const seen = new Set();
  const original = Module._resolveFilename;
  Module._resolveFilename = function resolveFilename(request, parent, ...rest) {
    const file = original.call(this, request, parent, ...rest);
    if (
      path.isAbsolute(file) &&
      !file.startsWith(inside) &&
      file.includes(nodeModules) &&
      !seen.has(file)
    ) {
      seen.add(file);
      const from = parent?.filename ?? '?';
      const schema =
        request.endsWith('/package.json') &&
        from.includes(
          `${path.sep}@backstage${path.sep}config-loader${path.sep}`,
        );
      fs.appendFileSync(
        log,
        `${
          schema ? 'schema' : 'code'
        } ${file} (required as '${request}' by ${from})\n`,
      );
    }
    return file;
  };
}
