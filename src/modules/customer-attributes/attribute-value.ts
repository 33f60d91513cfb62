import { ObpException } from '../../common/errors/obp.exception';

/** A value must read as its declared type (OBP stores any string; see docs/COMPATIBILITY.md). */
export function assertValueMatchesType(type: string, value: string): void {
  const valid =
    type === 'STRING' ||
    (type === 'INTEGER' && /^-?\d{1,18}$/.test(value)) ||
    (type === 'DOUBLE' && value.trim() !== '' && Number.isFinite(Number(value))) ||
    (type === 'DATE_WITH_DAY' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)));
  if (!valid) throw ObpException.of('InvalidJsonFormat', `value "${value.slice(0, 50)}" is not a valid ${type}`);
}
