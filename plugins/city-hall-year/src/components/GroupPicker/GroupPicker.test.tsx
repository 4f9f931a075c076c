import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderInPlugin } from '../../__testUtils__/renderInPlugin';
import { GroupPicker } from './GroupPicker';

const GROUPS = [
  ['zaisei-ka', '財政課'],
  ['kaikei-ka', '会計課'],
  ['giji-ka', '議事課'],
];
const entity = ([name, displayName]: string[]) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { profile: { displayName } },
});

function fakeCatalog() {
  return {
    queryEntities: jest.fn(
      async (request: { fullTextFilter: { term: string } }) => ({
        items: GROUPS.filter(g =>
          g.some(v => v.includes(request.fullTextFilter.term)),
        ).map(entity),
        totalItems: 0,
        pageInfo: {},
      }),
    ),
    getEntitiesByRefs: jest.fn(
      async ({ entityRefs }: { entityRefs: string[] }) => ({
        items: entityRefs.map(ref =>
          entity(
            GROUPS.find(([name]) => ref.endsWith(`/${name}`)) ?? [ref, ref],
          ),
        ),
      }),
    ),
  };
}

describe('GroupPicker', () => {
  it('shows the chosen department by name and finds others in the catalog by name', async () => {
    const catalog = fakeCatalog();
    const onChange = jest.fn();
    await renderInPlugin(
      <GroupPicker
        label="Owner department"
        value="group:default/zaisei-ka"
        onChange={onChange}
        suggested={['group:default/zaisei-ka']}
        testId="owner"
      />,
      { apis: [[catalogApiRef, catalog]] },
    );
    await waitFor(() =>
      expect(screen.getByTestId('owner')).toHaveValue('財政課'),
    );
    // A person clicks into the field before typing over the name.
    fireEvent.focus(screen.getByTestId('owner'));
    fireEvent.change(screen.getByTestId('owner'), {
      target: { value: '会計' },
    });
    const option = await screen.findByRole('option', { name: '会計課' });
    expect(catalog.queryEntities).toHaveBeenLastCalledWith(
      expect.objectContaining({
        filter: { kind: 'Group' },
        fullTextFilter: expect.objectContaining({ term: '会計' }),
      }),
    );
    fireEvent.click(option);
    expect(onChange).toHaveBeenCalledWith('group:default/kaikei-ka');
  });

  it('lists several departments by name as chips', async () => {
    const onChange = jest.fn();
    await renderInPlugin(
      <GroupPicker
        multiple
        label="Related departments"
        value={['group:default/giji-ka']}
        onChange={onChange}
        testId="related"
      />,
      { apis: [[catalogApiRef, fakeCatalog()]] },
    );
    expect(
      await screen.findByRole('button', { name: '議事課' }),
    ).toBeInTheDocument();
    fireEvent.change(screen.getByTestId('related'), {
      target: { value: '財政' },
    });
    fireEvent.click(await screen.findByRole('option', { name: '財政課' }));
    expect(onChange).toHaveBeenCalledWith([
      'group:default/giji-ka',
      'group:default/zaisei-ka',
    ]);
  });
});
