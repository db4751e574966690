import type { Runtime } from '../core/runtime.ts';

/**
 * Graceful shutdown on SIGINT/SIGTERM: stop taking jobs, let in-flight ones finish, close
 * connections, exit 0. A second signal exits at once.
 */
export function closeOnSignals(rt: Runtime, onClosed: () => void = () => process.exit(0)): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    rt.log.info({ signal }, 'shutting down');
    rt.close().then(onClosed, (err: Error) => {
      rt.log.error({ err: err.message }, 'shutdown failed');
      process.exit(1);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** An error meant for the person at the terminal, printed without a stack trace. */
export class UsageError extends Error {
  readonly code = 'TIDEWATCH_USAGE';
}
