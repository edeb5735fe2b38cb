import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/app-error';
import { DecimalSum, decimalText } from './decimal-sum';
import { deriveLoadOrder, findDependencyCycle, type OrderNode } from './migration-order';

const node = (id: string, category: OrderNode['category'], dependsOn: string[] = [], sortWeight = 0): OrderNode => ({
  id,
  name: id,
  category,
  sortWeight,
  dependsOn,
});

describe('load order', () => {
  it('puts master data first and history last where dependencies allow', () => {
    const order = deriveLoadOrder([
      node('历史凭证', 'history'),
      node('期初余额', 'opening', ['会计科目', '客户']),
      node('未清采购订单', 'open_transactions', ['供应商']),
      node('客户', 'master', [], 2),
      node('供应商', 'master', [], 3),
      node('会计科目', 'master', [], 1),
    ]);
    expect(order.map((o) => o.node.name)).toEqual(['会计科目', '客户', '供应商', '期初余额', '未清采购订单', '历史凭证']);
    expect(order.map((o) => o.level)).toEqual([0, 0, 0, 1, 1, 0]);
  });

  it('lets a dependency pull an object of a later category forward', () => {
    const order = deriveLoadOrder([node('A', 'master', ['H']), node('H', 'history')]);
    expect(order.map((o) => o.node.name)).toEqual(['H', 'A']);
  });

  it('names a cycle, closing on its first object', () => {
    const nodes = [node('物料', 'master', ['供应商']), node('供应商', 'master', ['物料']), node('客户', 'master')];
    expect(findDependencyCycle(nodes)).toEqual(['物料', '供应商', '物料']);
    const error = (() => {
      try {
        deriveLoadOrder(nodes);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('MIGRATION_OBJECT_CYCLE');
    expect((error as AppError).localizedMessage('zh-CN')).toBe('迁移对象的依赖成环：物料 → 供应商 → 物料');
  });
});

describe('exact decimal sums', () => {
  it('adds decimal texts without float error', () => {
    const sum = new DecimalSum();
    for (const v of ['0.1', '0.2', '-1.005', '1000', null, '+3.50']) sum.add(v);
    expect(sum.toString()).toBe('1002.795');
    sum.add('x');
    expect(sum.invalid).toBe(1);
    expect(decimalText(0.1 + 0.2)).toBe('0.3');
    expect(decimalText('12.500')).toBe('12.5');
  });
});
