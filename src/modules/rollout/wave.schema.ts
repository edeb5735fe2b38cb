import { z } from '@hono/zod-openapi';
import { dateSchema, pathIdSchema, projectParamsSchema } from '../../server/common-schemas';
import { fieldLabel as lbl, labelled } from '../../shared/validation/field-labels';
import { ERP_MODULES } from '../projects/project.schema';

/**
 * Rollout waves (试点先行 + 逐步推广): one pilot — a typical department on the core modules — and
 * the later waves that follow the pilot's template, each with its departments, modules and sites.
 */

export const WAVE_KINDS = ['pilot', 'wave'] as const;
export type WaveKind = (typeof WAVE_KINDS)[number];

export const WAVE_STATUSES = ['planned', 'in_progress', 'live', 'closed'] as const;
export type WaveStatus = (typeof WAVE_STATUSES)[number];

const names = (label: ReturnType<typeof lbl>) => labelled(z.array(z.string().trim().min(1).max(100)).max(50), label);

export const waveViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(WAVE_KINDS),
    sequence: z.number(),
    departments: z.array(z.string()),
    modules: z.array(z.enum(ERP_MODULES)),
    sites: z.array(z.string()),
    plannedStart: z.string().nullable(),
    goLiveDate: z.string().nullable(),
    status: z.enum(WAVE_STATUSES),
    notes: z.string(),
    /** Tasks of the plan assigned to this wave. */
    taskCount: z.number(),
    /** Milestones of the wave with their scheduled date (from the plan). */
    milestones: z.array(z.object({ taskId: z.string(), uid: z.number(), name: z.string(), date: z.string() })),
    updatedAt: z.string(),
  })
  .openapi('RolloutWave');
export type WaveView = z.infer<typeof waveViewSchema>;

export const createWaveBodySchema = z
  .object({
    name: labelled(z.string().trim().min(1).max(100), lbl('批次名称', 'Wave name')),
    kind: labelled(z.enum(WAVE_KINDS).default('wave'), lbl('类型', 'Kind')),
    departments: names(lbl('部门', 'Departments')).default([]),
    modules: labelled(z.array(z.enum(ERP_MODULES)).max(ERP_MODULES.length).default([]), lbl('模块', 'Modules')),
    sites: names(lbl('地点', 'Sites')).default([]),
    plannedStart: labelled(dateSchema.nullable().default(null), lbl('计划开始', 'Planned start')),
    goLiveDate: labelled(dateSchema.nullable().default(null), lbl('上线日期', 'Go-live date')),
    status: labelled(z.enum(WAVE_STATUSES).default('planned'), lbl('状态', 'Status')),
    notes: labelled(z.string().trim().max(4000).default(''), lbl('备注', 'Notes')),
  })
  .strict()
  .openapi('CreateRolloutWaveBody');
export type CreateWaveInput = z.infer<typeof createWaveBodySchema>;

export const updateWaveBodySchema = z
  .object({
    name: labelled(z.string().trim().min(1).max(100).optional(), lbl('批次名称', 'Wave name')),
    kind: labelled(z.enum(WAVE_KINDS).optional(), lbl('类型', 'Kind')),
    sequence: labelled(z.number().int().min(1).max(1000).optional(), lbl('顺序', 'Order')),
    departments: names(lbl('部门', 'Departments')).optional(),
    modules: labelled(z.array(z.enum(ERP_MODULES)).max(ERP_MODULES.length).optional(), lbl('模块', 'Modules')),
    sites: names(lbl('地点', 'Sites')).optional(),
    plannedStart: labelled(dateSchema.nullable().optional(), lbl('计划开始', 'Planned start')),
    goLiveDate: labelled(dateSchema.nullable().optional(), lbl('上线日期', 'Go-live date')),
    status: labelled(z.enum(WAVE_STATUSES).optional(), lbl('状态', 'Status')),
    notes: labelled(z.string().trim().max(4000).optional(), lbl('备注', 'Notes')),
  })
  .strict()
  .openapi('UpdateRolloutWaveBody');
export type UpdateWaveInput = z.infer<typeof updateWaveBodySchema>;

/** A wave the wizard proposes (not stored until applied). */
export const waveProposalSchema = z
  .object({
    name: z.string(),
    kind: z.enum(WAVE_KINDS),
    departments: z.array(z.string()),
    modules: z.array(z.enum(ERP_MODULES)),
    plannedStart: z.string().nullable(),
    goLiveDate: z.string().nullable(),
    /** Why the wizard put these departments and modules together, in the caller's language. */
    reason: z.string(),
  })
  .openapi('RolloutWaveProposal');
export type WaveProposal = z.infer<typeof waveProposalSchema>;

export const waveProposalViewSchema = z
  .object({
    waves: z.array(waveProposalSchema),
    /** Set when the wizard lacked data (no departments in the assessment, no modules in scope). */
    warnings: z.array(z.string()),
  })
  .openapi('RolloutWaveProposals');
export type WaveProposalView = z.infer<typeof waveProposalViewSchema>;

export const applyProposalBodySchema = z
  .object({
    waves: labelled(z.array(createWaveBodySchema).min(1).max(20), lbl('批次', 'Waves')),
  })
  .strict()
  .openapi('ApplyRolloutWavesBody');
export type ApplyProposalInput = z.infer<typeof applyProposalBodySchema>;

export const waveListViewSchema = z.object({ waves: z.array(waveViewSchema) }).openapi('RolloutWaves');
export type WaveListView = z.infer<typeof waveListViewSchema>;

export const waveParamsSchema = projectParamsSchema.extend({ waveId: pathIdSchema('waveId') });
