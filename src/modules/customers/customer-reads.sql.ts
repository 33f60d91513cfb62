import type { ListQuery } from '../../common/http/list-query';
import type { NamedStatement } from '../../database/pg-queries';

/**
 * A customer's attributes at its bank as one JSON array, in creation order, each object with the
 * keys of CustomerAttributeJson in its order (the response is built from it unchanged).
 * `c` is the customers row.
 */
const ATTRIBUTES_JSON = `
  COALESCE((SELECT json_agg(json_build_object('customer_attribute_id', a.customer_attribute_id, 'name', a.name,
                                              'type', a.type, 'value', a.value)
                            ORDER BY a.created_at, a.creation_seq)
              FROM customer_attributes a
             WHERE a.customer_id = c.customer_id AND a.bank_id = c.bank_id), '[]'::json)`;

/** GET customer by id: the row and its attributes in one round trip ($1 customer_id, $2 bank_id). */
export function customerWithAttributesSql(columns: string): NamedStatement {
  return {
    name: 'customer_with_attributes',
    text: `SELECT ${columns}, ${ATTRIBUTES_JSON} AS "attributes"
             FROM customers c
            WHERE c.customer_id = $1 AND c.bank_id = $2`,
  };
}

/** A statement with its parameter values. */
export interface BoundStatement {
  statement: NamedStatement;
  values: unknown[];
}

/**
 * One page of customers (CustomersRepository.page): updated within [from, to], optionally at one
 * bank and having any of the attribute name=value pairs, in listing order (the index order of
 * customers_bank_last_ok_idx / customers_last_ok_idx), limited and offset in SQL.
 */
export function customersPageSql(columns: string, query: ListQuery, bankId: string | undefined, attributeFilters: [string, string][]): BoundStatement {
  const values: unknown[] = [query.fromDate, query.toDate];
  const where = ['c.updated_at BETWEEN $1 AND $2'];
  if (bankId !== undefined) {
    values.push(bankId);
    where.push(`c.bank_id = $${values.length}`);
  }
  if (attributeFilters.length > 0) {
    const pairs = attributeFilters.map(([name, value]) => {
      values.push(name, value);
      return `(a.name = $${values.length - 1} AND a.value = $${values.length})`;
    });
    where.push(`c.customer_id IN (SELECT a.customer_id FROM customer_attributes a WHERE a.bank_id = c.bank_id AND (${pairs.join(' OR ')}))`);
  }
  values.push(query.limit, query.offset);
  const direction = query.sortDirection;
  const nulls = direction === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST';
  const text = `SELECT ${columns} FROM customers c WHERE ${where.join(' AND ')}
                 ORDER BY c.last_ok_date ${direction} ${nulls}, c.customer_id ${direction}
                 LIMIT $${values.length - 1} OFFSET $${values.length}`;
  // Statements with attribute filters differ by their number: left unnamed, so a connection does
  // not keep one prepared statement per filter count a client ever sent.
  const name = attributeFilters.length === 0 ? `customers_page_${bankId === undefined ? 'any_bank' : 'bank'}_${direction.toLowerCase()}` : undefined;
  return { statement: { name, text }, values };
}

/**
 * LIKE over mobile numbers at a bank ($1 bank_id, $2 pattern, $3 limit, $4 offset), in two steps:
 * the page's ids first, then their rows. The ids come either from an index-only scan of
 * customers_bank_phone_page_idx in customer_id order, filtering on the phone number the index
 * carries and stopping once the page is full (a common pattern such as '%381%' matches ~1% of a
 * million customers: 5k index entries instead of 9k heap rows sorted), or from the trigram index
 * for a rare pattern; the planner picks by the pattern's estimated selectivity.
 *
 * Left unnamed on purpose: a prepared statement would drift to one generic plan for every pattern,
 * which is the wrong one for either the common or the rare patterns.
 */
export function customersByPhoneSql(columns: string): NamedStatement {
  return {
    name: undefined,
    text: `WITH page AS (
             SELECT customer_id FROM customers
              WHERE bank_id = $1 AND mobile_phone_number LIKE $2
              ORDER BY customer_id ASC
              LIMIT $3 OFFSET $4)
           SELECT ${columns} FROM page JOIN customers c ON c.customer_id = page.customer_id
            ORDER BY c.customer_id ASC`,
  };
}
