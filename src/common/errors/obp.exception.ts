import { ObpErrors, type ObpErrorDefinition, type ObpErrorName } from './error-catalogue';

/** The wire body of every OBP error. */
export interface ObpErrorBody {
  code: number;
  message: string;
}

/**
 * Joins OBP's text and an optional detail the way OBP does: straight after a text ending in ":" or
 * a space ("...missing:password", "...roles: CanX"), after a space otherwise ("...format. detail").
 */
export function obpMessage(error: ObpErrorDefinition, detail?: string): string {
  const base = `${error.code}: ${error.text}`;
  if (!detail) return base;
  return base.endsWith(' ') || base.endsWith(':') ? base + detail : `${base} ${detail}`;
}

/** An expected failure answered with an OBP error. Thrown anywhere; the global filter answers it. */
export class ObpException extends Error {
  readonly status: number;
  readonly body: ObpErrorBody;

  constructor(
    readonly error: ObpErrorDefinition,
    detail?: string,
    status: number = error.status,
  ) {
    const message = obpMessage(error, detail);
    super(message);
    this.status = status;
    this.body = { code: status, message };
  }

  static of(name: ObpErrorName, detail?: string, status?: number): ObpException {
    return new ObpException(ObpErrors[name], detail, status);
  }
}
