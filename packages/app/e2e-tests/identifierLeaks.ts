import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/** The names of the example organisation's Groups and Users (kaikei-ka, nakamura.emi). */
function organisationNames(): string[] {
  const file = path.resolve(
    __dirname,
    '../../../plugins/city-hall-year-backend/examples/org.yaml',
  );
  return parseAllDocuments(fs.readFileSync(file, 'utf8'))
    .map(doc => doc.toJSON() as { kind?: string; metadata?: { name?: string } })
    .filter(e => e && (e.kind === 'Group' || e.kind === 'User'))
    .map(e => e.metadata!.name!)
    .filter(Boolean);
}

/** Keys of an entry's fields that a person should never read as such. */
const FIELD_KEYS = [
  'whatHappens',
  'forNewStaff',
  'legalBasis',
  'relatedGroups',
  'dependsOn',
  'feedsInto',
  'concernsFiscalYear',
  'councilSession',
  'publishAt',
  'reminderDaysBefore',
  'confirmedFiscalYear',
  'title_ja',
  'what_happens_ja',
];

/**
 * What a page shows a person that is an identifier rather than a name: entity
 * references (`group:default/…`, `user:…`, `plugin:…`), the bare names of Groups and
 * Users (`kaikei-ka`, `nakamura.emi`), entries' slugs (`slugs`, e.g.
 * `shutsuno-seiri-kikan`), and the keys of fields. Text only (what is read), not
 * addresses or attributes.
 */
export function leaksIn(text: string, slugs: string[] = []): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/\b(group|user|plugin):[\w./-]+/g)) {
    found.add(m[0]);
  }
  for (const name of [...organisationNames(), ...slugs]) {
    const at = new RegExp(
      `(^|[^\\w.@/-])${name.replace(/\./g, '\\.')}($|[^\\w.@-])`,
    );
    if (at.test(text)) found.add(name);
  }
  for (const key of FIELD_KEYS) {
    if (new RegExp(`\\b${key}\\b`).test(text)) found.add(key);
  }
  return [...found].sort();
}
