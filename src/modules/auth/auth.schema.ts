import { z } from '@hono/zod-openapi';

export const loginBodySchema = z
  .object({
    email: z.string().trim().toLowerCase().email().max(200),
    password: z.string().min(1).max(200),
  })
  .openapi('LoginBody');

export const userViewSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    isAdmin: z.boolean(),
    locale: z.string(),
  })
  .openapi('User');

export const createUserBodySchema = z
  .object({
    email: z.string().trim().toLowerCase().email().max(200),
    name: z.string().trim().min(1).max(100),
    password: z.string().min(8).max(200),
    isAdmin: z.boolean().default(false),
  })
  .openapi('CreateUserBody');

export const createTokenBodySchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    expiresInDays: z.number().int().min(1).max(3650).optional(),
  })
  .openapi('CreateApiTokenBody');

export const apiTokenViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
  })
  .openapi('ApiToken');

export type UserView = z.infer<typeof userViewSchema>;
export type ApiTokenView = z.infer<typeof apiTokenViewSchema>;
