import { Form, type FormInstance } from 'antd';
import { useCallback, useEffect, useRef, useState, type MutableRefObject } from 'react';
import { api } from '../../api/api';
import type { Comparison } from '../../api/types';
import { toApiError } from '../../components/use-api';
import { buildMapping, toSourceRef, type SourceValue, type SpecFormValues } from './spec-form';

/** Header columns of both sources, as read by the last suggestion. */
export interface SourceColumns {
  left: string[];
  right: string[];
}

/**
 * Reads both sources' headers and fills the spec form's mapping (and the key when none fits),
 * again whenever the chosen sources change (after typing stops). The saved spec's comparison is
 * kept on the first fill so an edit does not lose its mapping.
 */
export function useMappingSuggestion(
  form: FormInstance<SpecFormValues>,
  projectId: string,
  ready: boolean,
  savedComparison: MutableRefObject<Comparison | undefined>,
) {
  const [columns, setColumns] = useState<SourceColumns>({ left: [], right: [] });
  const [suggesting, setSuggesting] = useState(false);
  const [suggestError, setSuggestError] = useState<string>();
  /** Sources (as JSON) the mapping was last built for, so a re-render does not rebuild it. */
  const mappedFor = useRef<string | null>(null);

  const left = Form.useWatch('left', form) as SourceValue | undefined;
  const right = Form.useWatch('right', form) as SourceValue | undefined;
  const leftRef = toSourceRef(left);
  const rightRef = toSourceRef(right);
  const sourcesKey = leftRef && rightRef ? JSON.stringify([leftRef, rightRef]) : null;

  /** Reads both headers and fills the mapping (and the key when none is chosen). */
  const suggest = useCallback(
    async (force: boolean) => {
      const l = toSourceRef(form.getFieldValue('left') as SourceValue);
      const r = toSourceRef(form.getFieldValue('right') as SourceValue);
      if (!l || !r) return;
      setSuggesting(true);
      setSuggestError(undefined);
      try {
        const s = await api.cutover.suggestMapping(projectId, l, r);
        setColumns({ left: s.leftColumns, right: s.rightColumns });
        const firstTimeForSaved = !force && mappedFor.current === null && savedComparison.current;
        const mapping = buildMapping(s, firstTimeForSaved ? savedComparison.current : undefined);
        const currentKey = (form.getFieldValue('key') as string[] | undefined) ?? [];
        const keyStillValid = currentKey.length > 0 && currentKey.every((k) => s.leftColumns.includes(k));
        form.setFieldsValue({ mapping, ...(keyStillValid ? {} : { key: s.suggestedKey }) });
        form.setFields([{ name: 'mapping', errors: [] }]);
        mappedFor.current = JSON.stringify([l, r]);
      } catch (cause) {
        setSuggestError(toApiError(cause).message);
      } finally {
        setSuggesting(false);
      }
    },
    [form, projectId, savedComparison],
  );

  // Both sources chosen (or changed): read the headers again, after typing stops.
  useEffect(() => {
    if (!ready || !sourcesKey || sourcesKey === mappedFor.current) return;
    const timer = window.setTimeout(() => void suggest(false), 400);
    return () => window.clearTimeout(timer);
  }, [ready, sourcesKey, suggest]);

  return { columns, suggesting, suggestError, suggest, sourcesKey };
}
