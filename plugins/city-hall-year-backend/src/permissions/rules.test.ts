import {
  createConditionTransformer,
  type PermissionRuleset,
} from '@backstage/plugin-permission-node';
import knexFactory from 'knex';
import { applyEntryCriteria } from './queryTranslation';
import { isEntryOwner, isEntryPublished, type EntryQuery } from './rules';

const entry = { id: '1', owner: 'group:default/zaisei-ka', status: 'draft' };

describe('IS_ENTRY_OWNER', () => {
  it.each([
    [['group:default/zaisei-ka'], true],
    [['GROUP:default/Zaisei-Ka'], true],
    [['group:default/kikaku-zaisei-kyoku'], false],
    [[], false],
  ])('with claims %j applies as %s', (claims, expected) => {
    expect(isEntryOwner.apply(entry, { claims })).toBe(expected);
  });

  it('becomes an owner filter', () => {
    expect(
      isEntryOwner.toQuery({ claims: ['group:default/Zaisei-Ka'] }),
    ).toEqual({
      column: 'owner',
      values: ['group:default/zaisei-ka'],
    });
  });
});

describe('IS_ENTRY_PUBLISHED', () => {
  it('applies to published entries only', () => {
    expect(isEntryPublished.apply(entry, undefined)).toBe(false);
    expect(
      isEntryPublished.apply({ ...entry, status: 'published' }, undefined),
    ).toBe(true);
  });
});

describe('applyEntryCriteria', () => {
  const knex = knexFactory({ client: 'pg' });
  const rules = [isEntryOwner, isEntryPublished];
  const transform = createConditionTransformer<EntryQuery>({
    getRuleByName: (name: string) => rules.find(r => r.name === name)!,
  } as PermissionRuleset<any, EntryQuery>);
  const sql = (conditions: Parameters<typeof transform>[0]) => {
    const query = knex('city_hall_year_entries').select('id');
    applyEntryCriteria(query, transform(conditions));
    return query.toString();
  };

  it.each([
    [
      {
        rule: 'IS_ENTRY_OWNER',
        resourceType: 'city-hall-year-entry',
        params: { claims: ['group:default/a'] },
      },
      `select "id" from "city_hall_year_entries" where "owner" in ('group:default/a')`,
    ],
    [
      {
        anyOf: [
          {
            rule: 'IS_ENTRY_PUBLISHED',
            resourceType: 'city-hall-year-entry',
            params: {},
          },
          {
            rule: 'IS_ENTRY_OWNER',
            resourceType: 'city-hall-year-entry',
            params: { claims: ['group:default/a', 'group:default/b'] },
          },
        ],
      },
      `select "id" from "city_hall_year_entries" where (("status" in ('published')) or ("owner" in ('group:default/a', 'group:default/b')))`,
    ],
    [
      {
        not: {
          rule: 'IS_ENTRY_PUBLISHED',
          resourceType: 'city-hall-year-entry',
          params: {},
        },
      },
      `select "id" from "city_hall_year_entries" where not ("status" in ('published'))`,
    ],
    [
      {
        rule: 'IS_ENTRY_OWNER',
        resourceType: 'city-hall-year-entry',
        params: { claims: [] },
      },
      `select "id" from "city_hall_year_entries" where 1 = 0`,
    ],
  ])('translates %j to SQL', (conditions, expected) => {
    expect(sql(conditions as any)).toBe(expected);
  });
});
