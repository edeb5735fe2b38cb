import { describe, expect, it } from 'vitest';
import { englishWordsIn } from '../../../test/zh-message-check';
import { ERROR_CODES } from './error-codes';

describe('zh-CN error templates', () => {
  // Placeholders are parameter names, filled with data at run time; the harness checks filled messages.
  it.each(Object.entries(ERROR_CODES))('%s has no English words', (_code, def) => {
    expect(englishWordsIn(def.message['zh-CN'].replace(/\{\w+\}/g, ' '))).toEqual([]);
  });
});
