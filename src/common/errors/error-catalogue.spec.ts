import { ObpErrors } from './error-catalogue';
import { ObpException, obpMessage } from './obp.exception';

describe('OBP error catalogue', () => {
  const entries = Object.entries(ObpErrors);

  it('gives every entry its own code', () => {
    const byCode = new Map<string, string[]>();
    for (const [name, error] of entries) byCode.set(error.code, [...(byCode.get(error.code) ?? []), name]);
    const shared = [...byCode].filter(([, names]) => names.length > 1);
    expect(shared).toEqual([]);
  });

  it('uses well-formed codes and HTTP error statuses', () => {
    // OBP's own irregular codes, which clients match as they are: six digits for an unknown branch
    // (ErrorMessages.BranchNotFoundByBranchId), a letter for a failed collection update (UpdateApiCollectionError).
    const irregularCodesOfObp = ['OBP-300010', 'OBP-3008A'];
    for (const [, error] of entries) {
      if (!irregularCodesOfObp.includes(error.code)) expect(error.code).toMatch(/^OBP-\d{5}$/);
      expect(error.status).toBeGreaterThanOrEqual(400);
      expect(error.status).toBeLessThan(600);
      expect(error.text.length).toBeGreaterThan(0);
    }
  });

  it('builds OBP messages with details', () => {
    expect(obpMessage(ObpErrors.UserHasMissingRoles, 'CanCreateCustomer')).toBe('OBP-20006: User is missing one or more roles: CanCreateCustomer');
    expect(obpMessage(ObpErrors.IncorrectRoleName, 'CanFly')).toBe('OBP-10007: Incorrect Role name:CanFly');
    expect(obpMessage(ObpErrors.InvalidJsonFormat, 'name: must be a string')).toBe('OBP-10001: Incorrect json format. name: must be a string');
    expect(ObpException.of('BankNotFound').body).toEqual({
      code: 404,
      message: 'OBP-30001: Bank not found. Please specify a valid value for BANK_ID.',
    });
  });
});
