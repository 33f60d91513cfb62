import { OmitType, PartialType } from '@nestjs/swagger';
import { IsArray, IsBoolean, IsInt, IsNumber, IsOptional, IsString, MaxLength } from 'class-validator';
import { applyLiftJsonLeniency, stringFieldValue } from './lift-json-leniency';
import { IsObpDate, NestedJson } from './obp-validators';

class Money {
  @IsString() currency: string;
  @IsString() amount: string;
}

class Body {
  @IsString() @MaxLength(50) number: string;
  @IsOptional() @MaxLength(10) declaredOnly: string;
  @IsInt() count: number;
  @IsNumber() latitude: number;
  @IsBoolean() flag: boolean;
  @IsObpDate() date: string;
  @IsArray() @IsString({ each: true }) tags: string[];
  @IsArray() @IsObpDate({ each: true }) dates: string[];
  @NestedJson(() => Money) limit: Money;
  @NestedJson(() => Money, { each: true }) limits: Money[];
}

class Mapped extends PartialType(OmitType(Body, ['count'] as const)) {}

function converted(body: Record<string, unknown>, dto: Function = Body): Record<string, unknown> {
  applyLiftJsonLeniency(body, dto);
  return body;
}

describe('lift-json leniency', () => {
  it('writes numbers, booleans, objects and arrays into String fields as their text', () => {
    expect(converted({ number: 1754311299, declaredOnly: true })).toEqual({ number: '1754311299', declaredOnly: 'true' });
    expect(converted({ number: 12.5 })).toEqual({ number: '12.5' });
    expect(converted({ number: -0.001 })).toEqual({ number: '-0.001' });
    expect(converted({ number: { a: [1, 'x'] } })).toEqual({ number: '{"a":[1,"x"]}' });
    expect(converted({ number: [1, 2] })).toEqual({ number: '[1,2]' });
  });

  it('follows nested DTOs and lists, and mapped types', () => {
    expect(converted({ limit: { currency: 'EUR', amount: 0 }, limits: [{ amount: 10 }, 'not an object'], tags: [1, 'a', false] })).toEqual({
      limit: { currency: 'EUR', amount: '0' },
      limits: [{ amount: '10' }, 'not an object'],
      tags: ['1', 'a', 'false'],
    });
    expect(converted({ number: 7, limit: { amount: 1 } }, Mapped)).toEqual({ number: '7', limit: { amount: '1' } });
  });

  it('truncates a fraction in an integer field, as Double.intValue', () => {
    expect(converted({ count: 2.9 })).toEqual({ count: 2 });
    expect(converted({ count: -2.9 })).toEqual({ count: -2 });
  });

  it('converts nothing OBP refuses: strings into numbers or booleans, anything into dates, numbers into booleans', () => {
    const body = { count: '3', latitude: '1.5', flag: 1, date: 20240101, dates: [1], number: null };
    expect(converted({ ...body })).toEqual(body);
  });

  it('leaves integers JSON.parse has rounded (beyond 2^53) as numbers, so they are refused rather than stored wrong', () => {
    const rounded = Number('12345678901234567890'); // JSON.parse has already rounded it
    expect(stringFieldValue(rounded)).toBe(rounded);
    expect(stringFieldValue(2 ** 53 - 1)).toBe('9007199254740991');
  });

  it('ignores bodies that are not objects', () => {
    expect(() => applyLiftJsonLeniency([1, 2], Body)).not.toThrow();
    expect(() => applyLiftJsonLeniency(null, Body)).not.toThrow();
    expect(() => applyLiftJsonLeniency('text', Body)).not.toThrow();
  });
});
