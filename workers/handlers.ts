import type { QueueName } from '../core/jobs.ts';
import type { PipelineContext } from './pipeline-context.ts';
import { byJobName, type Handler } from './processors.ts';

export type HandlerFactory = (ctx: PipelineContext) => Handler;

/**
 * The one registry of stages: queue name → its processors, loaded only by a process that consumes
 * that queue (evidence brings in a browser driver, refer the delivery code; a classify worker
 * carries neither). Adding a job means adding it to core/jobs.ts and its processor here.
 */
export const HANDLERS: Record<QueueName, () => Promise<HandlerFactory>> = {
  ingest: async () => {
    const { createIngestHandler } = await import('./ingest.ts');
    return (ctx) => byJobName('ingest', { ingest: createIngestHandler(ctx) });
  },
  classify: async () => {
    const { createClassifyHandler } = await import('./classify.ts');
    return (ctx) => {
      const classify = createClassifyHandler(ctx);
      return byJobName('classify', { classify, 'classify-rest': classify });
    };
  },
  refer: async () => {
    const { createReferProcessors } = await import('./refer.ts');
    return (ctx) => byJobName('refer', createReferProcessors(ctx));
  },
  evidence: async () => {
    const { createEvidenceHandler } = await import('./evidence.ts');
    return (ctx) => byJobName('evidence', { evidence: createEvidenceHandler(ctx) });
  },
  liveness: async () => {
    const { createLivenessHandler } = await import('./liveness.ts');
    return (ctx) => byJobName('liveness', { liveness: createLivenessHandler(ctx) });
  },
};
