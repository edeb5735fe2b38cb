import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FUNCTIONS, DEFAULT_SOD_RULES } from './erp-permission-defaults';
import { DATA_SCOPES, type DataScope } from './erp-permission-constants';
import { detectSodConflicts, matchesFunction, type SodMatrix, type SodMitigation, type SodRule } from './sod-detection';

const functions = DEFAULT_FUNCTIONS.map((f) => ({ id: `${f.menu}.${f.action}`, module: f.module, menu: f.menu, action: f.action }));
const rules: SodRule[] = DEFAULT_SOD_RULES.map((r) => ({ ...r, id: r.code, enabled: true }));

function matrix(grants: Record<string, [string, DataScope][]>, extra: Partial<SodMatrix> = {}): SodMatrix {
  const roles = Object.keys(grants).map((name) => ({ id: name, name }));
  return {
    roles,
    functions,
    grants: Object.entries(grants).flatMap(([roleId, list]) => list.map(([functionId, scope]) => ({ roleId, functionId, scope }))),
    ...extra,
  };
}

describe('detectSodConflicts', () => {
  it('explains the classic conflict: a buyer who creates vendors and approves payments', () => {
    const result = detectSodConflicts(
      matrix({
        采购员: [
          ['供应商档案.create', 'department'],
          ['付款单.approve', 'own'],
        ],
      }),
      rules,
    );
    expect(result).toHaveLength(1);
    const [c] = result;
    expect(c!.ruleCode).toBe('SOD-01');
    expect(c!.status).toBe('open');
    expect(c!.explanation).toBe(
      '角色「采购员」同时拥有「供应商档案·新建」（本部门）和「付款单·审批」（本人）（规则 SOD-01：可虚构供应商并付款）',
    );
    expect(c!.sideA.map((g) => g.scope)).toEqual(['department']);
    expect(c!.sideB.map((g) => g.scope)).toEqual(['own']);
  });

  it('explains in English when asked', () => {
    const [c] = detectSodConflicts(
      matrix({
        Buyer: [
          ['供应商档案.create', 'company'],
          ['付款单.approve', 'company'],
        ],
      }),
      rules,
      [],
      'en',
    );
    expect(c!.explanation).toBe(
      'Role "Buyer" holds both "供应商档案 · create" (company) and "付款单 · approve" (company) (rule SOD-01: 可虚构供应商并付款)',
    );
  });

  it.each<[string, [string, DataScope][], string[]]>([
    ['no grants', [], []],
    ['only one side', [['供应商档案.create', 'company']], []],
    [
      'view on side B does not count',
      [
        ['供应商档案.create', 'company'],
        ['付款单.view', 'company'],
      ],
      [],
    ],
    [
      'journal maker and reviewer',
      [
        ['记账凭证.create', 'own'],
        ['记账凭证.approve', 'company'],
      ],
      ['SOD-03'],
    ],
    [
      'PO and goods receipt',
      [
        ['采购订单.create', 'own'],
        ['采购入库.create', 'department'],
      ],
      ['SOD-02'],
    ],
    [
      'credit limit and sales order approval',
      [
        ['信用额度.edit', 'company'],
        ['销售订单.approve', 'company'],
      ],
      ['SOD-04'],
    ],
    [
      'payment and bank reconciliation',
      [
        ['付款单.create', 'company'],
        ['银行对账.create', 'company'],
      ],
      ['SOD-05'],
    ],
    [
      'price and PO approval',
      [
        ['采购价格.edit', 'company'],
        ['采购订单.approve', 'company'],
      ],
      ['SOD-06'],
    ],
    [
      'stocktake entry and variance approval',
      [
        ['盘点单.create', 'department'],
        ['盘点单.approve', 'company'],
      ],
      ['SOD-07'],
    ],
    [
      'payroll entry and approval',
      [
        ['工资表.create', 'department'],
        ['工资表.approve', 'company'],
      ],
      ['SOD-08'],
    ],
    [
      'two rules at once',
      [
        ['供应商档案.create', 'company'],
        ['供应商档案.edit', 'company'],
        ['付款单.create', 'company'],
        ['付款单.approve', 'company'],
      ],
      ['SOD-01', 'SOD-09'],
    ],
  ])('%s', (_label, grants, expected) => {
    expect(detectSodConflicts(matrix({ R: grants }), rules).map((c) => c.ruleCode)).toEqual(expected);
  });

  it('ignores disabled rules', () => {
    const m = matrix({
      R: [
        ['记账凭证.create', 'own'],
        ['记账凭证.approve', 'own'],
      ],
    });
    const disabled = rules.map((r) => (r.code === 'SOD-03' ? { ...r, enabled: false } : r));
    expect(detectSodConflicts(m, rules)).toHaveLength(1);
    expect(detectSodConflicts(m, disabled)).toHaveLength(0);
  });

  it('supports a wildcard menu and action, and never pairs a function with itself', () => {
    const wildcard: SodRule = {
      id: 'W',
      code: 'SOD-W',
      name: '财务任意审批 vs 采购任意操作',
      sideA: [{ module: 'finance', menu: '*', action: 'approve' }],
      sideB: [{ module: 'purchasing', menu: '*', action: '*' }],
      riskLevel: 'low',
      riskDescription: '测试',
      enabled: true,
    };
    expect(
      detectSodConflicts(
        matrix({
          R: [
            ['期末结账.approve', 'company'],
            ['采购价格.view', 'own'],
          ],
        }),
        [wildcard],
      ),
    ).toHaveLength(1);
    expect(
      detectSodConflicts(
        matrix({
          R: [
            ['期末结账.approve', 'company'],
            ['物料档案.view', 'own'],
          ],
        }),
        [wildcard],
      ),
    ).toHaveLength(0);
    const selfRule: SodRule = {
      ...wildcard,
      sideA: [{ module: '*', menu: '*', action: '*' }],
      sideB: [{ module: '*', menu: '*', action: '*' }],
    };
    expect(detectSodConflicts(matrix({ R: [['期末结账.approve', 'company']] }), [selfRule])).toHaveLength(0);
    expect(
      matchesFunction({ module: 'finance', menu: ' 付款单 ', action: '*' }, { module: 'finance', menu: '付款单', action: 'view' }),
    ).toBe(true);
  });

  it('marks a conflict with a recorded exception as mitigated, still listed', () => {
    const m = matrix({
      R: [
        ['盘点单.create', 'own'],
        ['盘点单.approve', 'own'],
      ],
    });
    const mitigation: SodMitigation = {
      id: 'm1',
      ruleId: 'SOD-07',
      subjectKind: 'role',
      subjectId: 'R',
      compensatingControl: '财务每月复核盘点差异',
      approver: '李文华',
      approvedOn: '2026-11-28',
    };
    const [c] = detectSodConflicts(m, rules, [mitigation]);
    expect(c!.status).toBe('mitigated');
    expect(c!.mitigation?.approver).toBe('李文华');
    // A mitigation for another role does not apply.
    expect(detectSodConflicts(m, rules, [{ ...mitigation, subjectId: 'other' }])[0]!.status).toBe('open');
  });

  it('finds a person whose two roles together conflict, but not when a role already conflicts alone', () => {
    const base = matrix(
      { 采购员: [['采购订单.create', 'own']], 仓管员: [['采购入库.create', 'department']] },
      {
        members: [
          { id: 'm1', name: '孙强' },
          { id: 'm2', name: '周丽' },
        ],
        roleMembers: [
          { roleId: '采购员', memberId: 'm1' },
          { roleId: '仓管员', memberId: 'm1' },
          { roleId: '仓管员', memberId: 'm2' },
        ],
      },
    );
    const result = detectSodConflicts(base, rules);
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ subjectKind: 'person', subjectId: 'm1', roleNames: ['采购员', '仓管员'], ruleCode: 'SOD-02' });
    expect(result[0]!.explanation).toContain('人员「孙强」（角色：采购员、仓管员）');
    expect(result[0]!.explanation).toContain('来自「仓管员」');

    const alone = { ...base, grants: [...base.grants, { roleId: '采购员', functionId: '采购入库.create', scope: 'own' as const }] };
    expect(detectSodConflicts(alone, rules).map((c) => c.subjectKind)).toEqual(['role']);
  });

  const scopeArb = fc.constantFrom(...DATA_SCOPES);
  const grantsArb = fc.uniqueArray(fc.tuple(fc.constantFrom(...functions.map((f) => f.id)), scopeArb), {
    selector: ([id]) => id,
    maxLength: 25,
  });

  it('is symmetric: swapping the sides of every rule finds the same conflicts', () => {
    const swapped = rules.map((r) => ({ ...r, sideA: r.sideB, sideB: r.sideA }));
    fc.assert(
      fc.property(grantsArb, (grants) => {
        const m = matrix({ R: grants });
        const key = (list: ReturnType<typeof detectSodConflicts>) => list.map((c) => c.key).sort();
        expect(key(detectSodConflicts(m, swapped))).toEqual(key(detectSodConflicts(m, rules)));
      }),
      { numRuns: 200 },
    );
  });

  it('reports a role conflict exactly when the role holds a function of each side; removing all side-B grants clears it', () => {
    fc.assert(
      fc.property(grantsArb, (grants) => {
        const m = matrix({ R: grants });
        const found = new Set(detectSodConflicts(m, rules).map((c) => c.ruleCode));
        const held = grants.map(([id]) => functions.find((f) => f.id === id)!);
        for (const rule of rules) {
          const a = held.filter((f) => rule.sideA.some((x) => matchesFunction(x, f)));
          const b = held.filter((f) => rule.sideB.some((x) => matchesFunction(x, f)));
          expect(found.has(rule.code)).toBe(a.some((x) => b.some((y) => y.id !== x.id)));
          const withoutB = matrix({ R: grants.filter(([id]) => !b.some((f) => f.id === id)) });
          expect(detectSodConflicts(withoutB, [rule])).toHaveLength(0);
        }
      }),
      { numRuns: 200 },
    );
  });
});
