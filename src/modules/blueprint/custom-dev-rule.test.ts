import { describe, expect, it } from 'vitest';
import { checkResolutionRule, type ResolutionFields } from './custom-dev-rule';

const empty: ResolutionFields = {
  resolution: 'standard',
  configKind: null,
  processChangeNote: '',
  gapReason: '',
  justification: '',
  effortDays: null,
  upgradeImpact: '',
};

describe("the method's rule: adapt the process before changing the software", () => {
  it('accepts a standard requirement with nothing else', () => {
    expect(checkResolutionRule(empty, 'zh-CN')).toEqual([]);
  });

  it('names every missing field of a custom development', () => {
    const details = checkResolutionRule({ ...empty, resolution: 'custom_development', effortDays: 0 }, 'en');
    expect(details.map((d) => d.field)).toEqual(['gapReason', 'justification', 'effortDays', 'upgradeImpact']);
    expect(details[1]!.reason).toContain('core competitiveness');
  });

  it('accepts a complete custom development', () => {
    const complete = {
      ...empty,
      resolution: 'custom_development',
      gapReason: '标准计件无法按焊缝长度计价',
      justification: '焊接工艺是核心竞争力',
      effortDays: 12.5,
      upgradeImpact: '独立接口，升级时回归测试',
    };
    expect(checkResolutionRule(complete, 'zh-CN')).toEqual([]);
    expect(checkResolutionRule({ ...complete, upgradeImpact: '   ' }, 'zh-CN').map((d) => d.field)).toEqual(['upgradeImpact']);
  });

  it('requires the configuration kind exactly for configuration', () => {
    expect(checkResolutionRule({ ...empty, resolution: 'configuration' }, 'zh-CN').map((d) => d.field)).toEqual(['configKind']);
    expect(checkResolutionRule({ ...empty, resolution: 'configuration', configKind: 'workflow' }, 'zh-CN')).toEqual([]);
    expect(checkResolutionRule({ ...empty, configKind: 'report' }, 'zh-CN').map((d) => d.field)).toEqual(['configKind']);
  });

  it('requires a note for a process change', () => {
    expect(checkResolutionRule({ ...empty, resolution: 'process_change' }, 'zh-CN').map((d) => d.field)).toEqual(['processChangeNote']);
  });
});
