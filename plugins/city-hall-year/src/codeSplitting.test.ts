import fs from 'node:fs';
import path from 'node:path';

/**
 * The modules a bundler must load with `file`: everything it imports statically, file
 * by file (`import type` and `import()` excluded). Re-exports are followed in full,
 * whether or not a bundler could shake them off, so the answer does not depend on it.
 */
function staticGraph(file: string) {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [file];
  while (pending.length) {
    const current = pending.pop()!;
    if (files.has(current)) continue;
    files.add(current);
    const source = fs.readFileSync(current, 'utf8');
    const specifiers = [
      ...source.matchAll(
        /^(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm,
      ),
    ].map(m => m[1]);
    for (const specifier of specifiers) {
      if (!specifier.startsWith('.')) {
        const parts = specifier.split('/');
        packages.add(
          specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0],
        );
        continue;
      }
      const base = path.resolve(path.dirname(current), specifier);
      const resolved = [
        base,
        `${base}.ts`,
        `${base}.tsx`,
        path.join(base, 'index.ts'),
        path.join(base, 'index.tsx'),
      ].find(
        candidate =>
          fs.existsSync(candidate) && fs.statSync(candidate).isFile(),
      );
      if (!resolved) throw new Error(`${current}: cannot resolve ${specifier}`);
      if (!resolved.endsWith('.json')) pending.push(resolved);
    }
  }
  const relative = [...files].map(f => path.relative(__dirname, f));
  return { files: relative, packages };
}

const components = (graph: { files: string[] }) =>
  new Set(
    graph.files
      .filter(f => f.startsWith('components/'))
      .map(f => f.split('/')[1]),
  );

describe('code splitting', () => {
  const yearPage = staticGraph(
    path.join(__dirname, 'components/Router/Router.tsx'),
  );

  it('opens the year page without the editor, import and export, charts, diffs or markdown', () => {
    for (const heavy of [
      '@mui/x-charts',
      'react-markdown',
      'remark-gfm',
      'remark-cjk-friendly',
      'diff',
    ])
      expect(yearPage.packages).not.toContain(heavy);
    for (const page of [
      'EntryEditor',
      'ImportExportPage',
      'ClarityChart',
      'ClarityPage',
      'CourseEditor',
      'TextDiff',
      'FieldsDiff',
      'EntryHistory',
      'EntryPage',
      'PrintPage',
      'Proposals',
      'GuideMarkdown',
    ])
      expect(components(yearPage)).not.toContain(page);
  });

  it('still draws the year itself: the timeline, the month list and the wheel', () => {
    for (const view of ['YearPage', 'Timeline', 'MonthList', 'YearWheel'])
      expect(components(yearPage)).toContain(view);
  });

  it.each([
    ['EntryEditor', '@mui/x-charts', false],
    ['EntryEditor', 'react-markdown', true],
    ['ClarityPage', '@mui/x-charts', true],
    ['EntryHistory', 'diff', true],
  ])(
    'finds what the %s page needs (%s: %s), so the graph above is read right',
    (page, pkg, expected) => {
      const graph = staticGraph(
        path.join(__dirname, 'components', page, 'index.ts'),
      );
      expect(graph.packages.has(pkg)).toBe(expected);
    },
  );
});
