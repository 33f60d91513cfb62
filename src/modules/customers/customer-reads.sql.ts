import type { NamedStatement } from '../../database/pg-queries';

/**
 * A customer's attributes at its bank as one JSON array, in creation order, each object with the
 * keys of CustomerAttributeJson in its order (the response is built from it unchanged).
 * `c` is the customers row.
 */
const ATTRIBUTES_JSON = `
  COALESCE((SELECT json_agg(json_build_object('customer_attribute_id', a.customer_attribute_id, 'name', a.name,
                                              'type', a.type, 'value', a.value)
                            ORDER BY a.created_at, a.customer_attribute_id)
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
