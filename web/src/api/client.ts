import createClient from 'openapi-fetch';
import type { paths } from './schema.gen';
import type { ErrorBody, ErrorDetail } from './types';

/** A failed API call: the server's error code, localized message and field details. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];

  constructor(status: number, code: string, message: string, details: ErrorDetail[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

type LanguageGetter = () => string;
let currentLanguage: LanguageGetter = () => 'zh-CN';
/** Tells the client which UI language to request (sent as `Accept-Language`). */
export function setLanguageGetter(getter: LanguageGetter): void {
  currentLanguage = getter;
}

type UnauthenticatedListener = () => void;
const unauthenticatedListeners = new Set<UnauthenticatedListener>();
/** Called when any API call answers 401 (signed out or session expired). */
export function onUnauthenticated(listener: UnauthenticatedListener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'message' in error;
}

export type QueryValue = string | number | boolean | null | undefined;

/** Builds a URL with a query string; empty values (undefined, null, '') are left out, as the API treats them as absent. */
export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const qs = serializeQuery(query ?? {});
  return qs ? `${path}?${qs}` : path;
}

function serializeQuery(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  return params.toString();
}

/**
 * The typed fetch client of the golive API (openapi-fetch over the generated {@link paths}): paths,
 * parameters, bodies and answers are checked against the server's OpenAPI document. Call it through
 * {@link call}, which turns the answer into data or an {@link ApiError}.
 */
export const http = createClient<paths, 'application/json'>({
  // The session cookie is httpOnly and same-origin; the browser sends it.
  credentials: 'same-origin',
  headers: { Accept: 'application/json' },
  querySerializer: serializeQuery,
});
http.use({
  onRequest({ request }) {
    request.headers.set('Accept-Language', currentLanguage());
    return request;
  },
});

/** What an openapi-fetch call resolves with: the parsed body on success, the parsed error body otherwise. */
interface CallResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

export interface CallOptions {
  /** Do not broadcast a 401 (used by the sign-in and "who am I" calls). */
  quiet401?: boolean;
}

/**
 * Awaits an {@link http} call and resolves with its data, or throws {@link ApiError} carrying the
 * server's `{"error":{code,message,details}}` (network failures become code `NETWORK`).
 */
export async function call<T>(pending: Promise<CallResult<T>>, options: CallOptions = {}): Promise<T> {
  let result: CallResult<T>;
  try {
    result = await pending;
  } catch (cause) {
    throw new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : String(cause));
  }
  const { response } = result;
  if (!response.ok) {
    if (response.status === 401 && !options.quiet401) unauthenticatedListeners.forEach((l) => l());
    if (isErrorBody(result.error)) {
      const { code, message, details } = result.error.error;
      throw new ApiError(response.status, code, message, Array.isArray(details) ? details : []);
    }
    const text = typeof result.error === 'string' ? result.error : '';
    throw new ApiError(response.status, 'HTTP_' + response.status, text.slice(0, 200) || response.statusText);
  }
  return result.data as T;
}

/** Downloads a file from the API (cookie session) and hands it to the browser as a save. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const response = await fetch(path, {
    credentials: 'same-origin',
    headers: { 'Accept-Language': currentLanguage() },
  });
  if (!response.ok) {
    const text = await response.text();
    let message = response.statusText;
    let code = 'HTTP_' + response.status;
    try {
      const parsed: unknown = JSON.parse(text);
      if (isErrorBody(parsed)) {
        message = parsed.error.message;
        code = parsed.error.code;
      }
    } catch {
      /* not JSON */
    }
    if (response.status === 401) unauthenticatedListeners.forEach((l) => l());
    throw new ApiError(response.status, code, message);
  }
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = star ? decodeURIComponent(star[1]) : plain ? plain[1] : fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Sends a file as the raw request body (PUT) and reports upload progress (0..1); resolves with the
 * parsed JSON answer or throws {@link ApiError}. XMLHttpRequest because fetch reports no upload progress.
 */
export function uploadFile<T>(path: string, file: Blob, onProgress?: (fraction: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', currentLanguage());
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', xhr.statusText || 'network error'));
    xhr.onload = () => {
      let parsed: unknown = undefined;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        parsed = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.(1);
        resolve(parsed as T);
        return;
      }
      if (xhr.status === 401) unauthenticatedListeners.forEach((l) => l());
      if (isErrorBody(parsed)) {
        const { code, message, details } = parsed.error;
        reject(new ApiError(xhr.status, code, message, Array.isArray(details) ? details : []));
      } else reject(new ApiError(xhr.status, 'HTTP_' + xhr.status, xhr.responseText.slice(0, 200) || xhr.statusText));
    };
    xhr.send(file);
  });
}
