/**
 * An editable field's value as text for side-by-side reading: bilingual text as the
 * Japanese then the English, the FAQ as its questions and answers, anything else as
 * indented JSON.
 */
export function fieldText(value: unknown): string {
  if (value && typeof value === 'object' && 'ja' in value) {
    const { ja, en } = value as { ja: string; en?: string };
    return en ? `${ja}\n\n${en}` : ja;
  }
  if (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(v => v && typeof v === 'object' && 'question' in v)
  ) {
    // The FAQ as a reader sees it, not as JSON.
    return (value as Array<{ question: string; answer: string }>)
      .map(f => `Q. ${f.question}\nA. ${f.answer}`)
      .join('\n\n');
  }
  return JSON.stringify(value ?? null, null, 2);
}
