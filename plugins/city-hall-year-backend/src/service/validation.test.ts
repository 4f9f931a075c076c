import {
  callAs,
  describeOnEachDatabase,
  entryBody,
  FINANCE,
  putBody,
} from '../__testUtils__';

describeOnEachDatabase('bad input', {}, ctx => {
  let anchorSlug: string;

  beforeAll(async () => {
    const anchor = entryBody(FINANCE, {
      timing: { rules: [{ kind: 'date', on: { month: 5, day: 31 } }] },
    });
    await callAs(ctx, 'finance').post('/entries').send(anchor).expect(201);
    anchorSlug = anchor.slug;
  });

  async function entryCount() {
    const [{ count }] = await ctx
      .knex('city_hall_year_entries')
      .count({ count: '*' });
    return Number(count);
  }

  const long = (n: number) => 'あ'.repeat(n);

  it.each<[string, (body: Record<string, any>) => Record<string, any>, RegExp]>(
    [
      [
        'an unknown field',
        b => ({ ...b, colour: 'red' }),
        /Unrecognized key.*colour/,
      ],
      [
        'a server-set field',
        b => ({ ...b, version: 7 }),
        /Unrecognized key.*version/,
      ],
      [
        'a missing Japanese title',
        b => ({ ...b, title: { en: 'Only English' } }),
        /title\.ja/,
      ],
      [
        'an over-long title',
        b => ({ ...b, title: { ja: long(121) } }),
        /title\.ja/,
      ],
      [
        'an over-long purpose',
        b => ({ ...b, purpose: { ja: long(8001) } }),
        /purpose\.ja/,
      ],
      ['an unknown cycle', b => ({ ...b, cycle: 'festival' }), /cycle/],
      ['a slug with capitals', b => ({ ...b, slug: 'Budget_Step' }), /slug/],
      [
        'a javascript: link',
        // eslint-disable-next-line no-script-url -- the payload this test must refuse
        b => ({ ...b, links: [{ title: 'x', url: 'javascript:alert(1)' }] }),
        /links\.0\.url/,
      ],
      [
        'a data: link',
        b => ({
          ...b,
          links: [{ title: 'x', url: 'data:text/html,<script>1</script>' }],
        }),
        /links\.0\.url/,
      ],
      [
        '31 April',
        b => ({
          ...b,
          timing: { rules: [{ kind: 'date', on: { month: 4, day: 31 } }] },
        }),
        /timing\.rules\.0\.on\.day/,
      ],
      [
        'a publish date that is not a date',
        b => ({ ...b, publishAt: '2026-13-01' }),
        /publishAt/,
      ],
      [
        'an override on 30 February',
        b => ({
          ...b,
          timing: {
            rules: [],
            overrides: [{ fiscalYear: 2026, dates: [{ start: '2027-02-30' }] }],
          },
        }),
        /timing\.overrides/,
      ],
      [
        'an owner that is not a group ref',
        b => ({ ...b, owner: 'user:default/yamada.taro' }),
        /owner/,
      ],
      [
        'a dependency on a missing entry',
        b => ({ ...b, dependsOn: ['no-such-step'] }),
        /dependsOn: no entry with slug no-such-step/,
      ],
      [
        'a link to itself',
        b => ({ ...b, feedsInto: [b.slug] }),
        /feedsInto: an entry cannot link to itself/,
      ],
      [
        'a relative date to a missing entry',
        b => ({
          ...b,
          timing: {
            rules: [{ kind: 'relative', entry: 'no-such-step', offsetDays: 3 }],
          },
        }),
        /timing: .*unknown entry 'no-such-step'/,
      ],
      [
        'a relative date to itself',
        b => ({
          ...b,
          timing: {
            rules: [{ kind: 'relative', entry: b.slug, offsetDays: 3 }],
          },
        }),
        /timing: .*cycle/,
      ],
      ['an array instead of an object', () => [] as any, /body/],
    ],
  )(
    'refuses %s with a 400 naming the field, writing nothing',
    async (_name, mutate, message) => {
      const before = await entryCount();
      const res = await callAs(ctx, 'finance')
        .post('/entries')
        .send(mutate(entryBody(FINANCE)));
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
      expect(await entryCount()).toBe(before);
    },
  );

  it('accepts a relative date to an existing entry', async () => {
    const res = await callAs(ctx, 'finance')
      .post('/entries')
      .send(
        entryBody(FINANCE, {
          timing: {
            rules: [{ kind: 'relative', entry: anchorSlug, offsetDays: 92 }],
          },
        }),
      );
    expect(res.status).toBe(201);
  });

  it('refuses an edit that would close a cycle of relative dates', async () => {
    const first = entryBody(FINANCE, {
      timing: {
        rules: [{ kind: 'relative', entry: anchorSlug, offsetDays: 1 }],
      },
    });
    const created = await callAs(ctx, 'finance').post('/entries').send(first);
    expect(created.status).toBe(201);
    // Anchor now points back at the entry that depends on it.
    const anchor = await callAs(ctx, 'finance').get(`/entries/${anchorSlug}`);
    const res = await callAs(ctx, 'finance')
      .put(`/entries/${anchor.body.id}`)
      .send(
        putBody(anchor.body, {
          timing: {
            rules: [{ kind: 'relative', entry: first.slug, offsetDays: 1 }],
          },
        }),
      );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/cycle/);
  });

  it.each([
    [
      'a PUT without a version',
      'put',
      '/entries/ANCHOR',
      (b: object) => b,
      /version/,
    ],
    [
      'a revision that is not a number',
      'get',
      '/entries/ANCHOR/revisions/first',
      () => undefined,
      /revision/,
    ],
    [
      'a negative revision',
      'post',
      '/entries/ANCHOR/revisions/-1/restore',
      () => ({}),
      /revision/,
    ],
    [
      'a version that is not a number',
      'post',
      '/entries/ANCHOR/confirm',
      () => ({ version: 'latest' }),
      /version/,
    ],
    [
      'an unknown query key',
      'get',
      '/years/2026?draft=1',
      () => undefined,
      /Unrecognized key/,
    ],
    [
      'a fiscal year out of range',
      'get',
      '/years/1800',
      () => undefined,
      /fiscal year/,
    ],
    [
      'a page size over the cap',
      'get',
      '/entries?limit=201',
      () => undefined,
      /limit/,
    ],
  ] as const)(
    'refuses %s with a 400',
    async (_name, method, path, makeBody, message) => {
      const target = path.replace('ANCHOR', anchorSlug);
      let req = callAs(ctx, 'finance')[method](target);
      const body = makeBody(entryBody(FINANCE, { slug: anchorSlug }));
      if (body !== undefined) req = req.send(body);
      const res = await req;
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    },
  );

  it('answers malformed JSON with 400 and an oversized body with 413', async () => {
    const before = await entryCount();
    const malformed = await callAs(ctx, 'finance')
      .post('/entries')
      .set('Content-Type', 'application/json')
      .send('{"slug": "broken",');
    expect(malformed.status).toBe(400);
    const huge = await callAs(ctx, 'finance')
      .post('/entries')
      .send({ ...entryBody(FINANCE), purpose: { ja: 'あ'.repeat(300_000) } });
    expect(huge.status).toBe(413);
    expect(await entryCount()).toBe(before);
  });

  it('answers unknown entries with 404', async () => {
    for (const [method, path] of [
      ['get', '/entries/no-such-step'],
      ['put', '/entries/no-such-step'],
      ['delete', '/entries/no-such-step'],
      ['post', '/entries/no-such-step/confirm'],
      ['get', '/entries/no-such-step/revisions'],
    ] as const) {
      let req = callAs(ctx, 'hr')[method](path);
      if (method === 'put')
        req = req.send({
          ...entryBody(FINANCE, { slug: 'no-such-step' }),
          version: 1,
        });
      if (method === 'delete' || method === 'post')
        req = req.send({ version: 1 });
      const res = await req;
      expect([path, res.status]).toEqual([path, 404]);
    }
  });
});
