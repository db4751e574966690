/**
 * One place that picks the TensorFlow.js backend.
 *
 * `@tensorflow/tfjs-node` is not a dependency (native build, not installable everywhere), so in
 * Node we use the wasm backend for loading and checking models and fall back to the pure-JS cpu
 * backend if wasm cannot start. The wasm backend fetches its .wasm binary at init; in Node it
 * must be told the package's dist folder on disk (nothing is downloaded at run time).
 * Training uses the cpu backend: it has every gradient kernel, and its float maths is plain JS,
 * so a training run is bit-for-bit reproducible.
 */
import { createRequire } from 'node:module';
import { dirname, sep } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

export type BackendName = 'wasm' | 'cpu';

let ready: Promise<BackendName> | undefined;
let quiet = false;

function silenceTfjsBanner(): void {
  if (quiet) return;
  quiet = true;
  // tfjs warns "use tfjs-node for speed" on first use in Node; PROD silences tfjs warnings, which
  // would otherwise land in CLI output.
  tf.env().set('PROD', true);
}

/** Registers and selects the wasm backend (cpu on failure). Idempotent; resolves to the name. */
export function useWasmBackend(): Promise<BackendName> {
  return (ready ??= (async () => {
    silenceTfjsBanner();
    try {
      const require = createRequire(import.meta.url);
      const dist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm')) + sep;
      setWasmPaths(dist);
      if (await tf.setBackend('wasm')) {
        await tf.ready();
        return 'wasm';
      }
    } catch {
      // fall through to cpu
    }
    await tf.setBackend('cpu');
    await tf.ready();
    return 'cpu';
  })());
}

/** Selects the cpu backend (training: all gradients, deterministic). */
export async function useCpuBackend(): Promise<void> {
  silenceTfjsBanner();
  await tf.setBackend('cpu');
  await tf.ready();
  ready = undefined;
}

export { tf };
