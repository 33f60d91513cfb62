/**
 * What resource docs need from API collections (`?api-collection-id=`): the operation ids of a
 * collection the caller may read, in the collection's order; an empty list for any other id.
 * Implemented by the api-collections module, which itself depends on this module's registry, so
 * the resource-docs controller looks the implementation up at call time instead of importing it.
 */
export abstract class ApiCollectionOperationIds {
  abstract operationIdsOf(apiCollectionId: string, userId: string | undefined): Promise<string[]>;
}
