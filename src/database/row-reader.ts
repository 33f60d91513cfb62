export type RowReader = (values: unknown[]) => object;
/** One reader per column list; the lists are the statements' own, so this holds a few entries. */
const rowReaders = new Map<string, RowReader>();

/**
 * A row's values (a DataRow's, parsed by RowsQuery) into an object under the column names, by a
 * function compiled once per set of names: an object literal, so every row of one statement has
 * one hidden class, built at one monomorphic site. pg's own object rows clone one prebuilt object per
 * statement at a single site shared by every statement the process runs; in the app that site and
 * the stores after it see dozens of shapes and go megamorphic, which made pg's row parsing 2.5x
 * slower than in a process running one statement (CPU profile of a customer list, issue 21).
 * The names are the SQL's own column aliases, written into the source as JSON string literals.
 */
export function rowReader(fields: { name: string }[]): RowReader {
  const key = fields.map((field) => field.name).join('\0');
  let reader = rowReaders.get(key);
  if (reader === undefined) {
    // In an object literal "__proto__" would set the prototype instead of a property.
    if (fields.some((field) => field.name === '__proto__')) throw new Error('rowReader: a column named __proto__');
    const properties = fields.map((field, i) => `${JSON.stringify(field.name)}: values[${i}]`);
    // Compiled as fast-json-stringify compiles the response schemas; the source holds only the
    // statement's column names, JSON-quoted.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    reader = new Function('values', `return { ${properties.join(', ')} };`) as RowReader;
    rowReaders.set(key, reader);
  }
  return reader;
}
