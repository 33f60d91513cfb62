import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RolesAccess } from '../../src/common/auth/access';
import { ROLE_NAMES, type RoleName } from '../../src/common/auth/roles';
import { EndpointRegistry } from '../../src/common/endpoint/endpoint-registry';
import type { AppConfig } from '../../src/config/app-config';
import { APP_CONFIG } from '../../src/config/config.module';
import { declarationProblems } from '../support/authorization-matrix/access-rules';
import { catalogueProblems } from '../support/authorization-matrix/catalogue-access';
import { grantBank, insufficientRoleSets, matrixRoutes, sufficientRoleSets, type MatrixRoute } from '../support/authorization-matrix/cases';
import { authorised, missingRoles, notLoggedIn, type Expectation } from '../support/authorization-matrix/expectations';
import { Principals, type Grant } from '../support/authorization-matrix/principals';
import { inventoryProblems, nestRouteHandlers } from '../support/authorization-matrix/route-inventory';
import { MatrixRunner, routingProblems, type MatrixRequest } from '../support/authorization-matrix/runner';
import { createBank, createConsumer } from '../support/identity';
import { createTestApp } from '../support/test-app';

/**
 * The authorisation matrix, generated from the @ObpEndpoint declarations (nothing hand-listed):
 * every verb x path x version is called anonymously, by a user without roles, by a user holding
 * every role at another bank, and by users holding exactly a sufficient (or, for all/groups
 * declarations, an insufficient) role set at the right bank. Only the authorisation outcome is
 * asserted: 401 OBP-20001, 403 OBP-20006 naming the roles, or "neither 401 nor 403".
 *
 * The expectations follow the declarations, so the declarations are checked first: every served
 * route must carry one (public, authenticated or roles), and "public" must be where the spec
 * catalogue says authentication is optional, so anonymous callers get 401 everywhere else.
 */

// Every instance switch on (gated routes must reach their role check) and nothing that changes
// who holds a role: no consumer scopes in role checks, no call limits, resource docs open.
const MATRIX_ENV = {
  OBP_ALLOW_CUSTOMER_FIREHOSE: 'true',
  OBP_ALLOW_ACCOUNT_FIREHOSE: 'true',
  OBP_ALLOW_PUBLIC_VIEWS: 'true',
  OBP_ALLOW_SANDBOX_DATA_IMPORT: 'true',
  OBP_REQUIRE_SCOPES_FOR_ALL_ROLES: 'false',
  OBP_ALLOW_ENTITLEMENTS_OR_SCOPES: 'false',
  OBP_USE_CONSUMER_LIMITS: 'false',
  OBP_RESOURCE_DOCS_REQUIRES_ROLE: 'false',
};
// Requests in flight: enough to overlap the app's and the database's work on two cores without
// queueing hundreds of requests behind PGlite's single connection.
const IN_FLIGHT = 12;
const LONG = 120_000;

describe('Authorisation matrix (e2e)', () => {
  let app: NestFastifyApplication;
  let registry: EndpointRegistry;
  let routes: MatrixRoute[];
  let principals: Principals;
  let runner: MatrixRunner;
  let otherBankId: string;

  beforeAll(async () => {
    app = await createTestApp({ env: MATRIX_ENV });
    // One listening socket for all requests (supertest would otherwise open and close one per batch).
    await app.listen(0, '127.0.0.1');
    registry = app.get(EndpointRegistry);
    const bankId = await createBank(app);
    otherBankId = await createBank(app);
    principals = new Principals(app, (await createConsumer(app)).key);
    routes = matrixRoutes(registry.all(), bankId);
    runner = new MatrixRunner(app, IN_FLIGHT);
  }, LONG);

  afterAll(async () => {
    if (!app) return;
    if (!runner) return void (await app.close());
    const handlers = nestRouteHandlers(app);
    const summary = [
      `Authorisation matrix: ${handlers.length} route handlers (${registry.all().length} @ObpEndpoint, ${handlers.filter((h) => h.nonObp).length} @NonObpRoute),`,
      `${routes.length} OBP routes (verb x path x version), ${runner.sent} requests, ${principals.count} logged-in users.`,
      ...runner.statuses.map((line) => `  ${line}`),
      ...(runner.serverErrors.length > 0 ? [`5xx answers (not authorisation failures):`, ...runner.serverErrors] : []),
    ];
    console.log(summary.join('\n'));
    await app.close();
  });

  const rolesRoutes = () => routes.flatMap((route) => (route.endpoint.access.kind === 'roles' ? [{ route, access: route.endpoint.access }] : []));
  const holding = (grants: Grant[]) => () => principals.holding(grants);
  const named = (grants: Grant[]) => grants.map((grant) => `${grant.role}@${grant.bankId || 'system'}`).join('+');
  /** One request per role set of each roles route, each set granted where the route checks it (grantBank). */
  const roleSetRequests = (
    roleSets: (access: RolesAccess) => RoleName[][],
    expectFor: (access: RolesAccess, route: MatrixRoute) => Expectation,
  ): MatrixRequest[] =>
    rolesRoutes().flatMap(({ route, access }) =>
      roleSets(access).map((roles) => {
        const grants = roles.map((role) => ({ role, bankId: grantBank(role, route) }));
        return { route, caller: named(grants), headers: holding(grants), expect: expectFor(access, route) };
      }),
    );

  describe('declarations', () => {
    it('every route the server serves is an @ObpEndpoint with a well-formed access rule, or on a @NonObpRoute controller', () => {
      const problems = [...inventoryProblems(app, registry.all()), ...registry.all().flatMap(declarationProblems)];
      expect(problems).toEqual([]);
    });

    it('declares public exactly where the catalogue says authentication is optional, and the roles OBP enforces', () => {
      expect(catalogueProblems(registry.all())).toEqual([]);
    });

    it('runs with every feature gate on, so gated routes are checked up to their roles', () => {
      const features = app.get<AppConfig>(APP_CONFIG).features;
      expect(Object.entries(features).filter(([, on]) => !on)).toEqual([]);
    });

    it('sends each request to the route it was generated for', () => {
      expect(routingProblems(app, routes)).toEqual([]);
    });
  });

  describe('callers', () => {
    it(
      'anonymous: 401 OBP-20001, except on public routes',
      async () => {
        const requests: MatrixRequest[] = routes.map((route) => ({
          route,
          caller: 'anonymous',
          headers: async () => undefined,
          expect: route.endpoint.access.kind === 'public' ? authorised : notLoggedIn,
        }));
        expect(await runner.run('anonymous', requests)).toEqual([]);
      },
      LONG,
    );

    it(
      'logged in without roles: 403 OBP-20006 naming the roles on role routes, let through elsewhere',
      async () => {
        const requests: MatrixRequest[] = routes.map((route) => {
          const access = route.endpoint.access;
          return { route, caller: 'no roles', headers: holding([]), expect: access.kind === 'roles' ? missingRoles(access, route.bankId) : authorised };
        });
        expect(await runner.run('no roles', requests)).toEqual([]);
      },
      LONG,
    );

    // Every known role, all granted at a bank other than the path's: bank roles count only at the
    // bank they were granted at, and system roles only at "" (OBP stores them there), so none of
    // them may open any role route, with or without BANK_ID in its path.
    it(
      'holding every role at another bank: 403 OBP-20006 on every role route',
      async () => {
        const everyRoleElsewhere = ROLE_NAMES.map((role) => ({ role, bankId: otherBankId }));
        const requests: MatrixRequest[] = rolesRoutes().map(({ route, access }) => ({
          route,
          caller: `every role at ${otherBankId}`,
          headers: holding(everyRoleElsewhere),
          expect: missingRoles(access, route.bankId),
        }));
        expect(await runner.run('every role at another bank', requests)).toEqual([]);
      },
      LONG,
    );

    it(
      'all/groups declarations, holding an incomplete role set at the right bank: 403 OBP-20006',
      async () => {
        const requests = roleSetRequests(insufficientRoleSets, (access, route) => missingRoles(access, route.bankId));
        expect(requests.length).toBeGreaterThan(0);
        expect(await runner.run('incomplete role sets', requests)).toEqual([]);
      },
      LONG,
    );

    // Last: these callers pass authorisation, so writes may really happen. Non-bank ids are
    // placeholders, so deletes and updates find nothing; no route deletes a bank, user or consumer
    // by BANK_ID alone.
    it(
      'holding a sufficient role set at the right bank (bank roles at BANK_ID, system roles at ""): let through',
      async () => {
        const requests = roleSetRequests(sufficientRoleSets, () => authorised);
        expect(await runner.run('sufficient role sets', requests)).toEqual([]);
      },
      LONG,
    );
  });
});
