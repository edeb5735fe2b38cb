import { describe, expect, it } from 'vitest';
import { loadOrder, parsePlanYaml } from './plan';

const ERP_PLAN = `
name: 上线迁移
target: sqlite:erp.db
objects:
  - { name: 历史凭证, source: vouchers.csv, table: voucher, depends_on: [会计科目, 客户, 供应商] }
  - { name: 未清订单, source: orders.csv, table: sales_order, depends_on: [客户, 物料] }
  - { name: 期初余额, source: balances.csv, table: opening_balance, depends_on: [会计科目] }
  - { name: 物料, source: items.csv, table: item }
  - { name: 供应商, source: suppliers.csv, table: supplier, depends_on: [会计科目] }
  - { name: 客户, source: customers.csv, table: customer, depends_on: [会计科目] }
  - { name: 会计科目, source: accounts.csv, table: gl_account }
`;

describe('migration plan', () => {
  it('orders objects after their dependencies: master data first, history last', () => {
    const plan = parsePlanYaml(ERP_PLAN, 'plan.yaml', 'plan');
    const order = loadOrder(plan).map((o) => o.name);
    expect(order).toEqual(['物料', '会计科目', '期初余额', '供应商', '客户', '历史凭证', '未清订单']);
    for (const object of plan.objects) {
      for (const dep of object.depends_on) expect(order.indexOf(dep)).toBeLessThan(order.indexOf(object.name));
    }
  });

  it('names a dependency cycle', () => {
    const yaml = `
target: sqlite:x.db
objects:
  - { name: 客户, source: a.csv, table: customer, depends_on: [销售订单] }
  - { name: 销售订单, source: b.csv, table: sales_order, depends_on: [客户] }
`;
    expect(() => parsePlanYaml(yaml, 'cycle.yaml', 'cycle')).toThrow('cycle.yaml: objects: dependency cycle: 客户 → 销售订单 → 客户');
  });

  it('names the file and the path of an invalid entry', () => {
    const base = 'target: sqlite:x.db\nobjects:\n  - { name: 客户, source: a.csv, table: customer }\n';
    expect(() => parsePlanYaml(`${base}  - { name: 物料, source: b.csv }\n`, 'p.yaml', 'p')).toThrow(/p\.yaml: objects\[1\]\.table: /);
    expect(() => parsePlanYaml(`${base}  - { name: 物料, source: b.csv, table: item, depends_on: [供应商] }\n`, 'p.yaml', 'p')).toThrow(
      'p.yaml: objects[1].depends_on[0]: "物料" depends on "供应商", which is not an object of the plan',
    );
    expect(() => parsePlanYaml(`${base}  - { name: 客户, source: b.csv, table: item }\n`, 'p.yaml', 'p')).toThrow(
      'objects[1].name: "客户" appears twice',
    );
    expect(() => parsePlanYaml(`${base}  - { name: 物料, source: b.csv, table: item, colums: {} }\n`, 'p.yaml', 'p')).toThrow(
      /objects\[1\]/,
    );
    expect(() => parsePlanYaml('objects: [', 'p.yaml', 'p')).toThrow(/p\.yaml: not valid YAML/);
    expect(() =>
      parsePlanYaml('target: postgres://u:${GOLIVE_NO_SUCH_VAR}@h/db\nobjects: [{ name: a, source: a.csv, table: a }]', 'p.yaml', 'p'),
    ).toThrow('p.yaml: target: environment variable GOLIVE_NO_SUCH_VAR is not set');
  });
});
