import { z } from '@hono/zod-openapi';
import { dateSchema } from '../../server/common-schemas';
import { fieldLabel as lbl, labelled } from '../../shared/validation/field-labels';

/** ERP functional modules a project can have in scope (codes; labels live in i18n). */
export const ERP_MODULES = ['finance', 'purchasing', 'inventory', 'sales', 'production', 'quality', 'hr', 'crm'] as const;
export type ErpModule = (typeof ERP_MODULES)[number];

/** The nine phases of the method, in order; also the left navigation of the web app. */
export const PHASES = ['goals', 'team', 'assessment', 'blueprint', 'rollout', 'training', 'cutover', 'operations', 'risks'] as const;
export type Phase = (typeof PHASES)[number];

/** Phases whose module is built (web/src/api/types.ts keeps the same list). */
export const AVAILABLE_PHASES: readonly Phase[] = ['goals', 'team', 'assessment', 'blueprint', 'cutover', 'risks'];

/** True when `zone` is an IANA time zone name this runtime knows (`Asia/Shanghai`, `UTC`; not offsets like `+08:00`). */
export function isIanaTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A project's time zone: an IANA name; business dates and every displayed time follow it. */
export const timeZoneSchema = z
  .string()
  .max(64)
  .refine(isIanaTimeZone, 'must be an IANA time zone such as Asia/Shanghai')
  .openapi({ example: 'Asia/Shanghai' });

/** The zone of a project created without one (golive's projects are Chinese rollouts). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const projectFields = {
  name: labelled(z.string().trim().min(1).max(100), lbl('项目名称', 'Project name')),
  clientName: labelled(z.string().trim().min(1).max(100), lbl('客户企业', 'Client enterprise')),
  erpProduct: labelled(z.string().trim().min(1).max(100), lbl('ERP 产品', 'ERP product')),
  erpVersion: labelled(z.string().trim().max(50).default(''), lbl('版本', 'Version')),
  modulesInScope: labelled(z.array(z.enum(ERP_MODULES)).max(ERP_MODULES.length).default([]), lbl('实施范围（模块）', 'Modules in scope')),
  startDate: labelled(dateSchema.nullable().default(null), lbl('启动日期', 'Start date')),
  plannedGoLive: labelled(dateSchema.nullable().default(null), lbl('计划上线日期', 'Planned go-live')),
  description: labelled(z.string().max(2000).default(''), lbl('项目说明', 'Description')),
  timeZone: labelled(timeZoneSchema.default(DEFAULT_TIME_ZONE), lbl('时区', 'Time zone')),
};

export const createProjectBodySchema = z
  .object(projectFields)
  .refine((p) => !p.startDate || !p.plannedGoLive || p.plannedGoLive >= p.startDate, {
    message: 'must not be before the start date',
    path: ['plannedGoLive'],
  })
  .openapi('CreateProjectBody');

export const updateProjectBodySchema = z
  .object({
    name: projectFields.name.optional(),
    clientName: projectFields.clientName.optional(),
    erpProduct: projectFields.erpProduct.optional(),
    erpVersion: labelled(z.string().trim().max(50).optional(), lbl('版本', 'Version')),
    modulesInScope: labelled(z.array(z.enum(ERP_MODULES)).max(ERP_MODULES.length).optional(), lbl('实施范围（模块）', 'Modules in scope')),
    startDate: labelled(dateSchema.nullable().optional(), lbl('启动日期', 'Start date')),
    plannedGoLive: labelled(dateSchema.nullable().optional(), lbl('计划上线日期', 'Planned go-live')),
    description: labelled(z.string().max(2000).optional(), lbl('项目说明', 'Description')),
    timeZone: labelled(timeZoneSchema.optional(), lbl('时区', 'Time zone')),
  })
  .strict()
  .openapi('UpdateProjectBody');

export const projectViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    clientName: z.string(),
    erpProduct: z.string(),
    erpVersion: z.string(),
    modulesInScope: z.array(z.string()),
    startDate: z.string().nullable(),
    plannedGoLive: z.string().nullable(),
    description: z.string(),
    timeZone: z.string().openapi({ description: 'IANA time zone of the project', example: 'Asia/Shanghai' }),
    isDemo: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    myRole: z.string().nullable().openapi({ description: "The caller's project role" }),
  })
  .openapi('Project');

export const projectAccessSchema = z
  .object({
    role: z.string(),
    /** `resource:action` pairs the caller may perform, for the UI to show or hide controls. */
    allowed: z.array(z.string()),
  })
  .openapi('ProjectAccess');

export const dashboardSchema = z
  .object({
    project: projectViewSchema,
    daysToGoLive: z.number().nullable(),
    goals: z.object({ total: z.number(), smart: z.number(), averageProgress: z.number().nullable() }),
    team: z.object({ members: z.number(), fteTotal: z.number(), byTier: z.record(z.string(), z.number()) }),
    raci: z.object({ deliverables: z.number(), withoutAccountable: z.number() }),
    stakeholders: z.object({ total: z.number(), resisting: z.number() }),
    phases: z.array(z.object({ phase: z.enum(PHASES), available: z.boolean() })),
  })
  .openapi('ProjectDashboard');

export type CreateProjectInput = z.infer<typeof createProjectBodySchema>;
export type UpdateProjectInput = z.infer<typeof updateProjectBodySchema>;
export type ProjectView = z.infer<typeof projectViewSchema>;
export type Dashboard = z.infer<typeof dashboardSchema>;
