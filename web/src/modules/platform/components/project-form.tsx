import { Col, DatePicker, Form, Input, Row, Select, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ERP_MODULES, type ErpModule, type Project, type ProjectInput } from '../../../api/types';
import { moduleLabel } from '../../../components/labels';
import { DEFAULT_DISPLAY_TIME_ZONE, timeZoneLabel } from '../../../components/time-zone';

/** Every IANA zone the browser knows, Beijing time first (most projects); labelled with the zone's name and offset now. */
function timeZoneOptions(language: string): { value: string; label: string }[] {
  const zones = Intl.supportedValuesOf('timeZone').filter((z) => z !== DEFAULT_DISPLAY_TIME_ZONE);
  const now = new Date();
  return [DEFAULT_DISPLAY_TIME_ZONE, ...zones].map((zone) => ({ value: zone, label: `${zone} · ${timeZoneLabel(now, zone, language)}` }));
}

export interface ProjectFormValues {
  name: string;
  clientName: string;
  erpProduct: string;
  erpVersion?: string;
  modulesInScope?: ErpModule[];
  startDate?: Dayjs | null;
  plannedGoLive?: Dayjs | null;
  description?: string;
  timeZone?: string;
}

export const PROJECT_FIELDS = [
  'name',
  'clientName',
  'erpProduct',
  'erpVersion',
  'modulesInScope',
  'startDate',
  'plannedGoLive',
  'description',
  'timeZone',
] as const;

export function toProjectInput(values: ProjectFormValues): ProjectInput {
  return {
    name: values.name ?? '',
    clientName: values.clientName ?? '',
    erpProduct: values.erpProduct ?? '',
    erpVersion: values.erpVersion ?? '',
    modulesInScope: values.modulesInScope ?? [],
    startDate: values.startDate ? values.startDate.format('YYYY-MM-DD') : null,
    plannedGoLive: values.plannedGoLive ? values.plannedGoLive.format('YYYY-MM-DD') : null,
    description: values.description ?? '',
    timeZone: values.timeZone ?? DEFAULT_DISPLAY_TIME_ZONE,
  };
}

export function fromProject(project: Project): ProjectFormValues {
  return {
    name: project.name,
    clientName: project.clientName,
    erpProduct: project.erpProduct,
    erpVersion: project.erpVersion,
    modulesInScope: project.modulesInScope.filter((m): m is ErpModule => (ERP_MODULES as readonly string[]).includes(m)),
    startDate: project.startDate ? dayjs(project.startDate) : null,
    plannedGoLive: project.plannedGoLive ? dayjs(project.plannedGoLive) : null,
    description: project.description,
    timeZone: project.timeZone,
  };
}

/** Fields of a project (create and edit); the server validates, errors land on the fields. */
export function ProjectFormFields({ disabled }: { disabled?: boolean }) {
  const { t, i18n } = useTranslation();
  const zones = useMemo(() => timeZoneOptions(i18n.language), [i18n.language]);
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('project.name')} rules={required}>
            <Input maxLength={100} disabled={disabled} data-testid="project-name" placeholder={t('project.namePlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="clientName" label={t('project.clientName')} rules={required}>
            <Input maxLength={100} disabled={disabled} data-testid="project-client" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="erpProduct" label={t('project.erpProduct')} rules={required}>
            <Input maxLength={100} disabled={disabled} data-testid="project-erp-product" placeholder={t('project.erpProductPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="erpVersion" label={t('project.erpVersion')}>
            <Input maxLength={50} disabled={disabled} data-testid="project-erp-version" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="modulesInScope" label={t('project.modulesInScope')}>
        <Select
          mode="multiple"
          allowClear
          disabled={disabled}
          data-testid="project-modules"
          options={ERP_MODULES.map((m) => ({ value: m, label: moduleLabel(t, m) }))}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="startDate" label={t('project.startDate')}>
            <DatePicker style={{ width: '100%' }} disabled={disabled} data-testid="project-start" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="plannedGoLive" label={t('project.plannedGoLive')}>
            <DatePicker style={{ width: '100%' }} disabled={disabled} data-testid="project-golive" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="timeZone" label={t('project.timeZone')} extra={t('project.timeZoneHelp')} initialValue={DEFAULT_DISPLAY_TIME_ZONE}>
        <Select showSearch disabled={disabled} data-testid="project-time-zone" options={zones} optionFilterProp="label" />
      </Form.Item>
      <Form.Item name="description" label={t('project.description')}>
        <Input.TextArea rows={3} maxLength={2000} disabled={disabled} data-testid="project-description" />
      </Form.Item>
    </>
  );
}

export type ProjectFormInstance = FormInstance<ProjectFormValues>;
