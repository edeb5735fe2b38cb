import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { AppError } from '../../shared/app-error';

/**
 * A migration plan (YAML): the objects to load (会计科目, 客户, 物料, 期初余额, 未清订单, 历史凭证, …),
 * each from a source into a table of one target database, with `depends_on` fixing the order.
 *
 * ```yaml
 * name: 上线迁移
 * target: postgres://golive:${PGPASSWORD}@db/erp     # ${VAR} is taken from the environment
 * on_error: skip
 * objects:
 *   - name: 客户
 *     source: data/customers.csv
 *     table: public.customer
 *     columns: { 客户编码: code, 客户名称: name }    # source column → target column
 *   - name: 销售订单
 *     source: data/orders.xlsx#Sheet1
 *     table: public.sales_order
 *     depends_on: [客户]
 * ```
 */
const planObjectSchema = z
  .object({
    name: z.string().trim().min(1),
    source: z.string().trim().min(1),
    table: z.string().trim().min(1),
    columns: z.record(z.string(), z.string()).default({}),
    depends_on: z.array(z.string().trim().min(1)).default([]),
    on_error: z.enum(['skip', 'stop']).optional(),
    encoding: z.string().optional(),
    rejects: z.string().optional(),
  })
  .strict();

const planSchema = z
  .object({
    name: z.string().trim().min(1).optional(),
    target: z.string().trim().min(1),
    on_error: z.enum(['skip', 'stop']).default('skip'),
    batch_size: z.number().int().positive().optional(),
    objects: z.array(planObjectSchema).min(1),
  })
  .strict();

export type PlanObject = z.infer<typeof planObjectSchema>;
export type MigrationPlan = z.infer<typeof planSchema> & { name: string };

function planError(file: string, path: string, reason: string): AppError {
  const field = path ? `${file}: ${path}` : file;
  return new AppError('VALIDATION_FAILED', { summary: `${field}: ${reason}` }, [{ field: path || file, reason }]);
}

/** Replaces `${VAR}` with the environment's value so passwords stay out of plan files. */
function expandEnv(text: string, file: string, path: string): string {
  return text.replace(/\$\{(\w+)\}/g, (_whole, name: string) => {
    const value = process.env[name];
    if (value === undefined) throw planError(file, path, `environment variable ${name} is not set`);
    return value;
  });
}

/** Validates a parsed plan: schema, unique names, known dependencies, no cycle. */
export function validatePlan(input: unknown, file: string, defaultName: string): MigrationPlan {
  const parsed = planSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '');
    throw planError(file, path, issue.message);
  }
  const plan = parsed.data;
  const seen = new Set<string>();
  plan.objects.forEach((o, i) => {
    if (seen.has(o.name)) throw planError(file, `objects[${i}].name`, `"${o.name}" appears twice`);
    seen.add(o.name);
  });
  plan.objects.forEach((o, i) => {
    o.depends_on.forEach((d, j) => {
      if (!seen.has(d))
        throw planError(file, `objects[${i}].depends_on[${j}]`, `"${o.name}" depends on "${d}", which is not an object of the plan`);
      if (d === o.name) throw planError(file, `objects[${i}].depends_on[${j}]`, `"${o.name}" depends on itself`);
    });
  });
  const result = { ...plan, name: plan.name ?? defaultName, target: expandEnv(plan.target, file, 'target') };
  loadOrder(result, file);
  return result;
}

/** Parses and validates plan YAML; errors name the file and the path in it. */
export function parsePlanYaml(text: string, file: string, defaultName: string): MigrationPlan {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw planError(file, '', `not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  return validatePlan(data, file, defaultName);
}

/**
 * The load order: every object after the objects it depends on. Objects are taken level by level
 * (level = the longest chain of dependencies below it), so master data goes first and history last;
 * within a level the plan's own order holds. A cycle is an error that names it.
 */
export function loadOrder(plan: Pick<MigrationPlan, 'objects'>, file = 'plan'): PlanObject[] {
  const byName = new Map(plan.objects.map((o) => [o.name, o]));
  const level = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (object: PlanObject, path: string[]): number => {
    const known = level.get(object.name);
    if (known !== undefined) return known;
    if (visiting.has(object.name)) {
      const cycle = [...path.slice(path.indexOf(object.name)), object.name];
      throw planError(file, 'objects', `dependency cycle: ${cycle.join(' → ')}`);
    }
    visiting.add(object.name);
    let depth = 0;
    for (const dep of object.depends_on) depth = Math.max(depth, visit(byName.get(dep)!, [...path, object.name]) + 1);
    visiting.delete(object.name);
    level.set(object.name, depth);
    return depth;
  };
  for (const object of plan.objects) visit(object, []);
  return plan.objects
    .map((object, index) => ({ object, index }))
    .sort((a, b) => level.get(a.object.name)! - level.get(b.object.name)! || a.index - b.index)
    .map((x) => x.object);
}
