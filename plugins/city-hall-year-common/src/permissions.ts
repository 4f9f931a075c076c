import {
  createPermission,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';

/** Resource type of the permissions that concern one entry. */
export const CITY_HALL_YEAR_ENTRY_RESOURCE_TYPE = 'city-hall-year-entry';

/** Permission to create an entry for a department. */
export const entryCreatePermission = createPermission({
  name: 'city-hall-year.entry.create',
  attributes: { action: 'create' },
});

/** Permission to read an entry; published entries are read by every signed-in user. */
export const entryReadPermission: ResourcePermission<'city-hall-year-entry'> =
  createPermission({
    name: 'city-hall-year.entry.read',
    attributes: { action: 'read' },
    resourceType: CITY_HALL_YEAR_ENTRY_RESOURCE_TYPE,
  });

/** Permission to change an entry, restore a revision or confirm it for the year. */
export const entryUpdatePermission: ResourcePermission<'city-hall-year-entry'> =
  createPermission({
    name: 'city-hall-year.entry.update',
    attributes: { action: 'update' },
    resourceType: CITY_HALL_YEAR_ENTRY_RESOURCE_TYPE,
  });

/** Permission to delete (and restore) an entry. */
export const entryDeletePermission: ResourcePermission<'city-hall-year-entry'> =
  createPermission({
    name: 'city-hall-year.entry.delete',
    attributes: { action: 'delete' },
    resourceType: CITY_HALL_YEAR_ENTRY_RESOURCE_TYPE,
  });

/** Every permission of the plugin, for registration with the permissions registry. */
export const cityHallYearPermissions = [
  entryCreatePermission,
  entryReadPermission,
  entryUpdatePermission,
  entryDeletePermission,
];
