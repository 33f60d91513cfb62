import { assertValueMatchesType } from './attribute-value';

describe('attribute values', () => {
  it.each([
    ['STRING', 'anything at all'],
    ['INTEGER', '-42'],
    ['DOUBLE', '3.14'],
    ['DATE_WITH_DAY', '2024-02-29'],
  ])('accepts a %s %s', (type, value) => {
    expect(() => assertValueMatchesType(type, value)).not.toThrow();
  });

  it.each([
    ['INTEGER', '4.2'],
    ['INTEGER', 'forty'],
    ['DOUBLE', 'NaN'],
    ['DOUBLE', ''],
    ['DATE_WITH_DAY', '2024-13-01'],
    ['DATE_WITH_DAY', '01/02/2024'],
  ])('refuses a %s %j with OBP-10001', (type, value) => {
    expect(() => assertValueMatchesType(type, value)).toThrow(/^OBP-10001/);
  });
});
