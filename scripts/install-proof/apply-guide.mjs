#!/usr/bin/env node
/*
 * Applies the runnable steps of docs/install.md to a Backstage app, in the guide's order.
 *
 *   node apply-guide.mjs <guide.md> <app dir> [--list] [--timings <file>] [--log <file>]
 *       [--bump-manifest <release manifest.json>] [--bump-cli <backstage-cli bin>]
 *
 * A step is a fenced code block whose info string, after the language, says what to do
 * with it (a Markdown renderer only reads the language, so a reader sees plain code):
 *
 *   ```bash step                  commands, run with bash -euo pipefail from the app's root
 *   ```bash step=bump             `yarn backstage-cli versions:bump …`; see below
 *   ```ts file=F before="TEXT"    the block goes before the statement of F that contains TEXT
 *   ```ts file=F after="TEXT"     … after that statement
 *   ```ts file=F replace="TEXT"   … in place of that statement
 *   ```yaml file=F merge          merged into the YAML file F (maps deeply; list items
 *                                 that are not there yet are appended; comments are kept)
 *
 * In ts/tsx blocks, the import declarations go to the top of the file, joined with an
 * existing `import { … } from` the same module; the rest goes where the block says. TEXT
 * must occur exactly once in F, so a guide that no longer fits the app fails loudly.
 *
 * `step=bump` is run with the backstage-cli given by --bump-cli (the app is not installed
 * yet) and the release manifest given by --bump-manifest (versions:bump reads it from
 * BACKSTAGE_MANIFEST_FILE instead of fetching it), with --skip-install --skip-migrate:
 * the packages are installed by the guide's next steps.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

const args = process.argv.slice(2);
const opt = name => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const [value] = args.splice(i, 2).slice(1);
  return value;
};
const list = args.includes('--list');
if (list) args.splice(args.indexOf('--list'), 1);
const timingsFile = opt('--timings');
const logFile = opt('--log');
const bumpManifest = opt('--bump-manifest');
const bumpCli = opt('--bump-cli');
const [guideFile, appDir] = args;
if (!guideFile || (!appDir && !list)) {
  console.error(
    'usage: apply-guide.mjs <guide.md> <app dir> [--list] [--timings f] [--bump-manifest f] [--bump-cli f]',
  );
  process.exit(2);
}

class GuideError extends Error {}

// ---------------------------------------------------------------------------------------
// Reading the guide

function parseInfo(info) {
  const attrs = {};
  const re = /([\w-]+)(?:=(?:"((?:[^"\\]|\\.)*)"|(\S+)))?/g;
  let m;
  while ((m = re.exec(info))) {
    attrs[m[1]] =
      m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3] ?? true;
  }
  return attrs;
}

export function readSteps(markdown) {
  const lines = markdown.split('\n');
  const steps = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})(\S*)\s*(.*)$/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, lang, info] = open;
    const body = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      if (lines[j].trim() === fence) break;
      body.push(
        lines[j].startsWith(indent) ? lines[j].slice(indent.length) : lines[j],
      );
    }
    if (j >= lines.length)
      throw new GuideError(`line ${i + 1}: code block not closed`);
    const attrs = parseInfo(info);
    if (attrs.step !== undefined || attrs.file !== undefined) {
      steps.push({ line: i + 1, lang, attrs, code: `${body.join('\n')}\n` });
    }
    i = j;
  }
  return steps;
}

// ---------------------------------------------------------------------------------------
// TypeScript edits

/** Splits a ts block into its leading import declarations and the rest. */
function splitImports(code) {
  const imports = [];
  let rest = code;
  const re = /^\s*(import\s+(?:[\s\S]*?\s+from\s+)?['"][^'"]+['"];?)[ \t]*\n?/;
  let m;
  while ((m = re.exec(rest))) {
    imports.push(m[1].endsWith(';') ? m[1] : `${m[1]};`);
    rest = rest.slice(m[0].length);
  }
  return { imports, rest: rest.replace(/^\s*\n/, '') };
}

function namedImport(decl) {
  const m = /^import\s+\{([^}]*)\}\s+from\s+['"]([^'"]+)['"];?$/.exec(
    decl.trim(),
  );
  if (!m) return undefined;
  return {
    names: m[1]
      .split(',')
      .map(s => s.trim())
      .filter(Boolean),
    from: m[2],
  };
}

function formatNamed(names, from) {
  const one = `import { ${names.join(', ')} } from '${from}';`;
  return one.length <= 80
    ? one
    : `import {\n${names.map(n => `  ${n},\n`).join('')}} from '${from}';`;
}

function addImports(source, imports) {
  let text = source;
  for (const decl of imports) {
    const wanted = namedImport(decl);
    if (wanted) {
      const esc = wanted.from.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      const existing = new RegExp(
        `^import\\s+\\{([^}]*)\\}\\s+from\\s+['"]${esc}['"];?[ \\t]*$`,
        'm',
      ).exec(text);
      if (existing) {
        const have = namedImport(existing[0]);
        const names = [
          ...have.names,
          ...wanted.names.filter(n => !have.names.includes(n)),
        ];
        text = text.replace(existing[0], formatNamed(names, wanted.from));
        continue;
      }
    }
    if (text.includes(decl)) continue;
    // After the last import declaration at the top of the file.
    const lines = text.split('\n');
    let insertAt = 0;
    let inImport = false;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i];
      if (/^import\s/.test(l)) inImport = !/['"];?\s*$/.test(l);
      else if (inImport) inImport = !/from\s+['"][^'"]+['"];?\s*$/.test(l);
      else continue;
      if (!inImport) insertAt = i + 1;
    }
    const formatted = wanted ? formatNamed(wanted.names, wanted.from) : decl;
    lines.splice(insertAt, 0, formatted);
    text = lines.join('\n');
  }
  return text;
}

/** The whole lines [start, end] of the statement that contains the only match of needle. */
function statementAround(source, needle, file) {
  const first = source.indexOf(needle);
  if (first < 0) throw new GuideError(`${file} has no "${needle}"`);
  if (source.indexOf(needle, first + 1) >= 0) {
    throw new GuideError(`${file} has "${needle}" more than once`);
  }
  const lines = source.split('\n');
  const at = source.slice(0, first).split('\n').length - 1;
  const balanced = (s, e) => {
    let depth = 0;
    for (const ch of lines.slice(s, e + 1).join('\n')) {
      if ('([{'.includes(ch)) depth++;
      if (')]}'.includes(ch) && --depth < 0) return false;
    }
    return depth === 0;
  };
  for (let size = 0; size < 15; size++) {
    for (let s = Math.max(0, at - size); s <= at; s++) {
      const e = s + size;
      if (e < at || e >= lines.length) continue;
      if (balanced(s, e) && /;\s*(\/\/.*)?$/.test(lines[e]))
        return { lines, start: s, end: e };
    }
  }
  throw new GuideError(`${file}: no statement found around "${needle}"`);
}

function editTs(source, step, file) {
  const { imports, rest } = splitImports(step.code);
  let text = source;
  const body = rest.replace(/\n+$/, '');
  const { before, after, replace } = step.attrs;
  const anchor = before ?? after ?? replace;
  if (body) {
    if (anchor === undefined)
      throw new GuideError(
        `line ${step.line}: say before=, after= or replace=`,
      );
    if (text.includes(body) && replace === undefined) {
      console.log(`    (already there)`);
    } else {
      const { lines, start, end } = statementAround(text, anchor, file);
      const insert = body.split('\n');
      if (before !== undefined) lines.splice(start, 0, ...insert);
      else if (after !== undefined) lines.splice(end + 1, 0, ...insert);
      else lines.splice(start, end - start + 1, ...insert);
      text = lines.join('\n');
    }
  } else if (replace !== undefined) {
    const { lines, start, end } = statementAround(text, replace, file);
    lines.splice(start, end - start + 1);
    text = lines.join('\n');
  }
  return addImports(text, imports);
}

// ---------------------------------------------------------------------------------------
// YAML merge, keeping the file's comments

function mergeYaml(source, code, file) {
  const doc = YAML.parseDocument(source);
  if (doc.errors.length)
    throw new GuideError(`${file}: ${doc.errors[0].message}`);
  // The block is read as a document too, so that its nodes keep the guide's style.
  const patch = YAML.parseDocument(code);
  if (patch.errors.length)
    throw new GuideError(`the block: ${patch.errors[0].message}`);
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  const walk = (node, at) => {
    const current = doc.getIn(at, true);
    const empty =
      current === undefined ||
      (YAML.isScalar(current) && current.value === null);
    if (YAML.isMap(node)) {
      if (empty) return doc.setIn(at, node.clone());
      if (!YAML.isMap(current))
        throw new GuideError(`${file}: ${at.join('.')} is not a map`);
      for (const pair of node.items)
        walk(pair.value, [
          ...at,
          YAML.isScalar(pair.key) ? pair.key.value : pair.key,
        ]);
    } else if (YAML.isSeq(node)) {
      if (empty) return doc.setIn(at, node.clone());
      if (!YAML.isSeq(current))
        throw new GuideError(`${file}: ${at.join('.')} is not a list`);
      const have = current.toJSON();
      for (const item of node.items) {
        if (!have.some(h => same(h, item.toJSON())))
          current.items.push(item.clone());
      }
    } else {
      doc.setIn(at, node.clone());
    }
    return undefined;
  };
  walk(patch.contents, []);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

// ---------------------------------------------------------------------------------------
// Running

// Commands write to --log (when given), so that the proof's output stays readable.
function run(command, env = {}) {
  const out = logFile ? fs.openSync(logFile, 'a') : 'inherit';
  if (logFile) fs.appendFileSync(logFile, `\n$ ${command.trim()}\n`);
  const r = spawnSync('bash', ['-euo', 'pipefail', '-c', command], {
    cwd: appDir,
    stdio: ['ignore', out, out],
    env: { ...process.env, ...env },
  });
  if (logFile) fs.closeSync(out);
  if (r.status !== 0) {
    if (logFile) {
      const tail = fs.readFileSync(logFile, 'utf8').trimEnd().split('\n');
      console.error(tail.slice(-40).join('\n'));
      console.error(`    (the whole output: ${logFile})`);
    }
    throw new GuideError(`the command failed (exit ${r.status ?? r.signal})`);
  }
}

function describe(step) {
  const a = step.attrs;
  if (a.file) {
    const where = a.merge
      ? 'merge'
      : a.before !== undefined
      ? `before "${a.before}"`
      : a.after !== undefined
      ? `after "${a.after}"`
      : a.replace !== undefined
      ? `replace "${a.replace}"`
      : '?';
    return `${a.file}: ${where}`;
  }
  const first = step.code.trim().split('\n')[0];
  return `${a.step === true ? 'run' : a.step}: ${first}${
    step.code.trim().includes('\n') ? ' …' : ''
  }`;
}

const steps = readSteps(fs.readFileSync(guideFile, 'utf8'));
if (list) {
  for (const s of steps)
    console.log(`${String(s.line).padStart(4)}  ${describe(s)}`);
  process.exit(0);
}

const timings = [];
try {
  for (const step of steps) {
    const started = Date.now();
    console.log(`\n--> docs line ${step.line}: ${describe(step)}`);
    const { attrs } = step;
    if (attrs.file) {
      const file = path.join(appDir, attrs.file);
      if (!fs.existsSync(file))
        throw new GuideError(`${attrs.file} does not exist in the app`);
      const before = fs.readFileSync(file, 'utf8');
      let after;
      if (attrs.merge) {
        if (!/^ya?ml$/.test(step.lang))
          throw new GuideError('merge is for yaml blocks');
        after = mergeYaml(before, step.code, attrs.file);
      } else if (/^(ts|tsx|js|jsx)$/.test(step.lang)) {
        after = editTs(before, step, attrs.file);
      } else {
        throw new GuideError(`no way to apply a ${step.lang} block to a file`);
      }
      fs.writeFileSync(file, after);
    } else if (attrs.step === 'bump') {
      if (!bumpCli || !bumpManifest)
        throw new GuideError('step=bump needs --bump-cli and --bump-manifest');
      const cmd = step.code.trim();
      if (!/^yarn backstage-cli versions:bump\b/.test(cmd)) {
        throw new GuideError(
          `step=bump expects "yarn backstage-cli versions:bump …", found: ${cmd}`,
        );
      }
      const proofCmd = `${cmd.replace(
        /^yarn backstage-cli/,
        `node ${bumpCli}`,
      )} --skip-install --skip-migrate`;
      console.log(
        `    as: BACKSTAGE_MANIFEST_FILE=${bumpManifest} ${proofCmd}`,
      );
      run(proofCmd, { BACKSTAGE_MANIFEST_FILE: bumpManifest });
    } else if (step.lang === 'bash' || step.lang === 'sh') {
      run(step.code);
    } else {
      throw new GuideError(`no way to run a ${step.lang} step`);
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(`    done in ${seconds.toFixed(1)} s`);
    timings.push({ line: step.line, what: describe(step), seconds });
  }
} catch (e) {
  const step = steps[timings.length];
  const where = step ? `line ${step.line}: ${describe(step)}` : 'the guide';
  console.error(`\nFAILED at ${guideFile} ${where}\n  ${e.message}`);
  if (!(e instanceof GuideError)) console.error(e.stack);
  process.exitCode = 1;
} finally {
  if (timingsFile)
    fs.writeFileSync(timingsFile, JSON.stringify(timings, null, 2));
}
