import { Body, type PipeTransform } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { createValidationPipe } from './validation';

/** The one pipe every request body goes through. */
const BODY_VALIDATION = createValidationPipe();

/**
 * The request body, validated (see createValidationPipe). The pipe is bound to bodies only, not
 * global: a global pipe runs, with a promise each, for every path parameter, query and custom
 * argument of every request (about 4 KB of allocation per GET), where it only ever returned
 * its input. Plain @Body() is refused at start-up (assertBodiesValidated).
 */
export function ValidBody(): ParameterDecorator {
  return Body(BODY_VALIDATION);
}

interface RouteArgument {
  pipes?: (PipeTransform | Function)[];
}

/** Throws when a handler of the controller reads the body without @ValidBody(): such a body would reach the service unchecked. */
export function assertBodiesValidated(controller: Function, methodNames: string[]): void {
  for (const method of methodNames) {
    const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, RouteArgument>;
    for (const [key, argument] of Object.entries(args)) {
      if (key.split(':')[0] !== String(RouteParamtypes.BODY)) continue;
      if (!argument.pipes?.includes(BODY_VALIDATION)) {
        throw new Error(`${controller.name}.${method} reads the request body without @ValidBody(): its body would not be validated`);
      }
    }
  }
}
