/**
 * Helpers over the generated API types (schema.gen.ts, from the server's OpenAPI document): the web
 * never declares an API shape itself, it names one of these.
 */
import type { components, paths } from './schema.gen';

export type { components, paths };

/** The named schemas of the OpenAPI document (`.openapi('Name')` on the server's zod schemas). */
export type Schemas = components['schemas'];

type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = paths[P][M] extends { responses: unknown } ? paths[P][M] : never;
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;

/** The JSON answer of a successful call (200 or 201), for answers the document does not name. */
export type ResponseOf<P extends keyof paths, M extends Method> = Operation<P, M>['responses'] extends infer R
  ? R extends { 200: infer OK }
    ? JsonOf<OK>
    : R extends { 201: infer C }
      ? JsonOf<C>
      : never
  : never;

/** The JSON request body of a call. */
export type BodyOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody?: { content: { 'application/json': infer T } } } ? T : never;

/** The query parameters of a call. */
export type QueryOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/**
 * Lists the members of a union the document declares (an enum), for the UI to iterate: the compiler
 * rejects a value the API does not have and a value the list forgets, so the list cannot drift.
 */
export function enumValues<T extends string | number>() {
  return <const A extends readonly T[]>(
    values: A & ([Exclude<T, A[number]>] extends [never] ? unknown : { missing: Exclude<T, A[number]> }),
  ): A => values;
}
