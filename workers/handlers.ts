import type { Job } from 'bullmq';
import type { PipelineContext } from './context.ts';
import type { QueueName } from './queues.ts';

export type Handler = (job: Job) => Promise<unknown>;
export type HandlerFactory = (ctx: PipelineContext) => Handler;

/**
 * The one registry of stages: queue name → its handler, loaded only by a process that consumes
 * that queue (evidence brings in a browser driver, refer the delivery code; a classify worker
 * carries neither). Adding a stage means adding a line here.
 */
export const HANDLERS: Record<QueueName, () => Promise<HandlerFactory>> = {
  ingest: async () => (await import('./ingest.ts')).createIngestHandler as HandlerFactory,
  classify: async () => (await import('./classify.ts')).createClassifyHandler as HandlerFactory,
  refer: async () => (await import('./refer.ts')).createReferHandler as HandlerFactory,
  evidence: async () => (await import('./evidence.ts')).createEvidenceHandler as HandlerFactory,
  liveness: async () => (await import('./liveness.ts')).createLivenessHandler as HandlerFactory,
};
