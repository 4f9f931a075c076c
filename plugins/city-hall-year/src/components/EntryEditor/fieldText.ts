/**
 * An editable field's value as text for side-by-side reading: bilingual text as the
 * Japanese then the English, anything else as indented JSON.
 */
export function fieldText(value: unknown): string {
  if (value && typeof value === 'object' && 'ja' in value) {
    const { ja, en } = value as { ja: string; en?: string };
    return en ? `${ja}\n\n${en}` : ja;
  }
  return JSON.stringify(value ?? null, null, 2);
}
