import type { DestinationStream } from 'pino';

/**
 * Keeps the application's error log lines by Correlation-Id, so a failed property can show why
 * the server answered 500 (the body rightly says nothing).
 */
export class ErrorLog implements DestinationStream {
  private readonly byCorrelationId = new Map<string, string>();

  write(line: string): void {
    const entry = JSON.parse(line) as { level?: number; correlationId?: string; msg?: string; err?: { type?: string; message?: string; stack?: string } };
    if ((entry.level ?? 0) < 50 || !entry.correlationId) return;
    const frame = entry.err?.stack?.split('\n').find((text) => text.includes('/src/')) ?? '';
    this.byCorrelationId.set(entry.correlationId, `${entry.msg}: ${entry.err?.type}: ${entry.err?.message?.slice(0, 300)} ${frame.trim()}`);
    if (this.byCorrelationId.size > 10_000) this.byCorrelationId.delete(this.byCorrelationId.keys().next().value as string);
  }

  of(correlationId: unknown): string | undefined {
    return typeof correlationId === 'string' ? this.byCorrelationId.get(correlationId) : undefined;
  }
}
