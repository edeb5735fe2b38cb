import { describe, expect, it } from 'vitest';
import { proposeWaves, type ProposalInput } from './wave-proposal';

const base: ProposalInput = {
  modulesInScope: ['finance', 'purchasing', 'inventory', 'sales', 'crm'],
  departments: [
    { name: '采购部', roles: 2 },
    { name: '仓储物流部', roles: 2 },
    { name: '财务部', roles: 3 },
    { name: '销售部', roles: 2 },
  ],
  startDate: '2027-01-04',
  plannedGoLive: null,
};

describe('proposeWaves', () => {
  it('pilots the front office, then finance, then supply chain, at the method pace', () => {
    const { waves, warnings } = proposeWaves(base, 'zh-CN');
    expect(warnings).toEqual([]);
    expect(waves.map((w) => [w.kind, w.departments, w.modules])).toEqual([
      ['pilot', ['销售部'], ['sales', 'crm']],
      ['wave', ['财务部'], ['finance']],
      ['wave', ['采购部', '仓储物流部'], ['purchasing', 'inventory']],
    ]);
    expect(waves[0]).toMatchObject({ name: '试点：销售部', plannedStart: '2027-01-04', goLiveDate: '2027-02-28' });
    // Four weeks of optimisation after the pilot, then six weeks per wave, back to back.
    expect(waves[1]).toMatchObject({ plannedStart: '2027-03-29', goLiveDate: '2027-05-09' });
    expect(waves[2]).toMatchObject({ plannedStart: '2027-05-10', goLiveDate: '2027-06-20' });
    expect(waves[2]!.reason).toContain('采购、库存');
  });

  it('picks a department of typical size for the pilot, not the biggest', () => {
    const { waves } = proposeWaves(
      {
        ...base,
        departments: [
          { name: '华东销售部', roles: 9 },
          { name: '华南销售部', roles: 4 },
          { name: '客服中心', roles: 1 },
        ],
      },
      'en',
    );
    expect(waves[0]).toMatchObject({ kind: 'pilot', departments: ['华南销售部'] });
    expect(waves[1]).toMatchObject({ kind: 'wave', departments: ['客服中心', '华东销售部'], name: 'Wave 1: 客服中心, 华东销售部' });
  });

  it('skips module groups that are out of scope and parks unmatched departments in the last wave with a warning', () => {
    const { waves, warnings } = proposeWaves(
      { ...base, modulesInScope: ['finance', 'sales'], departments: [...base.departments, { name: '总经办', roles: 1 }] },
      'zh-CN',
    );
    expect(waves.map((w) => w.departments)).toEqual([['销售部'], ['财务部', '采购部', '仓储物流部', '总经办']]);
    expect(warnings).toEqual(['这些部门无法对应到实施范围内的模块，已放入最后一批，请确认：采购部、仓储物流部、总经办']);
  });

  it('warns when the waves end after the planned go-live', () => {
    const { warnings } = proposeWaves({ ...base, plannedGoLive: '2027-03-01' }, 'zh-CN');
    expect(warnings).toEqual(['按方法论的节奏，最后一批上线日期 2027-06-20 晚于项目计划上线日期 2027-03-01']);
  });

  it('says what is missing instead of proposing nothing silently', () => {
    expect(proposeWaves({ ...base, departments: [] }, 'zh-CN').warnings[0]).toMatch(/^现状调研中还没有部门/);
    expect(proposeWaves({ ...base, modulesInScope: [] }, 'en').warnings[0]).toMatch(/^The project has no modules in scope/);
  });
});
