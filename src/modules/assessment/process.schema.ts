import { z } from '@hono/zod-openapi';
import { pathIdSchema, projectParamsSchema } from '../../server/common-schemas';
import { STEP_TASK_TYPES } from './bpmn';
import { BOTTLENECK_TYPES } from './bottleneck-types';
import { fieldLabel as lbl, labelled } from '../../shared/validation/field-labels';

/** Size limit of a BPMN document (import and save). */
export const BPMN_MAX_BYTES = 2 * 1024 * 1024;

export const stageSchema = z.enum(['as_is', 'to_be']);

export const processParamsSchema = projectParamsSchema.extend({ processId: pathIdSchema('processId') });
export const bottleneckParamsSchema = processParamsSchema.extend({ bottleneckId: pathIdSchema('bottleneckId') });

export const stepInputSchema = z.object({
  name: labelled(z.string().trim().min(1).max(200), lbl('步骤名称', 'Step name')),
  type: labelled(z.enum(STEP_TASK_TYPES).optional(), lbl('任务类型', 'Task type')),
  lane: labelled(z.string().trim().max(100).optional(), lbl('泳道', 'Lane')),
});

export const createProcessBodySchema = z
  .object({
    stage: labelled(stageSchema.default('as_is'), lbl('流程阶段', 'Stage')),
    department: labelled(z.string().trim().min(1).max(100), lbl('部门', 'Department')),
    name: labelled(z.string().trim().min(1).max(200), lbl('流程名称', 'Process name')),
    description: labelled(z.string().max(2000).default(''), lbl('说明', 'Description')),
    /** Either a BPMN document or a step list (auto-laid-out); neither = a blank diagram with a start event. */
    bpmnXml: labelled(z.string().max(BPMN_MAX_BYTES).optional(), lbl('流程图', 'Diagram')),
    steps: labelled(z.array(stepInputSchema).max(100).optional(), lbl('流程步骤', 'Steps')),
  })
  .openapi('CreateProcessBody');

export const updateProcessBodySchema = z
  .object({
    department: labelled(z.string().trim().min(1).max(100).optional(), lbl('部门', 'Department')),
    name: labelled(z.string().trim().min(1).max(200).optional(), lbl('流程名称', 'Process name')),
    description: labelled(z.string().max(2000).optional(), lbl('说明', 'Description')),
    bpmnXml: labelled(z.string().max(BPMN_MAX_BYTES).optional(), lbl('流程图', 'Diagram')),
  })
  .strict()
  .openapi('UpdateProcessBody');

export const bottleneckBodySchema = z
  .object({
    elementId: labelled(z.string().trim().min(1).max(200), lbl('步骤', 'Step')),
    type: labelled(z.enum(BOTTLENECK_TYPES), lbl('瓶颈类型', 'Type')),
    durationHours: labelled(z.number().finite().min(0).max(10000), lbl('单次耗时（小时）', 'Duration per case (h)')),
    volumePerMonth: labelled(z.number().finite().min(0).max(10_000_000), lbl('月业务量（笔）', 'Cases per month')),
    note: labelled(z.string().max(2000).default(''), lbl('说明', 'Note')),
  })
  .openapi('BottleneckBody');

export const updateBottleneckBodySchema = z
  .object({
    type: labelled(z.enum(BOTTLENECK_TYPES).optional(), lbl('瓶颈类型', 'Type')),
    durationHours: labelled(z.number().finite().min(0).max(10000).optional(), lbl('单次耗时（小时）', 'Duration per case (h)')),
    volumePerMonth: labelled(z.number().finite().min(0).max(10_000_000).optional(), lbl('月业务量（笔）', 'Cases per month')),
    note: labelled(z.string().max(2000).optional(), lbl('说明', 'Note')),
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
    hourlyLabourCost: labelled(z.number().finite().min(0).max(100000), lbl('人工成本（元/小时）', 'Labour cost per hour')),
    currency: labelled(z.string().trim().min(1).max(10).default('CNY'), lbl('币种', 'Currency')),
  })
  .openapi('AssessmentSettings');

export const processListQuerySchema = z.object({ stage: labelled(stageSchema.optional(), lbl('流程阶段', 'Stage')) });

export const importQuerySchema = z.object({
  stage: labelled(stageSchema.default('as_is'), lbl('流程阶段', 'Stage')),
  department: labelled(z.string().trim().min(1).max(100), lbl('部门', 'Department')),
  name: labelled(z.string().trim().min(1).max(200), lbl('流程名称', 'Process name')),
});

export type CreateProcessInput = z.infer<typeof createProcessBodySchema>;
export type UpdateProcessInput = z.infer<typeof updateProcessBodySchema>;
export type BottleneckInput = z.infer<typeof bottleneckBodySchema>;
export type UpdateBottleneckInput = z.infer<typeof updateBottleneckBodySchema>;
export type BottleneckView = z.infer<typeof bottleneckViewSchema>;
export type ProcessSummary = z.infer<typeof processSummarySchema>;
export type ProcessView = z.infer<typeof processViewSchema>;
export type AssessmentSettings = z.infer<typeof settingsSchema>;
