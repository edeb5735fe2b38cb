import { z } from '@hono/zod-openapi';
import { pathIdSchema, projectParamsSchema } from '../../server/common-schemas';
import { STEP_TASK_TYPES } from './bpmn';
import { BOTTLENECK_TYPES } from './bottleneck-types';

/** Size limit of a BPMN document (import and save). */
export const BPMN_MAX_BYTES = 2 * 1024 * 1024;

export const stageSchema = z.enum(['as_is', 'to_be']);

export const processParamsSchema = projectParamsSchema.extend({ processId: pathIdSchema('processId') });
export const bottleneckParamsSchema = processParamsSchema.extend({ bottleneckId: pathIdSchema('bottleneckId') });

export const stepInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  type: z.enum(STEP_TASK_TYPES).optional(),
  lane: z.string().trim().max(100).optional(),
});

export const createProcessBodySchema = z
  .object({
    stage: stageSchema.default('as_is'),
    department: z.string().trim().min(1).max(100),
    name: z.string().trim().min(1).max(200),
    description: z.string().max(2000).default(''),
    /** Either a BPMN document or a step list (auto-laid-out); neither = a blank diagram with a start event. */
    bpmnXml: z.string().max(BPMN_MAX_BYTES).optional(),
    steps: z.array(stepInputSchema).max(100).optional(),
  })
  .openapi('CreateProcessBody');

export const updateProcessBodySchema = z
  .object({
    department: z.string().trim().min(1).max(100).optional(),
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().max(2000).optional(),
    bpmnXml: z.string().max(BPMN_MAX_BYTES).optional(),
  })
  .strict()
  .openapi('UpdateProcessBody');

export const bottleneckBodySchema = z
  .object({
    elementId: z.string().trim().min(1).max(200),
    type: z.enum(BOTTLENECK_TYPES),
    durationHours: z.number().finite().min(0).max(10000),
    volumePerMonth: z.number().finite().min(0).max(10_000_000),
    note: z.string().max(2000).default(''),
  })
  .openapi('BottleneckBody');

export const updateBottleneckBodySchema = z
  .object({
    type: z.enum(BOTTLENECK_TYPES).optional(),
    durationHours: z.number().finite().min(0).max(10000).optional(),
    volumePerMonth: z.number().finite().min(0).max(10_000_000).optional(),
    note: z.string().max(2000).optional(),
  })
  .strict()
  .openapi('UpdateBottleneckBody');

export const stepViewSchema = z.object({ elementId: z.string(), name: z.string(), type: z.string() }).openapi('ProcessStep');

export const bottleneckViewSchema = z
  .object({
    id: z.string(),
    processId: z.string(),
    elementId: z.string(),
    stepName: z.string(),
    type: z.enum(BOTTLENECK_TYPES),
    durationHours: z.number(),
    volumePerMonth: z.number(),
    monthlyCost: z.number().openapi({ description: 'durationHours × volumePerMonth × hourly labour cost' }),
    note: z.string(),
    orphaned: z.boolean().openapi({ description: 'The element no longer exists in the diagram (kept, never dropped silently)' }),
  })
  .openapi('Bottleneck');

export const processSummarySchema = z
  .object({
    id: z.string(),
    stage: stageSchema,
    department: z.string(),
    name: z.string(),
    description: z.string(),
    steps: z.array(stepViewSchema),
    bottleneckCount: z.number(),
    orphanedCount: z.number(),
    monthlyCost: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('ProcessSummary');

export const processViewSchema = processSummarySchema
  .extend({ bpmnXml: z.string(), bottlenecks: z.array(bottleneckViewSchema) })
  .openapi('Process');

export const settingsSchema = z
  .object({
    hourlyLabourCost: z.number().finite().min(0).max(100000),
    currency: z.string().trim().min(1).max(10).default('CNY'),
  })
  .openapi('AssessmentSettings');

export const processListQuerySchema = z.object({ stage: stageSchema.optional() });

export const importQuerySchema = z.object({
  stage: stageSchema.default('as_is'),
  department: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(200),
});

export type CreateProcessInput = z.infer<typeof createProcessBodySchema>;
export type UpdateProcessInput = z.infer<typeof updateProcessBodySchema>;
export type BottleneckInput = z.infer<typeof bottleneckBodySchema>;
export type UpdateBottleneckInput = z.infer<typeof updateBottleneckBodySchema>;
export type BottleneckView = z.infer<typeof bottleneckViewSchema>;
export type ProcessSummary = z.infer<typeof processSummarySchema>;
export type ProcessView = z.infer<typeof processViewSchema>;
export type AssessmentSettings = z.infer<typeof settingsSchema>;
