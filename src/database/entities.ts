// Every TypeORM entity of the application. The app and the TypeORM CLI share this list, so an
// entity added here is both loaded at run time and seen by `migration:generate`.
export const ALL_ENTITIES: Function[] = [];
