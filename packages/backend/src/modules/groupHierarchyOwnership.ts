import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  DEFAULT_NAMESPACE,
  RELATION_MEMBER_OF,
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { authOwnershipResolutionExtensionPoint } from '@backstage/plugin-auth-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';

/** How far up a department tree is followed; guards against a cycle of parents. */
const MAX_DEPTH = 10;

/**
 * Ownership claims of a user: the user, the groups they are a member of, and every
 * parent of those groups. A bureau's staff thereby own what its divisions own.
 */
export const groupHierarchyOwnershipModule = createBackendModule({
  pluginId: 'auth',
  moduleId: 'group-hierarchy-ownership',
  register(reg) {
    reg.registerInit({
      deps: {
        ownership: authOwnershipResolutionExtensionPoint,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
      },
      async init({ ownership, catalog, auth }) {
        ownership.setAuthOwnershipResolver({
          async resolveOwnershipEntityRefs(entity: Entity) {
            const refs = new Set<string>([stringifyEntityRef(entity)]);
            let frontier = (entity.relations ?? [])
              .filter(r => r.type === RELATION_MEMBER_OF)
              .map(r => r.targetRef);
            for (
              let depth = 0;
              depth < MAX_DEPTH && frontier.length > 0;
              depth++
            ) {
              frontier = frontier.filter(ref => !refs.has(ref));
              frontier.forEach(ref => refs.add(ref));
              if (frontier.length === 0) break;
              const { items } = await catalog.getEntitiesByRefs(
                {
                  entityRefs: frontier,
                  fields: [
                    'kind',
                    'metadata.name',
                    'metadata.namespace',
                    'spec.parent',
                  ],
                },
                { credentials: await auth.getOwnServiceCredentials() },
              );
              frontier = items.flatMap(group => {
                const parent = group?.spec?.parent;
                if (typeof parent !== 'string' || !parent) return [];
                return [
                  stringifyEntityRef(
                    parseEntityRef(parent, {
                      defaultKind: 'group',
                      defaultNamespace:
                        group?.metadata.namespace ?? DEFAULT_NAMESPACE,
                    }),
                  ),
                ];
              });
            }
            return { ownershipEntityRefs: [...refs] };
          },
        });
      },
    });
  },
});
