// The DataSource the TypeORM CLI uses (npm run migration:run / migration:generate).
export { default } from './src/database/data-source';
