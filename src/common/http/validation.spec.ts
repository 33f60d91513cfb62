import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { createValidationPipe, dropOptionalNulls } from './validation';

class Inner {
  @IsOptional() @IsString() note?: string;
  @IsString() name: string;
}

class Outer {
  @IsOptional() @IsString() id?: string;
  @IsString() code: string;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => Inner) inner?: Inner;
}

describe('dropOptionalNulls', () => {
  it('deletes nulls of @IsOptional() fields, in nested DTOs too, and leaves the rest', () => {
    const inner = Object.assign(new Inner(), { note: null, name: 'n' });
    const outer = Object.assign(new Outer(), { id: null, code: 'c', inner });
    dropOptionalNulls(outer);
    expect(outer).toEqual(Object.assign(new Outer(), { code: 'c', inner: Object.assign(new Inner(), { name: 'n' }) }));
    expect('id' in outer).toBe(false);
  });

  it('leaves plain objects, arrays of them and prototype-less objects (query strings) alone', () => {
    const plain = { id: null, list: [{ id: null }] };
    dropOptionalNulls(plain);
    expect(plain).toEqual({ id: null, list: [{ id: null }] });
    const query = Object.assign(Object.create(null) as Record<string, unknown>, { limit: '1', id: null });
    dropOptionalNulls(query);
    expect({ ...query }).toEqual({ limit: '1', id: null });
  });
});

describe('the body validation pipe', () => {
  const pipe = createValidationPipe();
  const body = (value: unknown) => pipe.transform(value, { type: 'body', metatype: Outer });

  it('reads a null optional field as absent', async () => {
    const result = (await body({ id: null, code: 'c', inner: { note: null, name: 'n' } })) as Outer;
    expect(result).toBeInstanceOf(Outer);
    expect(result.id).toBeUndefined();
    expect('id' in result).toBe(false);
    expect(result.inner).toEqual(Object.assign(new Inner(), { name: 'n' }));
  });

  it('still refuses a null required field, and an array in place of an object', async () => {
    await expect(body({ code: null })).rejects.toThrow(/^OBP-10001: .*code/);
    await expect(body({ code: 'c', inner: [] })).rejects.toThrow(/^OBP-10001: .*inner/);
  });
});
