import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProject } from '../../../components/project';
import { toApiError } from '../../../components/use-api';
import { assessmentApi } from '../api';
import type { EnvRequirement, EnvSite } from '../types';

/** The dialog to add or edit a site: its name, a note, and one fact per requirement of the profile. */
export function SiteModal({
  site,
  profile,
  onClose,
  onSaved,
}: {
  site: EnvSite | 'new' | null;
  profile: EnvRequirement[];
  onClose(): void;
  onSaved(): Promise<void>;
}) {
  const { t } = useTranslation();
  const { project } = useProject();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; note?: string; facts: Record<string, string> }>();
  const submit = async (values: { name: string; note?: string; facts?: Record<string, string | undefined> }) => {
    const facts = Object.fromEntries(Object.entries(values.facts ?? {}).map(([k, v]) => [k, (v ?? '').toString()]));
    try {
      if (site === 'new') await assessmentApi.createSite(project.id, { name: values.name, note: values.note ?? '', facts });
      else if (site) await assessmentApi.updateSite(project.id, site.id, { name: values.name, note: values.note ?? '', facts });
      await onSaved();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };
  return (
    <Modal
      open={site !== null}
      title={site === 'new' ? t('assessment.env.newSite') : t('assessment.env.editSite')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      okButtonProps={{ id: 'site-submit' }}
    >
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ span: 9 }}
        initialValues={site && site !== 'new' ? { name: site.name, note: site.note, facts: site.facts } : { name: '', note: '', facts: {} }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="name" label={t('assessment.env.siteName')} rules={[{ required: true }]}>
          <Input placeholder={t('assessment.env.siteNamePlaceholder')} />
        </Form.Item>
        <Form.Item name="note" label={t('assessment.env.siteNote')}>
          <Input />
        </Form.Item>
        <Typography.Text type="secondary">{t('assessment.env.factsHelp')}</Typography.Text>
        {profile.map((req) => (
          <Form.Item key={req.metric} name={['facts', req.metric]} label={`${req.label}${req.unit ? `（${req.unit}）` : ''}`}>
            <Input placeholder={req.operator === 'min_version' || req.operator === 'one_of' ? req.allowed?.[0]?.split('>=')[0] : ''} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
