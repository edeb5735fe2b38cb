import { App } from 'antd';
import { useState } from 'react';
import { useProject } from '../../../components/project';
import { toApiError, useApi } from '../../../components/use-api';
import { assessmentApi } from '../api';
import type { EnvRequirement, EnvSite, ProbeResult } from '../types';

/** One row of the evaluation table: a requirement and each site's result for it (by site position). */
export interface EvaluationRow {
  req: EnvRequirement;
  results: (EnvSite['items'][number] | undefined)[];
}

/**
 * The environment page's data: the profile and sites with their evaluation, the browser probe
 * results (only for who may read them), the site being edited, and the deletions.
 */
export function useEnvironment() {
  const { project, can } = useProject();
  const { message } = App.useApp();
  const env = useApi(() => assessmentApi.environment(project.id), [project.id]);
  const canReadProbes = can('probe:read');
  const probes = useApi(
    () => (canReadProbes ? assessmentApi.probes(project.id) : Promise.resolve([] as ProbeResult[])),
    [project.id, canReadProbes],
  );
  const [siteEditing, setSiteEditing] = useState<EnvSite | 'new' | null>(null);
  const profile = env.data?.profile.items ?? [];
  const sites = env.data?.sites ?? [];
  const rows: EvaluationRow[] = profile.map((req) => ({ req, results: sites.map((s) => s.items.find((i) => i.metric === req.metric)) }));

  const deleteSite = async (site: EnvSite) => {
    try {
      await assessmentApi.deleteSite(project.id, site.id);
      await env.reload();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };
  const deleteProbe = async (probe: ProbeResult) => {
    try {
      await assessmentApi.deleteProbe(project.id, probe.id);
      await probes.reload();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };
  const siteSaved = async () => {
    setSiteEditing(null);
    await env.reload();
  };

  return { env, probes, canReadProbes, profile, sites, rows, siteEditing, setSiteEditing, deleteSite, deleteProbe, siteSaved };
}
