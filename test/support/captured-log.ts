import { Writable } from 'node:stream';

/** Collects everything pino writes (createTestApp's logDestination), for tests that read the log. */
export class CapturedLog extends Writable {
  text = '';
  _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}
