import { mkdirSync, openSync, closeSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** A running embedded PostgreSQL (PGlite) reachable through the ordinary pg driver. */
export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

export const IN_MEMORY = 'memory://';

/** Another live process (usually the running server) holds the embedded data directory. */
export class EmbeddedDatabaseInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(`The embedded database at ${dataDir} is in use by process ${holderPid}. Stop that process first, or set DATABASE_URL to use a PostgreSQL server.`);
  }
}

/**
 * Starts PGlite in-process and serves it on a loopback port so TypeORM's pg driver and the
 * migrations work unchanged. `maxConnections` must cover the pool size.
 */
export async function startEmbeddedPostgres(dataDir: string, maxConnections: number): Promise<EmbeddedPostgres> {
  const inMemory = dataDir === IN_MEMORY;
  const releaseLock = inMemory ? () => undefined : lockDataDir(resolve(dataDir));
  try {
    const db = new PGlite({ dataDir: inMemory ? undefined : resolve(dataDir), extensions: { pg_trgm } });
    await db.waitReady;
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
    await server.start();
    let stopped = false;
    return {
      url: `postgres://postgres@${server.getServerConn()}/postgres`,
      async stop() {
        if (stopped) return;
        stopped = true;
        await server.stop();
        await db.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/**
 * PGlite does not lock its directory; two processes on one directory would corrupt it.
 * A pidfile beside the data directory makes the second one fail clearly instead.
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dirname(dataDir), { recursive: true });
  const lockFile = join(dirname(dataDir), `${basenameOf(dataDir)}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          unlinkSync(lockFile);
        } catch {
          /* already gone */
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockFile, 'utf8'));
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new EmbeddedDatabaseInUseError(dataDir, holder);
      }
      unlinkSync(lockFile); // stale lock from a process that died
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

function basenameOf(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? 'pglite';
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
