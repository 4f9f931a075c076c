import { storedFields } from '@city-hall-year/backstage-plugin-city-hall-year-common/testUtils';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import {
  editableFields,
  type Entry,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { EntryStore } from '../database/EntryStore';
import type { EntryAuthorizer } from './EntryAuthorizer';
import { EntryService } from './EntryService';
import type { EntryValidator } from './EntryValidator';

const entry: Entry = {
  ...storedFields({
    slug: 'yosan-hensei-hoshin',
    cycle: 'budget',
    title: { ja: '予算編成方針' },
    summary: { ja: '概要' },
    purpose: { ja: '目的' },
    whatHappens: { ja: '内容' },
    forNewStaff: { ja: '新任者へ' },
    owner: 'group:default/zaisei-ka',
    timing: {
      rules: [{ kind: 'months', from: { month: 10 }, to: { month: 10 } }],
    },
  }),
  id: 'id-1',
  version: 1,
  createdBy: 'user:default/yamada.taro',
  createdAt: '2026-04-01T00:00:00.000Z',
  updatedBy: 'user:default/yamada.taro',
  updatedAt: '2026-04-01T00:00:00.000Z',
};

/** An entry service whose check of the reassign permission ends as `outcome` says. */
function serviceWhereReassignCheck(outcome: Error) {
  const store = {
    getEntry: jest.fn(async () => entry),
    updateEntry: jest.fn(),
  } as unknown as EntryStore;
  const authorizer = {
    assertAllowed: jest.fn(async () => undefined),
    assertBasic: jest.fn(async () => {
      throw outcome;
    }),
  } as unknown as EntryAuthorizer;
  const service = new EntryService({
    store,
    authorizer,
    validator: { validate: jest.fn() } as unknown as EntryValidator,
    auditor: mockServices.auditor.mock(),
    events: { publish: jest.fn() } as any,
    logger: mockServices.logger.mock(),
  });
  return { service, store };
}

describe('EntryService: giving an entry to another department', () => {
  const ctx = {
    credentials: mockCredentials.user('user:default/yamada.taro'),
  };
  const toAccounting = {
    ...editableFields(entry),
    owner: 'group:default/kaikei-ka',
  };

  it('explains a refusal as a 403 that names both departments', async () => {
    const { service, store } = serviceWhereReassignCheck(
      new NotAllowedError('Not allowed: city-hall-year.entry.reassign'),
    );
    await expect(
      service.update(entry.id, toAccounting, 1, ctx),
    ).rejects.toThrow(
      new NotAllowedError(
        'Only HR editors may give an entry to another department (group:default/zaisei-ka → group:default/kaikei-ka)',
      ),
    );
    expect(store.updateEntry).not.toHaveBeenCalled();
  });

  it('lets a failing permission backend fail as itself, not as a refusal', async () => {
    const down = new Error('connect ECONNREFUSED permission backend');
    const { service, store } = serviceWhereReassignCheck(down);
    const result = service.update(entry.id, toAccounting, 1, ctx);
    await expect(result).rejects.toBe(down);
    expect(store.updateEntry).not.toHaveBeenCalled();
  });
});
