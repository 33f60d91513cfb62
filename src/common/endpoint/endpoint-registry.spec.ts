import { assertNoDuplicateRoutes } from './endpoint-registry';
import { toRoutePath } from './obp-endpoint.decorator';

describe('route table checks', () => {
  it('converts OBP placeholders to route parameters', () => {
    expect(toRoutePath('/banks/BANK_ID/customers/CUSTOMER_ID')).toBe('banks/:BANK_ID/customers/:CUSTOMER_ID');
    expect(toRoutePath('/root')).toBe('root');
  });

  it('fails on two handlers for one verb, path and version, whatever the parameter names', () => {
    expect(() =>
      assertNoDuplicateRoutes([
        { verb: 'GET', path: '/obp/v5.1.0/banks/BANK_ID', version: '5.1.0', operationId: 'a' },
        { verb: 'GET', path: '/obp/v5.1.0/banks/OTHER_ID', version: '5.1.0', operationId: 'b' },
      ]),
    ).toThrow(/Duplicate OBP routes/);
  });

  it('accepts the same path on other verbs or versions', () => {
    expect(() =>
      assertNoDuplicateRoutes([
        { verb: 'GET', path: '/obp/v5.1.0/banks', version: '5.1.0', operationId: 'a' },
        { verb: 'POST', path: '/obp/v5.1.0/banks', version: '5.1.0', operationId: 'b' },
        { verb: 'GET', path: '/obp/v5.0.0/banks', version: '5.0.0', operationId: 'a' },
      ]),
    ).not.toThrow();
  });
});
