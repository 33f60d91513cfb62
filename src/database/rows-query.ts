import { BoundedMap } from '../common/bounded-map';
import type { NamedStatement } from './pg-queries';
import { rowReader, type RowReader } from './row-reader';
import { WIRE_DATE_TYPES } from './pg-wire-dates';

/** pg's value serialiser (Dates, arrays, JSON, Buffers into parameter text), as its own queries bind. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prepareValue } = require('pg/lib/utils') as { prepareValue: (value: unknown) => string | Buffer | null };

/** A column of a RowDescription message, as pg-protocol parses it. */
export interface FieldDescription {
  name: string;
  dataTypeID: number;
  format: string;
}

/** What a query writes to pg's Connection (the calls pg's own Query and pg-cursor make). */
export interface PgConnection {
  parsedStatements: Record<string, string>;
  submittedNamedStatements: Record<string, string>;
  stream: { cork?(): void; uncork?(): void };
  parse(message: { text: string; name?: string }): void;
  bind(message: { portal: string; statement?: string; values: (string | Buffer | null)[] }): void;
  describe(message: { type: 'P'; name: string }): void;
  execute(message: { portal: string }): void;
  sync(): void;
  sendCopyFail(message: string): void;
}

type ValueParser = (text: string) => unknown;

/**
 * How one statement's result reads: a parser per column and the row reader. Remembered per
 * statement and checked against every RowDescription (same names, types and formats), so a
 * changed result (a migration) is read afresh.
 */
export class ResultShape {
  readonly parsers: ValueParser[];
  readonly read: RowReader;

  constructor(private readonly fields: FieldDescription[]) {
    this.parsers = fields.map((field) => WIRE_DATE_TYPES.getTypeParser(field.dataTypeID, field.format || 'text'));
    this.read = rowReader(fields);
  }

  matches(fields: FieldDescription[]): boolean {
    if (fields.length !== this.fields.length) return false;
    for (let i = 0; i < fields.length; i++) {
      const known = this.fields[i];
      const field = fields[i];
      if (field.name !== known.name || field.dataTypeID !== known.dataTypeID || field.format !== known.format) return false;
    }
    return true;
  }
}

/**
 * The last shape each statement text read. Keyed by the text, not the statement object: the list
 * statements are built per call (customersPageSql). The texts are the code's own, a few dozen;
 * the bound only guards against a builder that one day puts values into its text.
 */
const shapes = new BoundedMap<string, ResultShape>(1000);

type RowsCallback = (error: Error | null, rows?: object[]) => void;

/**
 * One statement through pg's extended protocol, its rows read straight into objects: a pg
 * "Submittable" (the interface pg-cursor implements), handed to Pool#query. It sends what pg's
 * own Query sends for a statement with parameters (Parse once per connection when named, Bind,
 * Describe, Execute, Sync) and differs in how the result is read. pg's Query rebuilds the
 * result's parsers for every RowDescription, through a null-prototype dictionary object spread
 * into the per-statement row template (Result#addFields: 16 µs of CPU on a GET by id, a tenth of
 * it, in the profile of issue 21), and clones its config on construction; here the parsers and
 * the row reader are the statement text's own, built once and checked against each RowDescription,
 * and each DataRow's values are parsed in place, then read into an object.
 */
export class RowsQuery {
  /** Read by pg's Client: it records a named statement as parsed, or forgets it after an error. */
  readonly name: string | undefined;
  readonly text: string;
  /** Set by pg's Client (Pool#query's callback); called once, at ReadyForQuery or on an error. */
  callback: RowsCallback | undefined;
  /** Set by pg's Client when it was configured for binary results, which these readers cannot read. */
  binary: boolean | undefined;
  private shape: ResultShape | undefined;
  private readonly rows: object[] = [];
  /** A row that could not be parsed: reported once PostgreSQL is ready again, as pg's Query does. */
  private failure: Error | undefined;
  private answered = false;

  constructor(
    statement: NamedStatement,
    name: string | undefined,
    private readonly values: unknown[],
  ) {
    this.name = name;
    this.text = statement.text;
  }

  /** Writes the statement to the connection; an Error return is handed back to handleError by pg's Client. */
  submit(connection: PgConnection): Error | null {
    if (this.binary) return new Error('RowsQuery reads text results only; the client asks for binary ones');
    const name = this.name;
    const known = name === undefined ? undefined : (connection.parsedStatements[name] ?? connection.submittedNamedStatements[name]);
    if (known !== undefined && known !== this.text) return new Error(`Prepared statements must be unique - '${name}' was used for a different statement`);
    let values: (string | Buffer | null)[];
    try {
      // Serialised before anything is written: a value that cannot be bound fails this query alone.
      values = this.values.map((value) => prepareValue(value));
    } catch (error) {
      return error as Error;
    }
    // Corked: the five messages leave in one write.
    connection.stream.cork?.();
    try {
      if (known === undefined) {
        connection.parse({ text: this.text, name });
        if (name !== undefined) connection.submittedNamedStatements[name] = this.text;
      }
      connection.bind({ portal: '', statement: name, values });
      connection.describe({ type: 'P', name: '' });
      connection.execute({ portal: '' });
      connection.sync();
    } finally {
      connection.stream.uncork?.();
    }
    return null;
  }

  handleRowDescription(message: { fields: FieldDescription[] }): void {
    let shape = shapes.get(this.text);
    if (shape === undefined || !shape.matches(message.fields)) {
      shape = new ResultShape(message.fields);
      shapes.set(this.text, shape);
    }
    this.shape = shape;
  }

  handleDataRow(message: { fields: (string | null)[] }): void {
    if (this.failure !== undefined) return;
    const values: unknown[] = message.fields;
    const parsers = (this.shape as ResultShape).parsers;
    try {
      for (let i = 0; i < values.length; i++) {
        const text = values[i];
        if (text !== null) values[i] = parsers[i](text as string);
      }
    } catch (error) {
      this.failure = error as Error;
      return;
    }
    this.rows.push((this.shape as ResultShape).read(values));
  }

  handleCommandComplete(): void {}

  handleEmptyQuery(): void {}

  /** Only a query that asks for a limited number of rows is suspended; this one asks for all. */
  handlePortalSuspended(): void {}

  /** A COPY … FROM STDIN has no data to read here: refused, so the connection does not wait for it. */
  handleCopyInResponse(connection: PgConnection): void {
    connection.sendCopyFail('No source stream defined');
  }

  handleCopyData(): void {}

  handleError(error: Error): void {
    this.answer(this.failure ?? error);
  }

  handleReadyForQuery(): void {
    if (this.failure !== undefined) this.answer(this.failure);
    else this.answer(null, this.rows);
  }

  private answer(error: Error | null, rows?: object[]): void {
    if (this.answered) return;
    this.answered = true;
    this.callback?.(error, rows);
  }
}
