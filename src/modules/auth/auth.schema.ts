import { z } from '@hono/zod-openapi';
import { fieldLabel as lbl, labelled } from '../../shared/validation/field-labels';

export const loginBodySchema = z
  .object({
    email: labelled(z.string().trim().toLowerCase().email().max(200), lbl('邮箱', 'Email')),
    password: labelled(z.string().min(1).max(200), lbl('密码', 'Password')),
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
    email: labelled(z.string().trim().toLowerCase().email().max(200), lbl('邮箱', 'Email')),
    name: labelled(z.string().trim().min(1).max(100), lbl('姓名', 'Name')),
    password: labelled(z.string().min(8).max(200), lbl('密码', 'Password')),
    isAdmin: labelled(z.boolean().default(false), lbl('平台管理员', 'Platform admin')),
  })
  .openapi('CreateUserBody');

export const createTokenBodySchema = z
  .object({
    name: labelled(z.string().trim().min(1).max(100), lbl('名称', 'Name')),
    expiresInDays: labelled(z.number().int().min(1).max(3650).optional(), lbl('有效期（天）', 'Valid for (days)')),
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
