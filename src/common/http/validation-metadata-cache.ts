import { getMetadataStorage } from 'class-validator';

type MetadataStorage = ReturnType<typeof getMetadataStorage>;
type ValidationMetadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];
type GroupedMetadata = ReturnType<MetadataStorage['groupByPropertyName']>;

const MEMOISED = Symbol('obp.memoisedValidationMetadata');

/**
 * class-validator looks a class's rules up again on every validate call, for the body and each nested
 * object: it walks every registered DTO class with `instanceof` to find inherited rules, then groups
 * the rules by property. With this server's few hundred DTO classes that was most of the validation
 * cost on the create path (CPU profile, issue 21). The rules only change when a decorator registers
 * one, so the answers are memoised per class and options, and forgotten whenever a rule is added.
 * The callers (class-validator's executor, Nest's pipe, dropOptionalNulls) only read what they get.
 */
export function memoiseValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  const marked = storage as MetadataStorage & { [MEMOISED]?: true };
  if (marked[MEMOISED]) return;
  marked[MEMOISED] = true;

  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  let rulesByTarget = new Map<Function | string, Map<string, ValidationMetadata[]>>();
  let groupedByRules = new WeakMap<ValidationMetadata[], GroupedMetadata>();

  storage.addValidationMetadata = (metadata) => {
    rulesByTarget = new Map();
    groupedByRules = new WeakMap();
    add(metadata);
  };

  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0000') ?? '\u0001'}`;
    let byOptions = rulesByTarget.get(target);
    if (!byOptions) rulesByTarget.set(target, (byOptions = new Map<string, ValidationMetadata[]>()));
    let rules = byOptions.get(key);
    if (!rules) byOptions.set(key, (rules = lookUp(target, schema, always, strictGroups, groups)));
    return rules;
  };

  storage.groupByPropertyName = (metadata) => {
    let grouped = groupedByRules.get(metadata);
    if (!grouped) groupedByRules.set(metadata, (grouped = group(metadata)));
    return grouped;
  };
}
