import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source-options';
import { PgQueries } from './pg-queries';
import { ResultShape, RowsQuery, type FieldDescription, type PgConnection } from './rows-query';

const TEXT = 25;
const INT4 = 23;
const TIMESTAMPTZ = 1184;
const field = (name: string, dataTypeID: number): FieldDescription => ({ name, dataTypeID, format: 'text' });

/** A connection that records what a query writes to it. */
function recordingConnection(parsed: Record<string, string> = {}) {
  const written: string[] = [];
  const connection: PgConnection = {
    parsedStatements: parsed,
    submittedNamedStatements: {},
    stream: { cork: () => written.push('cork'), uncork: () => written.push('uncork') },
    parse: (message) => written.push(`parse ${message.name ?? ''}`),
    bind: (message) => written.push(`bind ${message.statement ?? ''} ${JSON.stringify(message.values)}`),
    describe: () => written.push('describe'),
    execute: () => written.push('execute'),
    sync: () => written.push('sync'),
    sendCopyFail: (message) => written.push(`copyFail ${message}`),
  };
  return { connection, written };
}

/** A query with a spy callback, fed a RowDescription. */
function describedQuery(fields: FieldDescription[], statement = { name: undefined, text: 'SELECT' }) {
  const query = new RowsQuery(statement, statement.name, []);
  const callback = jest.fn();
  query.callback = callback;
  query.handleRowDescription({ fields });
  return { query, callback };
}

describe('RowsQuery on a connection', () => {
  it('parses a named statement once per connection, then only binds and executes it, corked', () => {
    const statement = { name: 'spec_named', text: 'SELECT $1::int' };
    const { connection, written } = recordingConnection();
    expect(new RowsQuery(statement, statement.name, [1]).submit(connection)).toBeNull();
    expect(written).toEqual(['cork', 'parse spec_named', 'bind spec_named ["1"]', 'describe', 'execute', 'sync', 'uncork']);
    expect(connection.submittedNamedStatements).toEqual({ spec_named: 'SELECT $1::int' });

    const again = recordingConnection({ spec_named: 'SELECT $1::int' });
    expect(new RowsQuery(statement, statement.name, [2]).submit(again.connection)).toBeNull();
    expect(again.written).toEqual(['cork', 'bind spec_named ["2"]', 'describe', 'execute', 'sync', 'uncork']);
  });

  it('parses an unnamed statement on every call', () => {
    const { connection, written } = recordingConnection();
    new RowsQuery({ name: 'ignored', text: 'SELECT 1' }, undefined, []).submit(connection);
    expect(written).toEqual(['cork', 'parse ', 'bind  []', 'describe', 'execute', 'sync', 'uncork']);
    expect(connection.submittedNamedStatements).toEqual({});
  });

  it('refuses a name already prepared with another text, writing nothing', () => {
    const { connection, written } = recordingConnection({ spec_named: 'SELECT 2' });
    const error = new RowsQuery({ name: 'spec_named', text: 'SELECT 1' }, 'spec_named', []).submit(connection);
    expect(error?.message).toMatch(/Prepared statements must be unique/);
    expect(written).toEqual([]);
  });

  it('refuses a value pg cannot serialise before writing anything', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const { connection, written } = recordingConnection();
    expect(new RowsQuery({ name: undefined, text: 'SELECT $1::jsonb' }, undefined, [circular]).submit(connection)).toBeInstanceOf(Error);
    expect(written).toEqual([]);
  });

  it('refuses binary results, which its parsers cannot read', () => {
    const query = new RowsQuery({ name: undefined, text: 'SELECT 1' }, undefined, []);
    query.binary = true;
    expect(query.submit(recordingConnection().connection)?.message).toMatch(/binary/);
  });

  it('fails a COPY FROM STDIN at once instead of leaving the connection waiting', () => {
    const { connection, written } = recordingConnection();
    new RowsQuery({ name: undefined, text: 'COPY t FROM STDIN' }, undefined, []).handleCopyInResponse(connection);
    expect(written).toEqual(['copyFail No source stream defined']);
  });
});

describe('RowsQuery reading a result', () => {
  it('parses each row by its column types into an object, and answers the rows once ready', () => {
    const { query, callback } = describedQuery([field('id', INT4), field('name', TEXT), field('at', TIMESTAMPTZ)]);
    query.handleDataRow({ fields: ['7', 'Ada', '2024-05-06 07:08:09.123+00'] });
    query.handleDataRow({ fields: ['8', null, null] });
    query.handleCommandComplete();
    expect(callback).not.toHaveBeenCalled();
    query.handleReadyForQuery();
    expect(callback).toHaveBeenCalledTimes(1);
    expect(callback).toHaveBeenCalledWith(null, [
      { id: 7, name: 'Ada', at: '2024-05-06T07:08:09Z' },
      { id: 8, name: null, at: null },
    ]);
  });

  it('keeps one shape per statement text while its columns stay the same, and reads afresh when they change', () => {
    const first = describedQuery([field('x', INT4)], { name: undefined, text: 'SELECT x' });
    first.query.handleDataRow({ fields: ['1'] });
    first.query.handleReadyForQuery();
    // The same text, the column now text (a migration changed it): read as text.
    // Another statement object with the same text, as the list's SQL builder makes per call.
    const second = describedQuery([field('x', TEXT)], { name: undefined, text: 'SELECT x' });
    second.query.handleDataRow({ fields: ['1'] });
    second.query.handleReadyForQuery();
    expect(first.callback).toHaveBeenCalledWith(null, [{ x: 1 }]);
    expect(second.callback).toHaveBeenCalledWith(null, [{ x: '1' }]);
  });

  it('reports a row its parser refuses once the server is ready again, and only that error', () => {
    const { query, callback } = describedQuery([field('at', TIMESTAMPTZ)]);
    query.handleDataRow({ fields: ['not a timestamp'] });
    query.handleDataRow({ fields: ['2024-05-06 07:08:09+00'] });
    expect(callback).not.toHaveBeenCalled();
    query.handleReadyForQuery();
    expect(callback).toHaveBeenCalledTimes(1);
    expect(callback.mock.calls[0]).toEqual([expect.any(Error), undefined]);
  });

  it('answers an error once, however often pg reports it', () => {
    const { query, callback } = describedQuery([]);
    const error = new Error('connection lost');
    query.handleError(error);
    query.handleError(new Error('again'));
    query.handleReadyForQuery();
    expect(callback).toHaveBeenCalledTimes(1);
    expect(callback).toHaveBeenCalledWith(error, undefined);
  });
});

describe('ResultShape', () => {
  const shape = new ResultShape([field('a', INT4), field('b', TEXT)]);

  it.each([
    { columns: 'the same columns', fields: [field('a', INT4), field('b', TEXT)], expected: true },
    { columns: 'a renamed column', fields: [field('a', INT4), field('c', TEXT)], expected: false },
    { columns: 'a column of another type', fields: [field('a', TEXT), field('b', TEXT)], expected: false },
    { columns: 'a binary column', fields: [field('a', INT4), { ...field('b', TEXT), format: 'binary' }], expected: false },
    { columns: 'one column fewer', fields: [field('a', INT4)], expected: false },
  ])('$columns: matches $expected', ({ fields, expected }) => {
    expect(shape.matches(fields)).toBe(expected);
  });
});

/** Through PgQueries (pg's Pool under TypeORM) against the test database (PostgreSQL, or the embedded PGlite), on one connection. */
describe('RowsQuery against the database', () => {
  let dataSource: DataSource;
  let pg: PgQueries;
  beforeAll(async () => {
    dataSource = new DataSource(buildDataSourceOptions(process.env.DATABASE_URL as string, 1, false));
    await dataSource.initialize();
    pg = new PgQueries(dataSource, { database: { preparedStatements: true } } as AppConfig);
  });
  afterAll(() => dataSource.destroy());

  const run = (statement: { name: string | undefined; text: string }, values: unknown[]) => pg.rows(statement, values);

  it('reads typed rows, with timestamps in wire form and json parsed', async () => {
    const statement = {
      name: undefined,
      text: `SELECT $1::int AS "count", $2::text AS "label", '2024-05-06 07:08:09.5+00'::timestamptz AS "at", '{"tier":"gold"}'::jsonb AS "extra", NULL::text AS "nothing"`,
    };
    await expect(run(statement, [3, 'x'])).resolves.toEqual([{ count: 3, label: 'x', at: '2024-05-06T07:08:09Z', extra: { tier: 'gold' }, nothing: null }]);
  });

  it('answers [] for no rows', async () => {
    await expect(run({ name: undefined, text: 'SELECT 1 AS one WHERE false' }, [])).resolves.toEqual([]);
  });

  // On one connection a second Parse of the name would fail ("prepared statement ... already exists").
  it('runs a named statement again without parsing it again', async () => {
    const name = `spec_rows_${randomUUID().replaceAll('-', '')}`;
    const statement = { name, text: 'SELECT $1::int + 1 AS "next"' };
    await expect(run(statement, [1])).resolves.toEqual([{ next: 2 }]);
    await expect(run(statement, [41])).resolves.toEqual([{ next: 42 }]);
  });

  it('rejects with PostgreSQL’s error and leaves the connection usable', async () => {
    await expect(run({ name: undefined, text: 'SELECT 1 / $1::int AS q' }, [0])).rejects.toMatchObject({ code: '22012' });
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    await expect(run({ name: undefined, text: 'SELECT $1::jsonb AS j' }, [circular])).rejects.toThrow();
    await expect(run({ name: undefined, text: 'SELECT 2 AS two' }, [])).resolves.toEqual([{ two: 2 }]);
  });
});
