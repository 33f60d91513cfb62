import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { exampleOfBody, exampleOfDto } from './dto-example';

class MoneyJson {
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ example: '10.00' }) amount: string;
}

class LineJson {
  @ApiProperty({ example: 'coffee' }) label: string;
  @ApiProperty({ type: () => MoneyJson }) price: MoneyJson;
}

class ReceiptJson {
  @ApiProperty({ example: 'r-1' }) id: string;
  @ApiProperty({ type: 'integer', example: 3 }) count: number;
  @ApiProperty({ type: () => [LineJson] }) lines: LineJson[];
  @ApiProperty({ type: [String], example: ['food', 'drinks'] }) tags: string[];
  @ApiProperty({ type: MoneyJson, nullable: true }) total: MoneyJson | null;
  @ApiProperty({ type: String, nullable: true, example: null }) note: string | null;
  @ApiPropertyOptional({ example: true }) paid?: boolean;
}

class ExtendedReceiptJson extends ReceiptJson {
  @ApiProperty({ example: 'Berlin' }) city: string;
}

class NoExamplesJson {
  @ApiProperty() name: string;
  @ApiProperty() size: number;
  @ApiProperty({ enum: ['A', 'B'] }) kind: string;
}

describe('exampleOfDto', () => {
  it('builds the example from @ApiProperty examples, nested classes (lazy or direct) and arrays, in declaration order', () => {
    const example = exampleOfDto(ReceiptJson);
    expect(example).toEqual({
      id: 'r-1',
      count: 3,
      lines: [{ label: 'coffee', price: { currency: 'EUR', amount: '10.00' } }],
      tags: ['food', 'drinks'],
      total: { currency: 'EUR', amount: '10.00' },
      note: null,
      paid: true,
    });
    expect(Object.keys(example)).toEqual(['id', 'count', 'lines', 'tags', 'total', 'note', 'paid']);
  });

  it('includes inherited properties first', () => {
    expect(Object.keys(exampleOfDto(ExtendedReceiptJson))).toEqual(['id', 'count', 'lines', 'tags', 'total', 'note', 'paid', 'city']);
  });

  it('falls back to neutral values of the declared type (the placeholders a test flags) and to the first enum value', () => {
    expect(exampleOfDto(NoExamplesJson)).toEqual({ name: 'string', size: 0, kind: 'A' });
  });

  it('returns a fresh copy each time (callers may change it)', () => {
    const first = exampleOfDto(ReceiptJson);
    (first.lines as { label: string }[])[0].label = 'changed';
    expect((exampleOfDto(ReceiptJson).lines as { label: string }[])[0].label).toBe('coffee');
  });

  it('exampleOfBody: a class, a bare array of a class, or true for Boolean', () => {
    expect(exampleOfBody(MoneyJson)).toEqual({ currency: 'EUR', amount: '10.00' });
    expect(exampleOfBody([MoneyJson])).toEqual([{ currency: 'EUR', amount: '10.00' }]);
    expect(exampleOfBody(Boolean)).toBe(true);
  });
});
