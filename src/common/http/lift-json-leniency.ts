import type { MetadataStorage as TransformerMetadataStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage } from 'class-validator';
import { MAX_JSON_DEPTH } from './input-limits';

// class-transformer keeps @Type() metadata in a storage it does not export from its index (Nest's
// mapped types read it the same way); the nested DTO of a field comes from there.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformerMetadataStorage };

/**
 * OBP's JSON leniency, as lift-json's `Extraction.extract` (lift 3.5, with OBP's own formats)
 * applies it when a body is read into an OBP case class:
 *
 * - into a String field, a JSON number becomes its decimal text (`1754311299` -> "1754311299"),
 *   and a boolean, object or array its compact JSON text (`true` -> "true"): lift converts JInt
 *   and JDouble itself, OBP's StringDeserializer renders every other non-string value;
 * - into an Int or Long field, a JSON number with a fraction is truncated toward zero (lift's
 *   `JDouble(x).intValue`);
 * - nothing else: a string never becomes a number, boolean or date, a number never a boolean or a
 *   date, and `null` stays `null`.
 *
 * Applied to the plain body before class-transformer and class-validator see it, driven by what
 * the DTO class declares: a field is a String field when its declared type is `string`
 * (`design:type` String) or it carries @IsString(), unless it is a date (@IsObpDate: OBP reads
 * those into java.util.Date, which takes strings only); an integer field carries @IsInt(); lists
 * of them carry the same rule with `each`; nested DTOs (@Type, as NestedJson declares them) are
 * followed. Every rule the DTO adds (ids, URLs, lengths, patterns) then applies to the converted
 * text, so `"branch_id": 12` passes as "12" while `"face_image": {"url": 5}` fails isUrl-style
 * checks as "5" would. Two limits: an integer beyond 2^53 (which JSON.parse has already rounded) is
 * not converted, so the field still reports that it must be a string rather than store digits the
 * client did not send; and the text of a number is JavaScript's shortest form (`1.0` is read as
 * `1` and becomes "1", `12345678.9` "12345678.9", where OBP writes Java's "1.0" and "1.23456789E7").
 * See docs/COMPATIBILITY.md.
 */
export function applyLiftJsonLeniency(body: unknown, dto: Function): void {
  convertObject(body, dto, 0);
}

type FieldKind = 'string' | 'int';

interface FieldPlan {
  kind?: FieldKind;
  /** The kind applies to each item of a list. */
  each: boolean;
  /** The DTO of a nested object (or of each item of a nested list). */
  nested?: Function;
}

const plans = new WeakMap<Function, Map<string, FieldPlan>>();

function planOf(dto: Function): Map<string, FieldPlan> {
  let plan = plans.get(dto);
  if (plan) return plan;
  plan = new Map();
  const rules = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const names = new Map<string, { each: Set<string>; single: Set<string> }>();
  for (const rule of rules) {
    const entry = names.get(rule.propertyName) ?? { each: new Set<string>(), single: new Set<string>() };
    (rule.each ? entry.each : entry.single).add(rule.name ?? rule.type);
    names.set(rule.propertyName, entry);
  }
  for (const [property, entry] of names) {
    const declared: unknown = Reflect.getMetadata('design:type', dto.prototype as object, property);
    const nested = defaultMetadataStorage.findTypeMetadata(dto, property)?.typeFunction();
    let kind: FieldKind | undefined;
    let each = false;
    if (entry.single.has('isObpDate') || entry.each.has('isObpDate')) kind = undefined;
    else if (entry.single.has('isString') || (declared === String && !entry.single.has('isInt'))) kind = 'string';
    else if (entry.each.has('isString')) [kind, each] = ['string', true];
    else if (entry.single.has('isInt')) kind = 'int';
    else if (entry.each.has('isInt')) [kind, each] = ['int', true];
    if (kind || typeof nested === 'function') plan.set(property, { kind, each, nested: typeof nested === 'function' ? nested : undefined });
  }
  plans.set(dto, plan);
  return plan;
}

function convertObject(value: unknown, dto: Function, depth: number): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || depth > MAX_JSON_DEPTH) return;
  const record = value as Record<string, unknown>;
  for (const [property, field] of planOf(dto)) {
    if (!Object.prototype.hasOwnProperty.call(record, property)) continue;
    const item = record[property];
    if (field.kind) {
      if (field.each) {
        if (Array.isArray(item)) item.forEach((element, index) => (item[index] = convertValue(element, field.kind!)));
      } else {
        record[property] = convertValue(item, field.kind);
      }
    } else if (field.nested) {
      if (Array.isArray(item)) item.forEach((element) => convertObject(element, field.nested!, depth + 1));
      else convertObject(item, field.nested, depth + 1);
    }
  }
}

function convertValue(value: unknown, kind: FieldKind): unknown {
  if (kind === 'string') return stringFieldValue(value);
  return typeof value === 'number' && Number.isFinite(value) && !Number.isInteger(value) ? Math.trunc(value) : value;
}

/** What a String field of an OBP case class receives for a JSON value, or the value unchanged. */
export function stringFieldValue(value: unknown): unknown {
  switch (typeof value) {
    case 'number':
      if (Number.isInteger(value)) return Number.isSafeInteger(value) ? String(value) : value; // beyond 2^53 JSON.parse has rounded it
      return String(value);
    case 'boolean':
      return String(value);
    case 'object':
      return value === null ? value : JSON.stringify(value);
    default:
      return value;
  }
}
