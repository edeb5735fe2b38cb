import { Alert, App, Button, Card, DatePicker, Divider, Form, Input, List, Radio, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../components/format';
import { useProject } from '../../../components/project';
import { applyServerErrors } from '../../../components/server-errors';
import { toApiError } from '../../../components/use-api';
import { goLiveApi } from '../api';
import { CriterionStatusTag, DecisionTag } from './go-live-labels';
import {
  failingCriteria,
  needsConditions,
  needsDate,
  toDecisionInput,
  type DecisionFormValues,
  type FailingCriterion,
} from '../go-live-model';
import { DECISIONS, type CriterionView, type DecisionView, type GoLiveView } from '../types';

const FIELDS = ['decision', 'conditions', 'goLiveDate'];

interface Refusal {
  message: string;
  failing: FailingCriterion[];
}

/** The readiness criteria as they stood when a decision was taken. */
function CriteriaSnapshot({ criteria }: { criteria: CriterionView[] }) {
  return (
    <List
      size="small"
      dataSource={criteria}
      renderItem={(c) => (
        <List.Item data-testid={`snapshot-${c.code}`} data-status={c.status}>
          <Space align="start">
            <CriterionStatusTag status={c.status} />
            <span>
              <strong>{c.title}</strong>
              <Typography.Text type="secondary"> — {c.detail}</Typography.Text>
            </span>
          </Space>
        </List.Item>
      )}
    />
  );
}

/** The form of the steering committee's decision (sponsor and PM). */
function DecisionForm({ view, onDecided, onRefused }: { view: GoLiveView; onDecided: (d: DecisionView) => void; onRefused: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project } = useProject();
  const [form] = Form.useForm<DecisionFormValues>();
  const decision = Form.useWatch('decision', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [refusal, setRefusal] = useState<Refusal>();

  // Propose the planned date when there is one and the field is still empty.
  useEffect(() => {
    if (view.plannedGoLive && !form.getFieldValue('goLiveDate')) form.setFieldValue('goLiveDate', dayjs(view.plannedGoLive));
  }, [view.plannedGoLive, form]);

  // A new choice starts without the previous attempt's errors.
  useEffect(() => {
    setError(undefined);
    setRefusal(undefined);
  }, [decision]);

  const submit = async (values: DecisionFormValues) => {
    setBusy(true);
    setError(undefined);
    setRefusal(undefined);
    try {
      const saved = await goLiveApi.decide(project.id, toDecisionInput(values));
      message.success(t('goLive.decision.recorded'));
      form.setFieldValue('conditions', '');
      onDecided(saved);
    } catch (cause) {
      const apiError = toApiError(cause);
      if (apiError.code === 'GO_LIVE_NOT_READY') {
        // "go" while not ready: the server names every failing criterion (any other error goes to the form).
        setRefusal({ message: apiError.message, failing: failingCriteria(apiError.details, view.criteria) });
        onRefused();
      } else {
        const { message: text, unmatched } = applyServerErrors(form, cause, FIELDS);
        setError([text, ...unmatched].join(' '));
      }
    } finally {
      setBusy(false);
    }
  };

  const failingNow = view.criteria.filter((c) => c.status === 'fail').length;
  const conditionsLabel = decision === 'no_go' ? t('goLive.decision.reasons') : t('goLive.decision.conditions');

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ goLiveDate: view.plannedGoLive ? dayjs(view.plannedGoLive) : null }}
      data-testid="decision-form"
      style={{ maxWidth: 720 }}
    >
      <Form.Item name="decision" label={t('goLive.decision.choice')} rules={[{ required: true, message: t('validation.required') }]}>
        <Radio.Group buttonStyle="solid" data-testid="decision-choice">
          {DECISIONS.map((d) => (
            <Radio.Button key={d} value={d}>
              <span data-testid={`decision-option-${d}`}>{t(`goLive.decisionOption.${d}`)}</span>
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      {decision === 'go' && !view.ready && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="decision-not-ready"
          message={t('goLive.decision.notReadyHint', { count: failingNow })}
        />
      )}
      {needsConditions(decision) && (
        <Form.Item
          name="conditions"
          label={conditionsLabel}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={4000}
            showCount
            data-testid="decision-conditions"
            placeholder={decision === 'no_go' ? t('goLive.decision.reasonsPlaceholder') : t('goLive.decision.conditionsPlaceholder')}
          />
        </Form.Item>
      )}
      {needsDate(decision) && (
        <Form.Item
          name="goLiveDate"
          label={t('goLive.decision.goLiveDate')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <DatePicker data-testid="decision-date" />
        </Form.Item>
      )}
      {refusal && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="decision-error"
          message={refusal.message}
          description={
            <>
              <div>{t('goLive.decision.failing')}</div>
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                {refusal.failing.map((f) => (
                  <li key={f.code} data-testid={`decision-failing-${f.code}`}>
                    <strong>{f.title}</strong>：{f.reason}
                  </li>
                ))}
              </ul>
            </>
          }
        />
      )}
      {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} data-testid="decision-error" message={error} />}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="decision-submit">
        {t('goLive.decision.submit')}
      </Button>
    </Form>
  );
}

/** 上线决策: the decision form (for callers with approve) and the decision history with the criteria of the day. */
export function GoLiveDecisionPanel({ view, onChanged }: { view: GoLiveView; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const { can, reloadProject } = useProject();

  return (
    <Card title={t('goLive.decision.title')}>
      {can('go_live:approve') && (
        <>
          <DecisionForm
            view={view}
            onDecided={(d) => {
              void onChanged();
              // A go or conditional go moves the project's planned go-live date.
              if (d.goLiveDate) void reloadProject();
            }}
            onRefused={() => void onChanged()}
          />
          <Divider />
        </>
      )}
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('goLive.history.title')}
      </Typography.Title>
      <Table<DecisionView>
        rowKey="id"
        size="middle"
        data-testid="decision-history"
        data-count={view.decisions.length}
        dataSource={view.decisions}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('goLive.history.empty') }}
        onRow={(d) =>
          ({ 'data-testid': `decision-entry-${d.id}`, 'data-decision': d.decision }) as React.HTMLAttributes<HTMLTableRowElement>
        }
        expandable={{ expandedRowRender: (d) => <CriteriaSnapshot criteria={d.criteria} /> }}
        columns={[
          { title: t('goLive.history.decidedAt'), dataIndex: 'decidedAt', width: 180, render: (at: string) => formatDateTime(at) },
          {
            title: t('goLive.history.decision'),
            dataIndex: 'decision',
            width: 120,
            render: (d: DecisionView['decision']) => <DecisionTag decision={d} />,
          },
          { title: t('goLive.history.goLiveDate'), dataIndex: 'goLiveDate', width: 120, render: (d: string | null) => d ?? '—' },
          { title: t('goLive.history.decidedBy'), dataIndex: 'decidedByName', width: 120 },
          {
            title: t('goLive.history.conditions'),
            dataIndex: 'conditions',
            render: (c: string) => (c ? <span style={{ whiteSpace: 'pre-wrap' }}>{c}</span> : '—'),
          },
          {
            title: t('goLive.history.readyAtTime'),
            dataIndex: 'ready',
            width: 130,
            render: (ready: boolean, d) => {
              const counts = { passed: d.criteria.filter((c) => c.status === 'pass').length, total: d.criteria.length };
              return (
                <Typography.Text type={ready ? 'success' : 'danger'}>
                  {ready ? t('goLive.history.ready', counts) : t('goLive.history.notReady', counts)}
                </Typography.Text>
              );
            },
          },
        ]}
      />
    </Card>
  );
}
