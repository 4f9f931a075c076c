import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import { OwnerContact } from './OwnerContact';

function catalogWith(spec: object) {
  return {
    getEntityByRef: jest.fn(async () => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'kaikei-ka' },
      spec,
    })),
  };
}

describe('OwnerContact', () => {
  it('links the e-mail address of the owner’s catalog profile', async () => {
    const catalogApi = catalogWith({
      profile: { email: 'kaikei-ka@city.example.jp' },
    });
    await renderInTestApp(
      <TestApiProvider apis={[[catalogApiRef, catalogApi]]}>
        <OwnerContact owner="group:default/kaikei-ka" />
      </TestApiProvider>,
    );
    expect(await screen.findByTestId('entry-owner-contact')).toHaveAttribute(
      'href',
      'mailto:kaikei-ka@city.example.jp',
    );
    expect(catalogApi.getEntityByRef).toHaveBeenCalledWith(
      'group:default/kaikei-ka',
    );
  });

  it('shows nothing for a Group without an address', async () => {
    const catalogApi = catalogWith({ profile: { displayName: '会計課' } });
    await renderInTestApp(
      <TestApiProvider apis={[[catalogApiRef, catalogApi]]}>
        <OwnerContact owner="group:default/kaikei-ka" />
      </TestApiProvider>,
    );
    await waitFor(() => expect(catalogApi.getEntityByRef).toHaveBeenCalled());
    expect(screen.queryByTestId('entry-owner-contact')).toBeNull();
  });

  it('shows nothing in an app without a catalog', async () => {
    await renderInTestApp(<OwnerContact owner="group:default/kaikei-ka" />);
    expect(screen.queryByRole('link')).toBeNull();
  });
});
