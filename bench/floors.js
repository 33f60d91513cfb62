// The GET-by-id of the app without the app around it, for bench/layers.js: the same SQL (customer
// and attributes in one statement, prepared, read through the app's PgQueries), the same mapper
// and the same response schema, with no authentication, guard, hooks, metrics or logging.
//   node bench/floors.js fastify <port>  bare Fastify
//   node bench/floors.js nest <port>     bare Nest on the Fastify adapter, one controller
// Reads the built modules (npm run build first) and DATABASE_URL / DATABASE_POOL_SIZE.
'use strict';
require('reflect-metadata');
const { join } = require('node:path');
const { DataSource } = require('typeorm');

const dist = (path) => require(join(__dirname, '..', 'dist', 'src', path));
const { buildDataSourceOptions } = dist('database/data-source-options');
const { entityColumns, PgQueries } = dist('database/pg-queries');
const { CustomerEntity } = dist('modules/customers/entities/customer.entity');
const { customerWithAttributesSql } = dist('modules/customers/customer-reads.sql');
const { toCustomerWithAttributesJsonV310 } = dist('modules/customers/customer.mapper');
const { CUSTOMER_WITH_ATTRIBUTES_RESPONSE } = dist('modules/customers/dto/customer-response.schema');

const ROUTE = '/obp/v5.1.0/banks/:BANK_ID/customers/:CUSTOMER_ID';

async function main() {
  const [kind, port] = process.argv.slice(2);
  const dataSource = new DataSource(buildDataSourceOptions(process.env.DATABASE_URL, Number(process.env.DATABASE_POOL_SIZE || 10), false));
  await dataSource.initialize();
  const statement = customerWithAttributesSql(entityColumns(dataSource, CustomerEntity, 'c'));
  // The app's raw read path (array rows, wire dates, prepared statement).
  const pg = new PgQueries(dataSource, { database: { preparedStatements: true } });
  const getCustomer = async (bankId, customerId) => {
    const [row] = await pg.rows(statement, [customerId, bankId]);
    return toCustomerWithAttributesJsonV310(row, row.attributes);
  };
  if (kind === 'fastify') await fastifyFloor(getCustomer).listen({ port: Number(port), host: '127.0.0.1' });
  else if (kind === 'nest') await (await nestFloor(getCustomer)).listen(Number(port), '127.0.0.1');
  else throw new Error(`unknown floor ${kind}`);
}

function fastifyFloor(getCustomer) {
  const app = require('fastify')();
  app.get(ROUTE, { schema: { response: CUSTOMER_WITH_ATTRIBUTES_RESPONSE } }, (request) => getCustomer(request.params.BANK_ID, request.params.CUSTOMER_ID));
  return app;
}

/** Plain JavaScript, so the decorators are applied by hand. */
async function nestFloor(getCustomer) {
  const { Controller, Get, Module, Param } = require('@nestjs/common');
  const { NestFactory } = require('@nestjs/core');
  const { FastifyAdapter, RouteSchema } = require('@nestjs/platform-fastify');
  class CustomerController {
    get(bankId, customerId) {
      return getCustomer(bankId, customerId);
    }
  }
  const method = Object.getOwnPropertyDescriptor(CustomerController.prototype, 'get');
  Reflect.decorate([Get(ROUTE.slice(1)), RouteSchema({ response: CUSTOMER_WITH_ATTRIBUTES_RESPONSE })], CustomerController.prototype, 'get', method);
  Param('BANK_ID')(CustomerController.prototype, 'get', 0);
  Param('CUSTOMER_ID')(CustomerController.prototype, 'get', 1);
  Reflect.defineMetadata('design:paramtypes', [String, String], CustomerController.prototype, 'get');
  Controller()(CustomerController);
  class FloorModule {}
  Module({ controllers: [CustomerController] })(FloorModule);
  return NestFactory.create(FloorModule, new FastifyAdapter(), { logger: false });
}

process.on('SIGTERM', () => process.exit(0));
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
