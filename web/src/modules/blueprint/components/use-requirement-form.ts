import { Form } from 'antd';
import { useEffect, useState } from 'react';
import { ERP_MODULES, type ErpModule } from '../../../api/types';
import { applyServerErrors } from '../../../components/server-errors';
import { blueprintApi } from '../api';
import type { ConfigKind, Priority, ProcessOption, Requirement, RequirementInput, RequirementStatus, Resolution } from '../types';

/** The requirement dialog's form; `processLink` is the cascader's [process map, step] pair. */
export interface FormValues {
  code?: string;
  title: string;
  description?: string;
  module: ErpModule;
  department?: string;
  processLink?: string[];
  processStepName?: string;
  priority: Priority;
  resolution: Resolution;
  configKind?: ConfigKind | null;
  processChangeNote?: string;
  gapReason?: string;
  justification?: string;
  effortDays?: number | null;
  upgradeImpact?: string;
  status: RequirementStatus;
}

const FIELDS = [
  'code',
  'title',
  'description',
  'module',
  'department',
  'processStepName',
  'priority',
  'resolution',
  'configKind',
  'processChangeNote',
  'gapReason',
  'justification',
  'effortDays',
  'upgradeImpact',
  'status',
];

/** The API answers a requirement's module as a plain string; the form offers only the modules it accepts. */
const isErpModule = (m: string): m is ErpModule => (ERP_MODULES as readonly string[]).includes(m);

function toInput(v: FormValues, processes: ProcessOption[]): RequirementInput {
  const [processMapId, elementId] = v.processLink ?? [];
  const step = processes.find((p) => p.id === processMapId)?.steps.find((s) => s.elementId === elementId);
  return {
    ...(v.code?.trim() ? { code: v.code.trim() } : {}),
    title: v.title ?? '',
    description: v.description ?? '',
    module: v.module,
    department: v.department ?? '',
    processMapId: step ? (processMapId ?? null) : null,
    processElementId: step ? (elementId ?? null) : null,
    processStepName: step ? step.name : (v.processStepName ?? ''),
    priority: v.priority,
    resolution: v.resolution,
    configKind: v.resolution === 'configuration' ? (v.configKind ?? null) : null,
    processChangeNote: v.processChangeNote ?? '',
    gapReason: v.gapReason ?? '',
    justification: v.justification ?? '',
    effortDays: v.effortDays ?? null,
    upgradeImpact: v.upgradeImpact ?? '',
    status: v.status,
  };
}

function fromRequirement(r: Requirement): Omit<FormValues, 'module'> & { module?: ErpModule } {
  return {
    code: r.code,
    title: r.title,
    description: r.description,
    module: isErpModule(r.module) ? r.module : undefined,
    department: r.department,
    processLink: r.processMapId && r.processElementId ? [r.processMapId, r.processElementId] : undefined,
    processStepName: r.processStepName,
    priority: r.priority,
    resolution: r.resolution,
    configKind: r.configKind,
    processChangeNote: r.processChangeNote,
    gapReason: r.gapReason,
    justification: r.justification,
    effortDays: r.effortDays,
    upgradeImpact: r.upgradeImpact,
    status: r.status,
  };
}

/**
 * The requirement dialog's state: the form filled from the requirement (or defaults) each time it
 * opens, the project's process maps to link a step, and saving with the server's field errors.
 */
export function useRequirementForm({
  projectId,
  requirement,
  open,
  modulesInScope,
  onSaved,
}: {
  projectId: string;
  requirement: Requirement | null;
  open: boolean;
  modulesInScope: string[];
  onSaved: (saved: Requirement) => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [processes, setProcesses] = useState<ProcessOption[]>([]);

  useEffect(() => {
    if (!open) return;
    setError(undefined);
    form.resetFields();
    form.setFieldsValue(
      requirement
        ? fromRequirement(requirement)
        : { priority: 'should', resolution: 'standard', status: 'draft', module: modulesInScope.find(isErpModule) ?? 'finance' },
    );
    blueprintApi
      .processes(projectId)
      .then((r) => setProcesses(r.items))
      .catch(() => setProcesses([]));
  }, [open, requirement, form, projectId, modulesInScope]);

  const submit = async (values: FormValues) => {
    setBusy(true);
    setError(undefined);
    try {
      const input = toInput(values, processes);
      const saved = requirement ? await blueprintApi.update(projectId, requirement.id, input) : await blueprintApi.create(projectId, input);
      onSaved(saved);
    } catch (cause) {
      const { message, unmatched } = applyServerErrors(form, cause, FIELDS, { processMapId: 'processStepName' });
      setError([message, ...unmatched].join(' '));
    } finally {
      setBusy(false);
    }
  };

  const processOptions = processes.map((p) => ({
    value: p.id,
    label: `${p.department ? `${p.department} · ` : ''}${p.name}`,
    children: p.steps.filter((s) => s.name).map((s) => ({ value: s.elementId, label: s.name })),
  }));

  return { form, busy, error, submit, processOptions };
}
