import { TestApiProvider } from '@backstage/test-utils';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { cityHallYearApiRef } from '../api';
import { createFakeApi } from '../__testUtils__/fakeYear';

/** Just enough of an entry for the hook: it compares slugs. */
const entryOf = (slug: string) => ({ id: `id-${slug}`, slug, version: 1 });
import { useEntry } from './useEntry';

describe('useEntry', () => {
  it('never answers the previous entry for a new slug while the new one loads', async () => {
    const fake = createFakeApi();
    let release: () => void = () => {};
    const api = {
      ...fake,
      getEntry: async (slug: string) => {
        if (slug === 'shutsuno-heisa') {
          // The second entry arrives only when the test says so.
          await new Promise<void>(resolve => {
            release = resolve;
          });
        }
        return entryOf(slug) as any;
      },
    };
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider apis={[[cityHallYearApiRef, api]]}>
        {children}
      </TestApiProvider>
    );
    const { result, rerender } = renderHook(({ slug }) => useEntry(slug), {
      wrapper,
      initialProps: { slug: 'teiki-jinji-ido' },
    });
    await waitFor(() =>
      expect(result.current.value?.slug).toBe('teiki-jinji-ido'),
    );

    rerender({ slug: 'shutsuno-heisa' });
    expect(result.current.loading).toBe(true);
    expect(result.current.value).toBeUndefined();

    release();
    await waitFor(() =>
      expect(result.current.value?.slug).toBe('shutsuno-heisa'),
    );
  });
});
