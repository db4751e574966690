/**
 * A process cannot start for a reason the person starting it can fix (a port in use, a data
 * directory the database cannot reach): the CLI prints the message alone, no stack, and exits 1.
 */
export class StartError extends Error {
  readonly code = 'TIDEWATCH_START';
}
