import type { Job } from 'bullmq';
import { createClassifyHandler } from './classify.ts';
import type { PipelineContext } from './context.ts';
import { createIngestHandler } from './ingest.ts';
import type { QueueName } from './queues.ts';
import { createReferHandler } from './refer.ts';
import { createEvidenceHandler } from './evidence.ts';
import { createLivenessHandler } from './liveness.ts';

type Handler = (job: Job) => Promise<unknown>;

/** The one registry of stages: queue name → handler. Adding a stage means adding a line here. */
export const HANDLERS: Record<QueueName, (ctx: PipelineContext) => Handler> = {
  ingest: createIngestHandler as (ctx: PipelineContext) => Handler,
  classify: createClassifyHandler as (ctx: PipelineContext) => Handler,
  refer: createReferHandler as (ctx: PipelineContext) => Handler,
  evidence: createEvidenceHandler as (ctx: PipelineContext) => Handler,
  liveness: createLivenessHandler as (ctx: PipelineContext) => Handler,
};
