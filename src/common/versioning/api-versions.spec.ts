import { API_VERSIONS, between, parseApiVersion, since, versionStatus } from './api-versions';

describe('API versions', () => {
  it('since() runs to the latest version', () => {
    expect(since('4.0.0')).toEqual(['4.0.0', '5.0.0', '5.1.0']);
    expect(since('1.2.1')).toEqual([...API_VERSIONS]);
  });

  it('between() is inclusive and refuses reversed ranges', () => {
    expect(between('2.0.0', '2.2.0')).toEqual(['2.0.0', '2.1.0', '2.2.0']);
    expect(() => between('3.1.0', '2.0.0')).toThrow(/reversed/);
  });

  it('parses the forms OBP accepts', () => {
    expect(parseApiVersion('v3.1.0')).toBe('3.1.0');
    expect(parseApiVersion('OBPv5.1.0')).toBe('5.1.0');
    expect(parseApiVersion('5.0.0')).toBe('5.0.0');
    expect(parseApiVersion('v9.9.9')).toBeUndefined();
    expect(parseApiVersion('v3.1.0; drop table')).toBeUndefined();
  });

  it('marks only the newest version as bleeding edge', () => {
    expect(versionStatus('5.1.0')).toBe('BLEEDING_EDGE');
    expect(versionStatus('5.0.0')).toBe('STABLE');
  });
});
