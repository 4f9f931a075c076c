// The fault part of the abuse and fault suite, run by scripts/test.sh against the
// built backend as real processes on loopback:
//   1. durability: the backend is killed with SIGKILL during a burst of writes, on
//      SQLite and on PostgreSQL, and restarted: every acknowledged write is there,
//      no entry is partial, every entry's revisions are consistent;
//   2. two replicas on one PostgreSQL behind a round-robin proxy: they start together
//      (seeding runs once), an edit on one is served by the other at once, the
//      reminder task sends each reminder once;
//   3. mixed load through the proxy: 200 readers and 5 writers for 30 seconds, with
//      zero errors and zero lost updates;
//   4. the same two replicas with Backstage's cache service on a real Redis (Debian's
//      redis-server, started and stopped here): edits are never served stale by either
//      replica, an answer made by one is served by the other from Redis, and a Redis
//      killed under load leaves the replicas making answers themselves, with no error.
// Prints what it did; exits non-zero on the first broken promise.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import {
  prepareBuiltBackend,
  sleep,
  startBuiltBackend,
  stop,
  token,
  waitFor,
  builtCommon,
} from './lib/builtBackend.mjs';
import { upcomingEntry, writableEntry } from './lib/generatedEntries.mjs';

const require = createRequire(import.meta.url);

/** How many entries, courses and example questions the plugin ships, from its content files. */
function shippedCounts() {
  const { parse } = require('yaml');
  const dir = path.resolve(
    path.dirname(new URL(import.meta.url).pathname),
    '../plugins/city-hall-year-backend/content',
  );
  const items = file => parse(fs.readFileSync(file, 'utf8')) ?? [];
  const yamlIn = sub =>
    fs
      .readdirSync(path.join(dir, sub))
      .filter(f => f.endsWith('.yaml'))
      .map(f => path.join(dir, sub, f));
  return {
    entries: yamlIn('.').reduce((n, f) => n + items(f).length, 0),
    courses: yamlIn('courses').length,
    questions: yamlIn('dialogue').reduce((n, f) => n + items(f).length, 0),
  };
}
/** How many versioned content updates the backend ships (its CONTENT_UPDATES). */
function shippedContentUpdates() {
  const source = fs.readFileSync(
    path.resolve(
      path.dirname(new URL(import.meta.url).pathname),
      '../plugins/city-hall-year-backend/src/service/contentUpdate.ts',
    ),
    'utf8',
  );
  return (source.match(/^\s+name: 'content-update-[^']+',$/gm) ?? []).length;
}
/** From the built contract, once the backend is built (see main). */
let editableFields;
const knexFactory = require('knex');

const PG = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
const LOAD_SECONDS = Number(process.env.FAULT_LOAD_SECONDS ?? 30);
const READERS = Number(process.env.FAULT_READERS ?? 200);
const WRITERS = 5;
// The backends listen from this port on (7301–7315 by default, Redis on 7313), so that two suites,
// or the suite and the clock check, can run side by side.
const PORT_BASE = Number(process.env.FAULT_PORT_BASE ?? 7300);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'city-hall-year-fault-'));
const started = Date.now();
const running = new Set();

const checks = { passed: 0 };

function check(condition, message) {
  if (!condition) throw new Error(`FAILED: ${message}`);
  checks.passed++;
}

function writeResult(result) {
  if (process.env.FAULT_RESULT_FILE) {
    fs.writeFileSync(process.env.FAULT_RESULT_FILE, JSON.stringify(result));
  }
}

function log(message) {
  console.log(
    `[fault ${Math.round((Date.now() - started) / 1000)}s] ${message}`,
  );
}

function databaseConfig(engine, name) {
  if (engine === 'sqlite') {
    const directory = path.join(work, name);
    fs.mkdirSync(directory, { recursive: true });
    return { client: 'better-sqlite3', connection: { directory } };
  }
  const url = new URL(PG);
  return {
    client: 'pg',
    connection: {
      host: url.hostname,
      port: Number(url.port || 5432),
      user: decodeURIComponent(url.username || 'postgres'),
      ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    },
    prefix: `chy_${name}_${process.pid}_`,
  };
}

/** A knex client on the plugin's own database, for checking what was written. */
function pluginDatabase(db) {
  if (db.client === 'better-sqlite3') {
    return knexFactory({
      client: 'better-sqlite3',
      connection: {
        filename: path.join(db.connection.directory, 'city-hall-year.sqlite'),
      },
      useNullAsDefault: true,
    });
  }
  return knexFactory({
    client: 'pg',
    connection: { ...db.connection, database: `${db.prefix}city-hall-year` },
  });
}

/** A config file (JSON is YAML) for one backend: its port, database and `extra` keys. */
function writeConfig(name, port, db, extra = {}) {
  const file = path.join(work, `${name}.yaml`);
  fs.writeFileSync(
    file,
    `${JSON.stringify(
      {
        ...extra,
        app: { baseUrl: `http://localhost:${port}` },
        backend: {
          ...extra.backend,
          baseUrl: `http://localhost:${port}`,
          listen: { port },
          database: db,
        },
      },
      null,
      2,
    )}\n`,
  );
  return file;
}

async function startBackend(dist, name, port, db, extra) {
  const child = startBuiltBackend(
    dist,
    writeConfig(name, port, db, extra),
    path.join(work, `${name}.log`),
  );
  running.add(child);
  child.once('exit', () => running.delete(child));
  await waitFor(
    async () =>
      (
        await fetch(`http://localhost:${port}/api/city-hall-year/health`)
      ).ok,
    240,
    `${name} on :${port}`,
  );
  return child;
}

async function api(base, method, route, headers, body) {
  const res = await fetch(`${base}/api/city-hall-year${route}`, {
    method,
    headers: {
      ...headers,
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** Every live entry is whole, and its revisions run 1…version with the last one equal to it. */
async function checkConsistency(db, label) {
  const entries = await db('city_hall_year_entries').select('*');
  let revisions = 0;
  for (const row of entries) {
    const fields = JSON.parse(row.data);
    check(
      fields.slug === row.slug && fields.owner === row.owner,
      `${label}: entry ${row.slug} columns match its data`,
    );
    const own = await db('city_hall_year_entry_revisions')
      .where({ entry_id: row.id })
      .orderBy('revision');
    revisions += own.length;
    check(
      own.length === Number(row.version),
      `${label}: ${row.slug} has ${own.length} revisions for version ${row.version}`,
    );
    own.forEach((r, i) =>
      check(
        Number(r.revision) === i + 1,
        `${label}: ${row.slug} revisions are contiguous`,
      ),
    );
    const last = JSON.parse(own[own.length - 1].snapshot);
    check(
      last.version === Number(row.version) &&
        JSON.stringify(last.summary) === JSON.stringify(fields.summary),
      `${label}: the last revision of ${row.slug} is the entry itself`,
    );
  }
  return { entries: entries.length, revisions };
}

async function durability(dist, engine) {
  const port = PORT_BASE + (engine === 'sqlite' ? 1 : 2);
  const base = `http://localhost:${port}`;
  const db = databaseConfig(engine, `durability-${engine}`);
  let backend = await startBackend(dist, `durability-${engine}`, port, db);
  const finance = {
    Authorization: `Bearer ${await token(base, 'yamada.taro')}`,
  };

  const acknowledged = new Map(); // slug → { version, summary }
  let stopped = false;
  let attempts = 0;
  const worker = async w => {
    for (let n = 0; !stopped; n++) {
      const slug = `fault-${engine}-${w}-${n}`;
      try {
        attempts++;
        const created = await api(
          base,
          'POST',
          '/entries',
          finance,
          writableEntry(slug, `作成 ${w}-${n}`),
        );
        if (created.status !== 201) continue;
        acknowledged.set(slug, { version: 1, summary: `作成 ${w}-${n}` });
        let entry = created.body;
        for (let k = 1; k <= 3 && !stopped; k++) {
          const summary = `更新 ${w}-${n}-${k}`;
          attempts++;
          const updated = await api(
            base,
            'PUT',
            `/entries/${entry.id}`,
            finance,
            {
              ...editableFields(entry),
              summary: { ja: summary },
              version: entry.version,
            },
          );
          if (updated.status !== 200) break;
          entry = updated.body;
          acknowledged.set(slug, { version: entry.version, summary });
        }
      } catch {
        // The connection broke: the backend was killed. Unacknowledged, so not checked.
        await sleep(50);
      }
    }
  };
  const workers = Array.from({ length: 8 }, (_, w) => worker(w));
  await waitFor(async () => acknowledged.size >= 40, 120, 'a burst of writes');
  await stop(backend, 'SIGKILL');
  const killedAt = acknowledged.size;
  await sleep(500);
  stopped = true;
  await Promise.all(workers);
  log(
    `${engine}: killed the backend with SIGKILL after ${attempts} write attempts, ${killedAt} entries acknowledged`,
  );

  backend = await startBackend(dist, `durability-${engine}`, port, db);
  const knex = pluginDatabase(db);
  try {
    let verified = 0;
    for (const [slug, ack] of acknowledged) {
      const row = await knex('city_hall_year_entries').where({ slug }).first();
      check(row, `${engine}: acknowledged entry ${slug} survived`);
      check(
        Number(row.version) >= ack.version,
        `${engine}: ${slug} kept version ${ack.version} (has ${row.version})`,
      );
      if (Number(row.version) === ack.version) {
        check(
          JSON.parse(row.data).summary.ja === ack.summary,
          `${engine}: ${slug} kept its acknowledged text`,
        );
      }
      verified++;
    }
    const { entries, revisions } = await checkConsistency(knex, engine);
    const res = await api(
      base,
      'GET',
      `/entries/${[...acknowledged.keys()][0]}`,
      finance,
    );
    check(
      res.status === 200,
      `${engine}: the restarted backend serves the entries`,
    );
    log(
      `${engine}: restarted; ${verified} acknowledged writes present, ${entries} entries and ${revisions} revisions consistent, none partial`,
    );
    return { engine, attempts, acknowledged: verified };
  } finally {
    await knex.destroy();
    await stop(backend);
  }
}

function roundRobin(ports) {
  let next = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const server = http.createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    const send = attempt => {
      const port = ports[next++ % ports.length];
      const upstream = http.request(
        {
          host: '127.0.0.1',
          port,
          path: req.url,
          method: req.method,
          headers: req.headers,
          agent,
        },
        reply => {
          res.writeHead(reply.statusCode, reply.headers);
          reply.pipe(res);
        },
      );
      upstream.on('error', error => {
        // A kept-alive connection the backend had just closed as idle: the request
        // never reached it, so it is sent again, as a load balancer does. Anything
        // else is the proxy's 502, which the load phase counts as an error.
        if (
          upstream.reusedSocket &&
          error.code === 'ECONNRESET' &&
          attempt < 3
        ) {
          send(attempt + 1);
          return;
        }
        log(`proxy: ${req.method} ${req.url} failed on :${port}: ${error}`);
        res.writeHead(502);
        res.end();
      });
      upstream.end(body);
    };
    send(1);
  });
  return new Promise(resolve =>
    server.listen(0, '127.0.0.1', () => resolve(server)),
  );
}

async function replicas(dist) {
  const db = databaseConfig('pg', 'replicas');
  const ports = [PORT_BASE + 11, PORT_BASE + 12];
  const bases = ports.map(p => `http://localhost:${p}`);
  // Reminders every minute, so that both replicas' schedulers are due while they run.
  // Backstage's own plugins (catalog, auth, the scheduler's tables in each plugin's
  // database) cannot migrate one empty database from two processes at once, so a fresh
  // database is first brought up by one replica, without content (its scheduler tables
  // are made as it registers the reminder task); then both start together and race to
  // load the starting content.
  const first = await startBackend(dist, 'replica-migrate', ports[0], db, {
    cityHallYear: { seed: { enabled: false } },
  });
  await token(bases[0], 'kimura.aoi');
  await stop(first);
  const extra = { cityHallYear: { reminders: { schedule: '* * * * *' } } };
  const [a, b] = await Promise.all(
    ports.map((port, i) =>
      startBackend(dist, `replica-${i + 1}`, port, db, extra),
    ),
  );
  const proxy = await roundRobin(ports);
  const front = `http://127.0.0.1:${proxy.address().port}`;
  const knex = pluginDatabase(db);
  try {
    const seeds = await knex('city_hall_year_seeds').select('name');
    const [{ n: entryCount }] = await knex('city_hall_year_entries').count({
      n: '*',
    });
    const [{ n: courseCount }] = await knex('city_hall_year_curricula').count({
      n: '*',
    });
    const [{ n: questionCount }] = await knex('city_hall_year_questions').count(
      { n: '*' },
    );
    // The entries, the example courses and the example dialogue each once, and the
    // content updates recorded once each (they change nothing on a new database).
    const names = seeds.map(s => s.name);
    const updates = names.filter(n => n.startsWith('content-update-'));
    check(
      names.length - updates.length === 3 &&
        updates.length === shippedContentUpdates() &&
        new Set(names).size === names.length,
      `replicas: the content was seeded once (${names})`,
    );
    const shipped = shippedCounts();
    check(
      Number(entryCount) === shipped.entries &&
        Number(courseCount) === shipped.courses &&
        Number(questionCount) === shipped.questions,
      `replicas: ${shipped.entries} entries, ${shipped.courses} courses and ${shipped.questions} example questions, not twice (${entryCount}, ${courseCount}, ${questionCount})`,
    );
    log(
      `replicas: both started together on one migrated, empty PostgreSQL; the content was loaded once (${entryCount} entries, ${courseCount} courses, ${questionCount} example questions)`,
    );

    const visible = await crossReplicaEdits(bases, 'replicas', 'computed');
    const accounting = {
      Authorization: `Bearer ${await token(bases[0], 'nakamura.emi')}`,
    };
    // A step that starts in a few days, made now: the reminders below do not depend on
    // which steps of the starting content happen to start soon on the day of the run.
    const soon = await api(
      bases[0],
      'POST',
      '/entries',
      accounting,
      upcomingEntry('fault-upcoming', 'group:default/kaikei-ka'),
    );
    check(
      soon.status === 201,
      `replicas: upcoming step created (${soon.status})`,
    );

    const load = await mixedLoad(front, bases[0]);

    // The reminder task is due every minute on both replicas; it runs once, and each
    // reminder is claimed once.
    const notifications = knexFactory({
      client: 'pg',
      connection: { ...db.connection, database: `${db.prefix}notifications` },
    });
    try {
      let rows = [];
      await waitFor(
        async () => {
          rows = await notifications('notification').select(
            'user',
            'description',
            'scope',
            'origin',
          );
          // The step made above is listed in 会計課's reminder, alone or with others
          // that start soon on the day of the run.
          return rows.some(
            r =>
              r.origin === 'plugin:city-hall-year' &&
              r.user === 'user:default/nakamura.emi' &&
              String(r.description).includes('まもなく始まる手続'),
          );
        },
        200,
        'the reminders',
      );
      await sleep(70_000); // another minute: both schedulers had their turn again
      rows = (
        await notifications('notification').select(
          'user',
          'scope',
          'origin',
          'updated',
        )
      ).filter(r => r.origin === 'plugin:city-hall-year');
      const perUserAndScope = new Map();
      for (const r of rows) {
        const key = `${r.user}|${r.scope}`;
        perUserAndScope.set(key, (perUserAndScope.get(key) ?? 0) + 1);
      }
      const doubled = [...perUserAndScope].filter(([, n]) => n > 1);
      // The notifications backend turns a second send with the same scope into an
      // update of the first notification: none may have been updated.
      const resent = rows.filter(r => r.updated);
      check(
        doubled.length === 0 && resent.length === 0,
        `replicas: every reminder was sent once (${doubled.length} doubled, ${resent.length} re-sent)`,
      );
      const claims = await knex('city_hall_year_reminders').count({ n: '*' });
      log(
        `replicas: ${rows.length} reminder notifications to ${
          new Set(rows.map(r => r.user)).size
        } people from ${claims[0].n} reminders claimed once; none twice`,
      );
    } finally {
      await notifications.destroy();
    }
    return { edits: visible, ...load };
  } finally {
    proxy.close();
    await knex.destroy();
    await Promise.all([stop(a), stop(b)]);
  }
}

/**
 * 20 edits of 出納閉鎖, each made on one replica and read back at once from the other,
 * both of which had the year cached before. After each edit the other replica makes
 * the new year; the writer's own next read says where its answer came from (the
 * `Server-Timing` header): `computed` when each replica has its own cache, `shared`
 * when they share one (the answer was made once, for both).
 */
async function crossReplicaEdits(bases, label, writerSource) {
  const accounting = {
    Authorization: `Bearer ${await token(bases[0], 'nakamura.emi')}`,
  };
  const reader = {
    Authorization: `Bearer ${await token(bases[0], 'kimura.aoi')}`,
    'accept-encoding': 'gzip',
  };
  const source = async base => {
    const res = await fetch(`${base}/api/city-hall-year/years/2026`, {
      headers: reader,
    });
    const body = await res.json();
    const timing = res.headers.get('server-timing') ?? '';
    return { body, source: /desc="(\w+)"/.exec(timing)?.[1] };
  };
  let visible = 0;
  for (let i = 0; i < 20; i++) {
    const [writer, other] = i % 2 ? [bases[1], bases[0]] : [bases[0], bases[1]];
    // Both replicas have the year cached before the edit.
    await api(other, 'GET', '/years/2026', reader);
    await api(writer, 'GET', '/years/2026', reader);
    const entry = (
      await api(writer, 'GET', '/entries/shutsuno-heisa', accounting)
    ).body;
    const title = `出納閉鎖（${label}試験${i}）`;
    const put = await api(writer, 'PUT', `/entries/${entry.id}`, accounting, {
      ...editableFields(entry),
      title: { ...entry.title, ja: title },
      version: entry.version,
    });
    check(put.status === 200, `${label}: edit ${i} accepted (${put.status})`);
    const year = await source(other);
    check(
      year.body.occurrences.find(o => o.slug === 'shutsuno-heisa').title.ja ===
        title && year.source === 'computed',
      `${label}: edit ${i} made on one replica is served by the other at once, made afresh (${year.source})`,
    );
    const own = await source(writer);
    check(
      own.body.occurrences.find(o => o.slug === 'shutsuno-heisa').title.ja ===
        title && own.source === writerSource,
      `${label}: edit ${i}: the writer's next read is ${writerSource} (${own.source})`,
    );
    visible++;
  }
  log(
    `${label}: ${visible} edits, each made on one replica and read back from the other at once; the writer's next read was ${writerSource} each time`,
  );
  return visible;
}

/** Debian's redis-server on `port`, in its own process group, keeping nothing on disk. */
async function startRedis(port) {
  const logFile = path.join(work, 'redis.log');
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      work,
    ],
    {
      detached: true,
      stdio: ['ignore', fs.openSync(logFile, 'a'), fs.openSync(logFile, 'a')],
    },
  );
  running.add(child);
  child.once('exit', () => running.delete(child));
  await waitFor(
    () => redisCommand(port, 'PING').then(r => r === '+PONG'),
    30,
    `redis-server on :${port}`,
  );
  return child;
}

/** One inline command to Redis; answers its first reply line. */
function redisCommand(port, command) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let reply = '';
    socket.setTimeout(2000, () => socket.destroy(new Error('timeout')));
    socket.on('data', data => {
      reply += data.toString('utf8');
      if (reply.includes('\r\n')) {
        socket.end();
        resolve(reply.split('\r\n')[0]);
      }
    });
    socket.on('error', reject);
    socket.write(`${command}\r\n`);
  });
}

/** How many keys Redis holds (its DBSIZE). */
async function redisKeys(port) {
  return Number((await redisCommand(port, 'DBSIZE')).replace(/^:/, ''));
}

/**
 * Two replicas whose cache service is one Redis: edits never served stale, answers
 * made once for both, and Redis killed under load without an error.
 */
async function redisReplicas(dist) {
  const redisPort = PORT_BASE + 13;
  const redis = await startRedis(redisPort);
  const db = databaseConfig('pg', 'redis');
  const ports = [PORT_BASE + 14, PORT_BASE + 15];
  const bases = ports.map(p => `http://localhost:${p}`);
  const extra = {
    backend: {
      cache: { store: 'redis', connection: `redis://127.0.0.1:${redisPort}` },
    },
  };
  // One replica loads the starting content first; seeding from two at once is the
  // phase above's.
  const a = await startBackend(dist, 'redis-1', ports[0], db, extra);
  const b = await startBackend(dist, 'redis-2', ports[1], db, extra);
  const proxy = await roundRobin(ports);
  const front = `http://127.0.0.1:${proxy.address().port}`;
  try {
    const edits = await crossReplicaEdits(bases, 'redis', 'shared');
    const keys = await redisKeys(redisPort);
    check(keys > 0, `redis: the answers are kept in Redis (${keys} keys)`);
    log(`redis: Redis holds ${keys} keys`);

    // Redis killed halfway through the load: readers and writers see no error.
    let killedAt;
    const load = await mixedLoad(front, bases[0], {
      seconds: Math.max(10, Math.round(LOAD_SECONDS / 2)),
      prefix: 'redis-load',
      halfway: async () => {
        killedAt = Date.now();
        await stop(redis, 'SIGKILL');
        log('redis: redis-server killed with SIGKILL under load');
      },
    });
    check(killedAt, 'redis: Redis was killed during the load');
    // Without Redis, each replica makes its own answers, still never stale.
    const after = await crossReplicaEdits(bases, 'redis-down', 'computed');
    log(
      `redis: with Redis gone, ${after} more edits read back at once from the other replica, each answer made by the replica that was asked`,
    );
    return { edits: edits + after, reads: load.reads, writes: load.writes };
  } finally {
    proxy.close();
    await Promise.all([stop(a), stop(b), stop(redis, 'SIGKILL')]);
  }
}

/**
 * 200 readers and 5 writers for 30 seconds through the proxy; `halfway`, when given,
 * runs halfway through while they go on.
 */
async function mixedLoad(
  front,
  base,
  { seconds = LOAD_SECONDS, prefix = 'load', halfway } = {},
) {
  const readerHeaders = {
    Authorization: `Bearer ${await token(base, 'kimura.aoi')}`,
    'accept-encoding': 'gzip',
  };
  const writerHeaders = {
    Authorization: `Bearer ${await token(base, 'yamada.taro')}`,
  };
  const own = [];
  for (let w = 0; w < WRITERS; w++) {
    const created = await api(
      front,
      'POST',
      '/entries',
      writerHeaders,
      writableEntry(`${prefix}-${process.pid}-${w}`, '開始'),
    );
    check(created.status === 201, `load: writer ${w} has its entry`);
    own.push(created.body);
  }
  const until = Date.now() + seconds * 1000;
  const stats = {
    reads: 0,
    readErrors: 0,
    writes: 0,
    writeErrors: 0,
    statuses: new Map(),
  };
  const lastWritten = new Map();
  const reader = async r => {
    const routes = [
      '/years/2026',
      '/entries/shutsuno-heisa',
      `/entries?limit=20&cycle=budget`,
      '/courses',
    ];
    for (let i = r; Date.now() < until; i++) {
      try {
        const res = await fetch(
          `${front}/api/city-hall-year${routes[i % routes.length]}`,
          { headers: readerHeaders },
        );
        await res.arrayBuffer();
        stats.reads++;
        if (res.status !== 200) {
          stats.readErrors++;
          stats.statuses.set(
            res.status,
            (stats.statuses.get(res.status) ?? 0) + 1,
          );
        }
      } catch {
        stats.readErrors++;
      }
    }
  };
  const writer = async w => {
    let entry = own[w];
    for (let n = 1; Date.now() < until; n++) {
      const summary = `書き込み ${w}-${n}`;
      try {
        const res = await api(
          front,
          'PUT',
          `/entries/${entry.id}`,
          writerHeaders,
          {
            ...editableFields(entry),
            summary: { ja: summary },
            version: entry.version,
          },
        );
        if (res.status === 200) {
          stats.writes++;
          entry = res.body;
          lastWritten.set(w, { version: entry.version, summary });
        } else {
          stats.writeErrors++;
          stats.statuses.set(
            res.status,
            (stats.statuses.get(res.status) ?? 0) + 1,
          );
          entry = (
            await api(front, 'GET', `/entries/${entry.id}`, writerHeaders)
          ).body;
        }
      } catch {
        stats.writeErrors++;
      }
    }
  };
  await Promise.all([
    ...Array.from({ length: READERS }, (_, r) => reader(r)),
    ...Array.from({ length: WRITERS }, (_, w) => writer(w)),
    ...(halfway ? [sleep((seconds * 1000) / 2).then(halfway)] : []),
  ]);
  let lost = 0;
  for (let w = 0; w < WRITERS; w++) {
    const stored = (
      await api(front, 'GET', `/entries/${own[w].id}`, writerHeaders)
    ).body;
    const last = lastWritten.get(w);
    if (
      !last ||
      stored.version !== last.version ||
      stored.summary.ja !== last.summary
    )
      lost++;
  }
  log(
    `${prefix}: ${READERS} readers and ${WRITERS} writers for ${seconds} s through the round-robin: ${
      stats.reads
    } reads (${Math.round(stats.reads / seconds)}/s), ${stats.writes} writes, ${
      stats.readErrors + stats.writeErrors
    } errors ${JSON.stringify([...stats.statuses])}, ${lost} lost updates`,
  );
  check(
    stats.readErrors === 0 && stats.writeErrors === 0,
    `${prefix}: zero errors`,
  );
  check(lost === 0, `${prefix}: zero lost updates`);
  check(
    stats.writes > 0 && stats.reads > READERS,
    `${prefix}: real work was done`,
  );
  return { reads: stats.reads, writes: stats.writes };
}

async function main() {
  check(
    PG,
    'set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING (scripts/test.sh starts a server)',
  );
  log('building the backend bundle');
  const dist = prepareBuiltBackend('fault-dist');
  ({ editableFields } = builtCommon(dist));
  const only = process.env.FAULT_ONLY;
  const skipped = { acknowledged: 0 };
  // FAULT_ONLY=replicas (the clock check) or FAULT_ONLY=redis runs one phase alone.
  const durable = engine => (only ? skipped : durability(dist, engine));
  const sqlite = await durable('sqlite');
  const postgres = await durable('pg');
  const pair =
    only === 'redis' ? { edits: 0, reads: 0, writes: 0 } : await replicas(dist);
  const shared =
    only === 'replicas'
      ? { edits: 0, reads: 0, writes: 0 }
      : await redisReplicas(dist);
  const summary = `${
    sqlite.acknowledged + postgres.acknowledged
  } acknowledged writes survived SIGKILL, ${
    pair.edits
  } cross-replica edits seen at once, ${pair.reads} reads and ${
    pair.writes
  } writes under load with 0 errors; with Redis: ${
    shared.edits
  } cross-replica edits never stale, ${shared.reads} reads and ${
    shared.writes
  } writes with Redis killed halfway, 0 errors`;
  writeResult({ passed: checks.passed, failed: 0, summary });
  log(
    `abuse: fault suite — ${checks.passed} checks passed; ${
      sqlite.acknowledged + postgres.acknowledged
    } acknowledged writes survived SIGKILL (SQLite ${
      sqlite.acknowledged
    }, PostgreSQL ${postgres.acknowledged}); ${
      pair.edits
    } cross-replica edits seen at once; ${pair.reads} reads and ${
      pair.writes
    } writes under load with 0 errors and 0 lost updates; with Redis as the shared cache, ${
      shared.edits
    } cross-replica edits never stale, answers made once for both replicas, and ${
      shared.reads
    } reads and ${shared.writes} writes with Redis killed halfway, 0 errors`,
  );
}

main()
  .then(() => process.exit(0))
  .catch(async error => {
    console.error(error);
    writeResult({
      passed: checks.passed,
      failed: 1,
      summary: String(error.message),
    });
    console.error(`Logs of the backends are in ${work}`);
    await Promise.all([...running].map(child => stop(child, 'SIGKILL')));
    process.exit(1);
  });
