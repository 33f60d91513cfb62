import { isLoginableUsername, isValidUsername } from './username-policy';

describe('username policy (OBP AuthUser rule)', () => {
  it.each(['felixsmith', 'user.name_1', 'robert.x.0.gh', 'a1234567', 'felix.smith@example.com', 'x@y', 'UPPER.case_Mixed9'])('accepts %j', (name) => {
    expect(isValidUsername(name)).toBe(true);
  });

  it.each([
    ['too short', 'felix'],
    ['too long', 'a'.repeat(101)],
    ['leading dot', '.felixsmith'],
    ['trailing underscore', 'felixsmith_'],
    ['doubled separator', 'felix..smith'],
    ['mixed doubled separator', 'felix._smith'],
    ['space', 'felix smith'],
    ['markup', '<script>alert(1)</script>'],
    ['Cyrillic homoglyph', 'fеlixsmith'],
    ['fullwidth letters', 'ｆｅｌｉｘｓｍｉｔｈ'],
    ['zero-width joiner', 'felix\u200dsmith'],
    ['hyphen outside an e-mail', 'felix-smith'],
    ['e-mail over 100 characters', `${'a'.repeat(95)}@example.com`],
  ])('refuses %s', (_why, name) => {
    expect(isValidUsername(name)).toBe(false);
  });

  it('lets the bootstrap keep names DirectLogin can send', () => {
    expect(isLoginableUsername('admin')).toBe(true);
    expect(isLoginableUsername('<b>admin</b>')).toBe(false);
    expect(isLoginableUsername('')).toBe(false);
  });
});
