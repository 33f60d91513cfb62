import { parseListQuery } from './list-query';

describe('parseListQuery', () => {
  it('applies OBP defaults', () => {
    const query = parseListQuery({});
    expect(query).toMatchObject({ limit: 50, offset: 0, sortDirection: 'ASC', otherParameters: [] });
    expect(query.fromDate.getTime()).toBe(0);
  });

  it('reads values and keeps other parameters as filters', () => {
    const query = parseListQuery({ limit: '5', offset: '10', sort_direction: 'desc', from_date: '2020-01-01T00:00:00.000Z', Tax: 'tax123' });
    expect(query).toMatchObject({ limit: 5, offset: 10, sortDirection: 'DESC', otherParameters: [['Tax', 'tax123']] });
  });

  it.each([
    [{ limit: '0' }, 'OBP-10025'],
    [{ limit: 'x' }, 'OBP-10025'],
    [{ offset: '-1' }, 'OBP-10024'],
    [{ sort_direction: 'up' }, 'OBP-10023'],
    [{ from_date: 'yesterday' }, 'OBP-10026'],
    [{ limit: ['1', '2'] }, 'OBP-10016'],
  ])('refuses %j with %s', (query, code) => {
    expect(() => parseListQuery(query)).toThrow(new RegExp(`^${code}`));
  });
});
