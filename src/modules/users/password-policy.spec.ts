import { isBasicPassword, isValidPassword } from './password-policy';

describe('OBP password rule (OBP-30207)', () => {
  it('accepts a long password of basic characters', () => {
    expect(isValidPassword('a'.repeat(17))).toBe(true);
    expect(isValidPassword('correct horse battery staple')).toBe(true);
    expect(isValidPassword('a'.repeat(512))).toBe(true);
  });

  it('refuses long passwords over 512 characters or with other characters', () => {
    expect(isValidPassword('a'.repeat(513))).toBe(false);
    expect(isValidPassword('ä'.repeat(20))).toBe(false);
    expect(isValidPassword('brackets-are-[not]-allowed')).toBe(false);
  });

  it('accepts 10-16 characters with digit, lower, upper and special', () => {
    expect(isValidPassword('Abcdef12!x')).toBe(true);
    expect(isValidPassword('Abcdefgh1234567~')).toBe(true);
  });

  it('refuses short passwords missing a class, or with a space', () => {
    expect(isValidPassword('abcdef12!x')).toBe(false); // no upper
    expect(isValidPassword('ABCDEF12!X')).toBe(false); // no lower
    expect(isValidPassword('Abcdefgh!x')).toBe(false); // no digit
    expect(isValidPassword('Abcdefgh12')).toBe(false); // no special
    expect(isValidPassword('Abc def12!x')).toBe(false); // space
    expect(isValidPassword('Ab1!')).toBe(false); // too short
    expect(isValidPassword('Abcdefgh1234567!x')).toBe(true); // 17 chars: the long rule applies
  });

  it('basic check allows space but not control characters', () => {
    expect(isBasicPassword('a b')).toBe(true);
    expect(isBasicPassword('a\nb')).toBe(false);
  });
});
