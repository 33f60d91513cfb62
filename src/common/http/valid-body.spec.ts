import { Body, Param, type PipeTransform } from '@nestjs/common';
import { assertBodiesValidated, ValidBody } from './valid-body';

const identity: PipeTransform = { transform: (value: unknown) => value };

class Controllers {
  validated(@ValidBody() body: unknown, @Param('ID') id: string) {
    return [body, id];
  }

  unchecked(@Body() body: unknown) {
    return body;
  }

  otherPipe(@Body(identity) body: unknown) {
    return body;
  }

  noBody(@Param('ID') id: string) {
    return id;
  }
}

describe('assertBodiesValidated', () => {
  it('accepts handlers whose body is read through @ValidBody(), and handlers without a body', () => {
    expect(() => assertBodiesValidated(Controllers, ['validated', 'noBody'])).not.toThrow();
  });

  it.each([['unchecked'], ['otherPipe']])('refuses %s: a body read past the validation pipe', (method) => {
    expect(() => assertBodiesValidated(Controllers, [method])).toThrow(`Controllers.${method} reads the request body without @ValidBody()`);
  });
});
