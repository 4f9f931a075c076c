import { useApiHolder } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { Link } from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';

/** The owning department's contact address, from its catalog entity; nothing without one. */
export function OwnerContact(props: { owner: string }) {
  const catalogApi = useApiHolder().get(catalogApiRef);
  const { value: email } = useAsync(async () => {
    const group = await catalogApi?.getEntityByRef(props.owner);
    const profile = (
      group?.spec as { profile?: { email?: string } } | undefined
    )?.profile;
    return profile?.email;
  }, [catalogApi, props.owner]);
  return email ? (
    <Link href={`mailto:${email}`} data-testid="entry-owner-contact">
      {email}
    </Link>
  ) : null;
}
