/** Types for test/net-guard.mjs (plain JavaScript so `node --import` can load it). */
export function netGuardDecision(kind: 'lookup' | 'resolve' | 'connect', host: string | undefined, port?: number | string): string | null;
export function takeViolations(): string[];
export function installNetGuard(): boolean;
export function netGuardInstalled(): boolean;
export function netGuardEnv(): Record<string, string>;
