import { describe, expect, it } from 'vitest';
import { defaultRequirementProfile, evaluateProbe, evaluateRequirement, evaluateSite, parseUserAgent } from './env-evaluation';
import { median } from './environment.service';

const profile = defaultRequirementProfile('zh-CN');
const req = (metric: string) => profile.find((r) => r.metric === metric)!;
const status = (metric: string, value: string | null) => evaluateRequirement(req(metric), value, 'zh-CN').status;

describe('environment evaluation', () => {
  it('compares minimums with a warn band', () => {
    expect(status('app_cpu_cores', '8')).toBe('pass');
    expect(status('app_cpu_cores', '6')).toBe('warn');
    expect(status('app_cpu_cores', '5')).toBe('fail');
    expect(status('app_memory_gb', '16 GB')).toBe('pass');
    expect(status('app_cpu_cores', 'many')).toBe('fail');
    expect(status('app_cpu_cores', null)).toBe('unknown');
  });

  it('compares maximums with a warn band', () => {
    expect(status('latency_ms', '100')).toBe('pass');
    expect(status('latency_ms', '140')).toBe('warn');
    expect(status('latency_ms', '151')).toBe('fail');
  });

  it('checks products and minimum versions', () => {
    expect(status('server_os', 'Windows Server 2019')).toBe('pass');
    expect(status('server_os', 'Windows Server 2012 R2')).toBe('fail');
    expect(status('server_os', 'Windows 10')).toBe('fail');
    expect(status('database', 'SQL Server 2016 SP2')).toBe('pass');
    expect(status('database', 'Oracle 11g')).toBe('fail');
    expect(status('database', 'PostgreSQL 15.4')).toBe('pass');
    expect(status('browser', 'Chrome 120')).toBe('pass');
    expect(status('browser', 'Chrome 95')).toBe('warn');
    expect(status('browser', 'Chrome 80')).toBe('fail');
    expect(status('browser', '360极速浏览器 13.5')).toBe('pass');
    expect(status('browser', 'Firefox 120')).toBe('fail');
  });

  it('rolls a site up to its worst item', () => {
    const site = evaluateSite(profile, { app_cpu_cores: '16', latency_ms: '130' }, 'en');
    expect(site.status).toBe('warn');
    expect(site.items.find((i) => i.metric === 'server_os')!.message).toBe('not recorded');
    expect(evaluateSite(profile, { app_cpu_cores: '2' }, 'en').status).toBe('fail');
  });

  it('evaluates a probe; 360 and QQ count as their Chromium core', () => {
    const result = evaluateProbe(
      profile,
      { browserName: '360', browserVersion: '86.0.4240.198', rttMedianMs: 20, downloadMbps: 50 },
      'zh-CN',
    );
    expect(result.items.map((i) => i.status)).toEqual(['fail', 'pass', 'pass']);
    expect(result.items[0]!.value).toBe('360 86.0.4240.198');
    expect(
      evaluateProbe(profile, { browserName: 'Edge', browserVersion: '120.0', rttMedianMs: 20, downloadMbps: null }, 'zh-CN').status,
    ).toBe('unknown');
  });

  it('recognizes browsers from user agents', () => {
    const chrome = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
    expect(parseUserAgent(chrome)).toEqual({ browserName: 'Chrome', browserVersion: '120.0.0.0', osName: 'Windows 10/11' });
    expect(parseUserAgent(`${chrome} Edg/120.0.2210.91`).browserName).toBe('Edge');
    expect(parseUserAgent(`${chrome} QIHU 360EE`)).toMatchObject({ browserName: '360', browserVersion: '120.0.0.0' });
    expect(parseUserAgent(`${chrome} QQBrowser/12.1.5`)).toMatchObject({ browserName: 'QQ', browserVersion: '120.0.0.0' });
    expect(parseUserAgent('Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0')).toMatchObject({
      browserName: 'Firefox',
      browserVersion: '121.0',
      osName: 'Linux',
    });
    expect(
      parseUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15'),
    ).toMatchObject({ browserName: 'Safari', browserVersion: '17.2', osName: 'macOS' });
  });

  it('takes the median of round trips', () => {
    expect(median([30, 10, 20, 500, 25])).toBe(25);
    expect(median([10, 20])).toBe(15);
  });
});
