import 'reflect-metadata';
import { getMetadataStorage, IsInt, IsOptional, IsString, MetadataStorage, ValidateNested, validate } from 'class-validator';
import { Type } from 'class-transformer';
import { memoiseValidationMetadata } from './validation-metadata-cache';

class Address {
  @IsString() street!: string;
}
class Person {
  @IsString() name!: string;
  @IsOptional() @IsInt() age?: number;
  @ValidateNested() @Type(() => Address) address?: Address;
}
class Employee extends Person {
  @IsString() employer!: string;
}
// Registered before memoising; the storage under test is a private copy fed the same rules.
const ORIGINAL = new MetadataStorage();
const MEMOISED = new MetadataStorage();
for (const target of [Address, Person, Employee]) {
  for (const rule of getMetadataStorage().getTargetValidationMetadatas(target, '', false, false)) {
    if (rule.target === target) {
      ORIGINAL.addValidationMetadata(rule);
      MEMOISED.addValidationMetadata(rule);
    }
  }
}
memoiseValidationMetadata(MEMOISED);

describe('memoiseValidationMetadata', () => {
  const OPTIONS: [boolean, boolean, string[] | undefined][] = [
    [false, false, undefined],
    [true, false, undefined],
    [false, true, []],
    [false, false, ['g']],
  ];

  it.each(OPTIONS)('answers what class-validator answers, inherited rules included (always=%s, strictGroups=%s, groups=%j)', (always, strict, groups) => {
    for (const target of [Address, Person, Employee]) {
      const expected = ORIGINAL.getTargetValidationMetadatas(target, '', always, strict, groups);
      const first = MEMOISED.getTargetValidationMetadatas(target, '', always, strict, groups);
      const second = MEMOISED.getTargetValidationMetadatas(target, '', always, strict, groups);
      expect(first).toEqual(expected);
      expect(second).toBe(first);
      expect(MEMOISED.groupByPropertyName(first)).toEqual(ORIGINAL.groupByPropertyName(expected));
      expect(MEMOISED.groupByPropertyName(second)).toBe(MEMOISED.groupByPropertyName(first));
    }
  });

  it('includes the rules a class inherits', () => {
    const properties = MEMOISED.getTargetValidationMetadatas(Employee, '', false, false).map((rule) => rule.propertyName);
    expect(new Set(properties)).toEqual(new Set(['employer', 'name', 'age', 'address']));
  });

  it('forgets its answers when a rule is added', () => {
    const before = MEMOISED.getTargetValidationMetadatas(Address, '', false, false);
    const [streetRule] = ORIGINAL.getTargetValidationMetadatas(Address, '', false, false);
    const extra = Object.assign(Object.create(Object.getPrototypeOf(streetRule) as object) as typeof streetRule, streetRule, { propertyName: 'city' });
    MEMOISED.addValidationMetadata(extra);
    const after = MEMOISED.getTargetValidationMetadatas(Address, '', false, false);
    expect(after).not.toBe(before);
    expect(after.map((rule) => rule.propertyName)).toEqual(['street', 'city']);
  });

  it('is installed once: memoising twice keeps one layer', () => {
    const lookUp = MEMOISED.getTargetValidationMetadatas;
    memoiseValidationMetadata(MEMOISED);
    expect(MEMOISED.getTargetValidationMetadatas).toBe(lookUp);
  });

  it('leaves validation results unchanged on the global storage', async () => {
    memoiseValidationMetadata();
    const person = Object.assign(new Employee(), { name: 'A', age: 'x', employer: 3, address: Object.assign(new Address(), { street: 1 }) });
    const errors = await validate(person);
    expect(errors.map((error) => error.property).sort()).toEqual(['address', 'age', 'employer']);
    expect(errors.find((error) => error.property === 'address')?.children?.[0]?.property).toBe('street');
  });
});
