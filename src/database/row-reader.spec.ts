import { rowReader } from './row-reader';

describe('rowReader', () => {
  it('reads a row of values into an object under the column names, in column order', () => {
    const read = rowReader([{ name: 'customerId' }, { name: 'legal name' }, { name: 'attributes' }]);
    const row = read(['c1', 'Ada', [{ name: 'tier' }]]);
    expect(row).toEqual({ customerId: 'c1', 'legal name': 'Ada', attributes: [{ name: 'tier' }] });
    expect(Object.keys(row)).toEqual(['customerId', 'legal name', 'attributes']);
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
  });

  it('compiles one reader per list of column names', () => {
    const fields = [{ name: 'a' }, { name: 'b' }];
    expect(rowReader(fields)).toBe(rowReader([{ name: 'a' }, { name: 'b' }]));
    expect(rowReader(fields)).not.toBe(rowReader([{ name: 'b' }, { name: 'a' }]));
  });

  it('keeps names that are not identifiers as data', () => {
    const read = rowReader([{ name: 'x"; throw new Error("injected") //' }, { name: '`${1}`' }]);
    expect(read([1, 2])).toEqual({ 'x"; throw new Error("injected") //': 1, '`${1}`': 2 });
  });

  it('refuses a column named __proto__, which an object literal would take for the prototype', () => {
    expect(() => rowReader([{ name: '__proto__' }])).toThrow(/__proto__/);
  });
});
