import { describe, expect, it } from 'vitest';
import type { DocBlock } from './document-model';
import { findHeadingJumps } from './report-layout';

const h = (level: 1 | 2 | 3, text = `h${level}`): DocBlock => ({ kind: 'heading', level, text });

describe('findHeadingJumps', () => {
  it.each<[string, DocBlock[], { index: number; after: number; level: number }[]]>([
    ['no headings', [{ kind: 'pageBreak' }], []],
    ['nested one level at a time, back up any number', [h(1), h(2), h(3), h(1), h(2), h(2), h(3), h(1)], []],
    ['level 3 right under a chapter (the "3 权限矩阵" → "3.1.1" bug)', [h(1), h(3)], [{ index: 1, after: 1, level: 3 }]],
    ['a document opening below level 1', [{ kind: 'pageBreak' }, h(2)], [{ index: 1, after: 0, level: 2 }]],
    [
      'every jump reported',
      [h(1), h(3), h(1), h(2), h(1), h(3)],
      [
        { index: 1, after: 1, level: 3 },
        { index: 5, after: 1, level: 3 },
      ],
    ],
  ])('%s', (_name, blocks, expected) => {
    expect(findHeadingJumps(blocks).map(({ index, after, level }) => ({ index, after, level }))).toEqual(expected);
  });
});
