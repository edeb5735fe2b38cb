import { describe, expect, it } from 'vitest';
import { ACTIONS, RESOURCES } from '../../modules/access/permission-matrix';
import { AppError } from '../app-error';
import { ACTION_LABELS, RESOURCE_LABELS } from './permission-labels';

describe('permission labels in FORBIDDEN', () => {
  it('name every resource and action of the permission matrix', () => {
    expect(RESOURCES.filter((r) => !RESOURCE_LABELS[r])).toEqual([]);
    expect(ACTIONS.filter((a) => !ACTION_LABELS[a])).toEqual([]);
  });

  it('show the labels in the caller language', () => {
    const error = new AppError('FORBIDDEN', { resource: 'assessment', action: 'read' });
    expect(error.localizedMessage('zh-CN')).toBe('您的项目角色无权执行此操作（现状调研：查看）');
    expect(error.localizedMessage('en')).toBe('Your project role may not do this (Assessment: Read)');
  });
});
