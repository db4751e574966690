import { Command } from 'commander';
import { loadConfig } from '../../core/config.ts';
import { createLogger } from '../../core/logger.ts';
import { startRuntime } from '../runtime.ts';
import { closeOnSignals } from '../process-lifecycle.ts';

export function apiCommand() {
  return new Command('api').description('serve the HTTP API (API_HOST, API_PORT)').action(async () => {
    const config = loadConfig();
    const log = createLogger(config.logLevel, 'tidewatch-api');
    const rt = await startRuntime(config, log, { api: true });
    log.info({ url: rt.apiUrl }, 'API listening');
    closeOnSignals(rt);
  });
}
