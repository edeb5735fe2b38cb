import { Alert, App, Button, Card, Descriptions, Input, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProject } from '../../../components/project';
import { toApiError } from '../../../components/use-api';
import { assessmentApi } from '../api';
import { StatusTag } from '../components/status-tag';
import type { ProbeResult } from '../types';

const PING_COUNT = 10;

/** The median of a list of numbers. */
export function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Megabits per second from bytes received in milliseconds. */
export function throughputMbps(bytes: number, ms: number): number {
  return ms > 0 ? (bytes * 8) / (ms / 1000) / 1_000_000 : 0;
}

/**
 * The environment probe every member can open: it times round trips to the server and a download,
 * reads the screen, and submits; the browser is recognized by the server from the user agent.
 */
export default function ProbePage() {
  const { t } = useTranslation();
  const { project } = useProject();
  const { message } = App.useApp();
  const [siteName, setSiteName] = useState('');
  const [phase, setPhase] = useState<'idle' | 'ping' | 'download' | 'submit'>('idle');
  const [progress, setProgress] = useState(0);
  const [result, setResult] = useState<ProbeResult>();

  const run = async () => {
    setResult(undefined);
    try {
      setPhase('ping');
      const samples: number[] = [];
      for (let i = 0; i < PING_COUNT; i++) {
        const start = performance.now();
        const response = await fetch(`${assessmentApi.pingUrl(project.id)}?n=${Date.now()}-${i}`, {
          cache: 'no-store',
          credentials: 'same-origin',
        });
        await response.text();
        if (!response.ok) throw new Error(`ping HTTP ${response.status}`);
        samples.push(Math.round((performance.now() - start) * 10) / 10);
        setProgress(Math.round(((i + 1) / PING_COUNT) * 50));
      }
      setPhase('download');
      let downloadMbps: number | null = null;
      const start = performance.now();
      const response = await fetch(`${assessmentApi.payloadUrl(project.id)}?n=${Date.now()}`, {
        cache: 'no-store',
        credentials: 'same-origin',
      });
      if (response.ok) {
        const bytes = (await response.arrayBuffer()).byteLength;
        downloadMbps = Math.round(throughputMbps(bytes, performance.now() - start) * 100) / 100;
      }
      setProgress(90);
      setPhase('submit');
      const submitted = await assessmentApi.submitProbe(project.id, {
        userAgent: navigator.userAgent,
        screenWidth: window.screen.width,
        screenHeight: window.screen.height,
        devicePixelRatio: Math.round(window.devicePixelRatio * 100) / 100,
        rttSamplesMs: samples,
        downloadMbps,
        siteName: siteName.trim(),
      });
      setProgress(100);
      setResult(submitted);
      message.success(t('assessment.probe.submitted'));
    } catch (cause) {
      message.error(toApiError(cause).message);
    } finally {
      setPhase('idle');
    }
  };

  return (
    <Card data-testid="assessment-probe" title={t('assessment.probe.title')}>
      <Typography.Paragraph type="secondary">{t('assessment.probe.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input
          style={{ width: 240 }}
          placeholder={t('assessment.probe.sitePlaceholder')}
          value={siteName}
          maxLength={100}
          onChange={(e) => setSiteName(e.target.value)}
          data-testid="probe-site"
        />
        <Button type="primary" loading={phase !== 'idle'} onClick={() => void run()} data-testid="probe-run">
          {t('assessment.probe.run')}
        </Button>
      </Space>
      {phase !== 'idle' && (
        <div style={{ maxWidth: 480 }}>
          <Typography.Text>{t(`assessment.probe.phase.${phase}`)}</Typography.Text>
          <Progress percent={progress} />
        </div>
      )}
      {result && (
        <div data-testid="probe-result">
          <Alert
            type={result.status === 'pass' ? 'success' : result.status === 'fail' ? 'error' : 'warning'}
            showIcon
            message={t(`assessment.probe.verdict.${result.status}`)}
            style={{ marginBottom: 12 }}
          />
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label={t('assessment.probe.browser')}>
              {result.browserName} {result.browserVersion}（{result.osName || '—'}）
            </Descriptions.Item>
            <Descriptions.Item label={t('assessment.probe.screen')}>
              {result.screenWidth}×{result.screenHeight} @{result.devicePixelRatio}x
            </Descriptions.Item>
            <Descriptions.Item label={t('assessment.probe.rtt')}>
              <span data-testid="probe-rtt">{result.rttMedianMs}</span>（{result.rttSamplesMs.join(' / ')}）
            </Descriptions.Item>
            <Descriptions.Item label={t('assessment.probe.download')}>{result.downloadMbps ?? '—'}</Descriptions.Item>
            {result.items.map((i) => (
              <Descriptions.Item key={i.metric} label={i.label}>
                <Space>
                  <StatusTag status={i.status} />
                  {i.value ?? '—'}（{i.requirement}）
                </Space>
              </Descriptions.Item>
            ))}
          </Descriptions>
        </div>
      )}
    </Card>
  );
}
