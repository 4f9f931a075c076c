import { mockServices } from '@backstage/backend-test-utils';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import {
  as,
  entryBody,
  startCityHallYearBackend,
} from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  CourseCollatorFactory,
  type CityHallYearCourseDocument,
} from './CourseCollatorFactory';
import {
  EntryCollatorFactory,
  type CityHallYearDocument,
} from './EntryCollatorFactory';

jest.setTimeout(60_000);

describe('EntryCollatorFactory', () => {
  const databases = createTestDatabases();

  it('indexes every published entry with its purpose and legal basis, and no draft', async () => {
    const { server } = await startCityHallYearBackend(databases, 'SQLITE_3', {
      seed: true,
    });
    const draft = entryBody('group:default/zaisei-ka', {
      status: 'draft',
      title: { ja: '下書きの手順' },
    });
    await request(server)
      .post('/api/city-hall-year/entries')
      .set('Authorization', as('finance'))
      .send(draft)
      .expect(201);
    const published = await request(server)
      .get('/api/city-hall-year/entries?limit=1')
      .set('Authorization', as('newHire'));

    const port = (server.address() as AddressInfo).port;
    const factory = new EntryCollatorFactory({
      discovery: {
        getBaseUrl: async () => `http://localhost:${port}/api/city-hall-year`,
        getExternalBaseUrl: async () => '',
      },
      auth: mockServices.auth({ pluginId: 'search' }),
      now: () => new Date('2026-11-24T00:00:00+09:00'),
    });
    const documents: CityHallYearDocument[] = [];
    for await (const document of await factory.getCollator())
      documents.push(document);

    expect(documents).toHaveLength(published.body.totalCount);
    expect(documents.map(d => d.slug)).not.toContain(draft.slug);
    const booksClose = documents.find(d => d.slug === 'shutsuno-heisa')!;
    expect(booksClose).toMatchObject({
      title: expect.stringContaining('出納閉鎖'),
      location: '/city-hall-year/entries/shutsuno-heisa',
      cycle: 'settlement',
      owner: 'group:default/kaikei-ka',
      when: '5月31日',
      authorization: { resourceRef: expect.any(String) },
    });
    expect(booksClose.text).toContain('地方自治法 第235条の5');
    expect(booksClose.text).toContain('確定');
    expect(factory.visibilityPermission.name).toBe('city-hall-year.entry.read');
  });

  it('indexes training courses with their audience, notes and linked published entries', async () => {
    const { server } = await startCityHallYearBackend(databases, 'SQLITE_3', {
      seed: true,
    });
    const draft = entryBody('group:default/jinji-kenshu-kakari', {
      status: 'draft',
      title: { ja: '未公開の研修計画' },
    });
    await request(server)
      .post('/api/city-hall-year/entries')
      .set('Authorization', as('hr'))
      .send(draft)
      .expect(201);
    await request(server)
      .post('/api/city-hall-year/courses')
      .set('Authorization', as('hr'))
      .send({
        slug: 'with-a-draft',
        title: { ja: '下書きを含むコース' },
        audience: { ja: '研修係' },
        steps: [{ entry: 'shutsuno-heisa' }, { entry: draft.slug }],
      })
      .expect(201);
    const port = (server.address() as AddressInfo).port;
    const factory = new CourseCollatorFactory({
      discovery: {
        getBaseUrl: async () => `http://localhost:${port}/api/city-hall-year`,
        getExternalBaseUrl: async () => '',
      },
      auth: mockServices.auth({ pluginId: 'search' }),
    });
    const documents: CityHallYearCourseDocument[] = [];
    for await (const document of await factory.getCollator())
      documents.push(document);

    expect(documents.map(d => d.slug).sort()).toEqual([
      'nikashome-gikai-no-ichinen',
      'shinki-saiyo-shiyakusho-no-ichinen',
      'with-a-draft',
      'yosan-kessan-no-tsunagari',
    ]);
    const newHire = documents.find(
      d => d.slug === 'shinki-saiyo-shiyakusho-no-ichinen',
    )!;
    expect(newHire).toMatchObject({
      title: expect.stringContaining('新規採用職員研修'),
      location: '/city-hall-year/courses/shinki-saiyo-shiyakusho-no-ichinen',
      audience: expect.stringContaining('新規採用職員'),
      stepCount: 10,
    });
    expect(newHire.text).toContain('出納閉鎖');
    expect(newHire.text).toContain('条件付採用期間です');
    const withDraft = documents.find(d => d.slug === 'with-a-draft')!;
    expect(withDraft.text).toContain('出納閉鎖');
    expect(withDraft.text).not.toContain('未公開の研修計画');
  });
});
