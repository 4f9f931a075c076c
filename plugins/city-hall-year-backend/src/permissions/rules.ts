import {
  CITY_HALL_YEAR_ENTRY_RESOURCE_TYPE,
  CITY_HALL_YEAR_RULES,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import type {
  StandardJSONSchemaV1,
  StandardSchemaV1,
} from '@standard-schema/spec';
import { z } from 'zod/v4';

/**
 * A rule's parameter schema as the permission framework wants it: a Standard Schema
 * that validates and converts itself to JSON Schema (shown to policy authors).
 */
function ruleParams<T>(
  schema: z.ZodType<T>,
): StandardSchemaV1<T> & StandardJSONSchemaV1<T> {
  const toJsonSchema = (options: StandardJSONSchemaV1.Options) =>
    z.toJSONSchema(schema, {
      target: options.target === 'draft-2020-12' ? 'draft-2020-12' : 'draft-7',
    }) as Record<string, unknown>;
  return {
    '~standard': {
      ...(schema['~standard'] as StandardSchemaV1.Props<T>),
      jsonSchema: { input: toJsonSchema, output: toJsonSchema },
    },
  };
}

/**
 * A criterion on an entry's columns that a rule translates to, for filtering in SQL:
 * the column must hold one of the values.
 *
 * @public
 */
export interface EntryQuery {
  column: 'owner' | 'status';
  values: string[];
}

/**
 * What the rules look at of an entry. Every stored `Entry` is one.
 *
 * @public
 */
export interface EntryResource {
  id: string;
  owner: string;
  status: string;
}

/** The entry resource of the permission framework. */
export const entryResourceRef = createPermissionResourceRef<
  EntryResource,
  EntryQuery
>().with({
  pluginId: 'city-hall-year',
  resourceType: CITY_HALL_YEAR_ENTRY_RESOURCE_TYPE,
});

/**
 * The entry's owner is one of the given ownership refs. Given the caller's ownership
 * claims (their groups and those groups' parents), an entry owned by a bureau is
 * thereby editable by the staff of its divisions.
 */
export const isEntryOwner = createPermissionRule({
  name: CITY_HALL_YEAR_RULES.isEntryOwner,
  description:
    "Allow entries whose owner is among the given refs (e.g. the caller's ownership claims)",
  resourceRef: entryResourceRef,
  paramsSchema: ruleParams(
    z.object({
      claims: z
        .array(z.string())
        .describe('Ownership refs, e.g. group:default/zaisei-ka'),
    }),
  ),
  apply: (entry, { claims }) =>
    claims.map(c => c.toLocaleLowerCase('en-US')).includes(entry.owner),
  toQuery: ({ claims }) => ({
    column: 'owner',
    values: claims.map(c => c.toLocaleLowerCase('en-US')),
  }),
});

/** The entry is published (not a draft). */
export const isEntryPublished = createPermissionRule({
  name: CITY_HALL_YEAR_RULES.isEntryPublished,
  description: 'Allow entries that are published',
  resourceRef: entryResourceRef,
  apply: entry => entry.status === 'published',
  toQuery: (): EntryQuery => ({ column: 'status', values: ['published'] }),
});

/** Every rule of the entry resource. */
export const entryPermissionRules = { isEntryOwner, isEntryPublished };

const { conditions, createConditionalDecision } = createConditionExports({
  resourceRef: entryResourceRef,
  rules: entryPermissionRules,
});

/**
 * Conditions on entries for permission policies, e.g.
 * `cityHallYearEntryConditions.isEntryOwner({ claims: user.info.ownershipEntityRefs })`.
 *
 * @public
 */
export const cityHallYearEntryConditions = conditions;

/**
 * Builds a conditional decision on an entry permission.
 *
 * @public
 */
export const createCityHallYearEntryConditionalDecision =
  createConditionalDecision;
