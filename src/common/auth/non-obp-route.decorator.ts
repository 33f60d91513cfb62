import { SetMetadata } from '@nestjs/common';

export const NON_OBP_ROUTE = 'obp:non-obp-route';

/**
 * Marks a controller whose routes are not OBP endpoints (health, metrics, DirectLogin) and
 * handle their own access. The access guard refuses any route that has neither this marker nor
 * an @ObpEndpoint declaration.
 */
export const NonObpRoute = (): ClassDecorator & MethodDecorator => SetMetadata(NON_OBP_ROUTE, true);
