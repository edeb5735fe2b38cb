import { createContext, useContext } from 'react';
import type { Project } from '../api/types';

export interface ProjectContextValue {
  project: Project;
  role: string | null;
  /** `resource:action` pairs the caller may perform in this project. */
  can: (permission: string) => boolean;
  reloadProject: () => Promise<void>;
}

export const ProjectContext = createContext<ProjectContextValue | null>(null);

export function useProject(): ProjectContextValue {
  const value = useContext(ProjectContext);
  if (!value) throw new Error('useProject outside a project page');
  return value;
}
