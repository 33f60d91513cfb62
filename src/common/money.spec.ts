import { fromMinorUnits, toMinorUnits } from './money';

describe('money in minor units', () => {
  it('converts decimal amounts to minor units, truncating extra digits', () => {
    expect(toMinorUnits('6599.63', 'GBP')).toBe('659963');
    expect(toMinorUnits('-351.25', 'gbp')).toBe('-35125');
    expect(toMinorUnits('10', 'EUR')).toBe('1000');
    expect(toMinorUnits('0.129', 'EUR')).toBe('12');
    expect(toMinorUnits('1500.9', 'JPY')).toBe('1500');
    expect(toMinorUnits('0', 'EUR')).toBe('0');
  });

  it('refuses text that is not a number, and overflow', () => {
    expect(toMinorUnits('12,50', 'EUR')).toBeUndefined();
    expect(toMinorUnits('abc', 'EUR')).toBeUndefined();
    expect(toMinorUnits('1e5', 'EUR')).toBeUndefined();
    expect(toMinorUnits('99999999999999999999', 'EUR')).toBeUndefined();
  });

  it('renders minor units with the currency decimals', () => {
    expect(fromMinorUnits('659963', 'GBP')).toBe('6599.63');
    expect(fromMinorUnits('-5', 'EUR')).toBe('-0.05');
    expect(fromMinorUnits('0', 'EUR')).toBe('0.00');
    expect(fromMinorUnits('1500', 'JPY')).toBe('1500');
  });
});
