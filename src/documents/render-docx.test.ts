import { describe, expect, it } from 'vitest';
import { renderBpmnImage } from './bpmn-image';
import type { ReportDocument } from './document-model';
import { readDocxXml } from './docx-test-helpers';
import { fitImage, renderDocx } from './render-docx';
import { SIMPLE_PURCHASE_BPMN, sampleReport } from './test-fixtures';

describe('renderDocx', { timeout: 180_000 }, () => {
  it('writes the cover, TOC field, numbered Heading 1–3 paragraphs, tables, images, header and footer', async () => {
    const doc = sampleReport();
    const docx = await readDocxXml(await renderDocx(doc));
    expect(docx.headings).toEqual([
      { level: 1, text: '1 项目概述' },
      { level: 2, text: '1.1 业务流程现状' },
      { level: 1, text: '2 结论' },
      { level: 3, text: '2.1.1 细节' },
    ]);
    // One table block + the cover facts table.
    expect(docx.tableCount).toBe(2);
    expect(docx.media.filter((m) => m.endsWith('.png'))).toHaveLength(1);
    expect(docx.hasToc).toBe(true);
    expect(docx.parts['word/settings.xml']).toMatch(/<w:updateFields(?: w:val="true")?\/>/);
    // Cover: title, subtitle, project, version, date, author and the builder's facts.
    for (const text of [
      '现状分析报告',
      '金昌 ERP 实施项目 · 调研阶段',
      '金昌 ERP 实施',
      'V2（已签核）',
      '张伟',
      '客户',
      '金昌集团',
      '用友 U8',
      '生成时间',
    ])
      expect(docx.text).toContain(text);
    expect(docx.title).toBe('现状分析报告');
    expect(docx.creator).toBe('张伟');
    // Header with the title, footer with "第 X 页 / 共 Y 页" fields; the cover page has its own empty pair.
    expect(docx.headers.length).toBeGreaterThanOrEqual(1);
    expect(docx.headers.some((h) => docx.parts[h]!.includes('现状分析报告'))).toBe(true);
    const footer = docx.footers.map((f) => docx.parts[f]!).find((xml) => xml.includes('PAGE'))!;
    expect(footer).toContain('第 ');
    expect(footer).toContain(' 页 / 共 ');
    expect(footer).toContain('NUMPAGES');
    expect(docx.documentXml).toContain('<w:titlePg/>');
  });

  it('shades the header row (repeated on each page) and highlighted rows, and sizes columns from width', async () => {
    const docx = await readDocxXml(await renderDocx(sampleReport()));
    const table = docx.documentXml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g)!.find((t) => t.includes('步骤数'))!;
    const rows = table.match(/<w:tr>[\s\S]*?<\/w:tr>/g)!;
    expect(rows).toHaveLength(4);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[0]).toContain('w:fill="D9E2F3"');
    expect(rows[2]).toContain('w:fill="FDE2E1"'); // highlightRows: [1] → the second data row
    expect(rows[1]).not.toContain('FDE2E1');
    const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toHaveLength(3);
    expect(grid[0]! / grid[2]!).toBeCloseTo(3, 1);
    // Runs keep bold and colour; the numeric column is right-aligned.
    expect(rows[3]).toMatch(/<w:b\/>[\s\S]*<w:color w:val="CF1322"\/>[\s\S]*冲突/);
    expect(rows[1]).toMatch(/<w:jc w:val="right"\/>[\s\S]*>5</);
  });

  it('round-trips CJK text and escapes & < >', async () => {
    const buffer = await renderDocx(sampleReport());
    const docx = await readDocxXml(buffer);
    expect(docx.documentXml).toContain('A &amp; B &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(docx.text).toContain('A & B <script>alert(1)</script>');
    expect(docx.text).toContain('采购审批靠纸质签字');
    expect(docx.documentXml).not.toContain('<script>');
  });

  it('drops characters Word refuses (control characters from Excel imports), keeping in-cell line breaks', async () => {
    const doc = sampleReport({
      projectName: 'A\u0001B',
      blocks: [
        { kind: 'paragraph', runs: ['第一行\u000B第二行\u0007'] },
        { kind: 'table', columns: [{ title: '备注' }], rows: [['甲\u000B乙\u001F']] },
      ],
    });
    const docx = await readDocxXml(await renderDocx(doc));
    // eslint-disable-next-line no-control-regex -- control characters are what this matches
    expect(docx.documentXml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(docx.documentXml).toMatch(/第一行<\/w:t><\/w:r><w:r>(<w:rPr>[\s\S]*?<\/w:rPr>)?<w:br\/><w:t[^>]*>第二行/);
    expect(docx.text).toContain('AB');
    expect(docx.text).toMatch(/甲\n乙/);
  });

  it('uses 宋体/黑体 for Chinese and Calibri for Latin text, Heading styles with outline levels', async () => {
    const docx = await readDocxXml(await renderDocx(sampleReport()));
    const styles = docx.parts['word/styles.xml']!;
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*w:ascii="Calibri"[\s\S]*w:eastAsia="宋体"/);
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="Heading1">[\s\S]*?w:eastAsia="黑体"[\s\S]*?<\/w:style>/);
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="Heading2">[\s\S]*?<w:outlineLvl w:val="1"\/>/);
  });

  it('scales pictures to the text width keeping the aspect ratio, with the caption below', async () => {
    expect(fitImage(1600, 400)).toEqual({ width: 553, height: 138 });
    expect(fitImage(300, 200)).toEqual({ width: 300, height: 200 });
    expect(fitImage(400, 4000).height).toBe(820);
    const diagram = renderBpmnImage(SIMPLE_PURCHASE_BPMN);
    const small = renderBpmnImage(SIMPLE_PURCHASE_BPMN, { maxWidthPx: 500 });
    const doc = sampleReport({
      blocks: [
        { kind: 'heading', level: 1, text: '流程图' },
        {
          kind: 'image',
          png: diagram.png,
          widthPx: diagram.widthPx,
          heightPx: diagram.heightPx,
          alt: '采购流程',
          caption: '图 1 采购流程',
        },
        { kind: 'image', png: small.png, widthPx: small.widthPx, heightPx: small.heightPx, alt: '采购流程 2' },
      ],
    });
    const docx = await readDocxXml(await renderDocx(doc));
    expect(docx.media.filter((m) => m.endsWith('.png'))).toHaveLength(2);
    const extents = [...docx.documentXml.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(extents).toHaveLength(2);
    expect(extents[1]![0]).toBe(500 * 9525); // narrower than the text width: not enlarged
    const [cx, cy] = extents[0]!;
    expect(cx).toBe(553 * 9525);
    expect(cx! / cy!).toBeCloseTo(diagram.widthPx / diagram.heightPx, 1);
    expect(docx.text).toMatch(/图 1 采购流程/);
    expect(docx.documentXml.indexOf('图 1 采购流程')).toBeGreaterThan(docx.documentXml.indexOf('<w:drawing>'));
  });

  it('writes English frames for en reports and tones as coloured, shaded paragraphs', async () => {
    const doc: ReportDocument = sampleReport({
      locale: 'en',
      title: 'Current State Analysis Report',
      blocks: [
        { kind: 'heading', level: 1, text: 'Overview' },
        { kind: 'paragraph', tone: 'note', runs: ['A note'] },
        { kind: 'paragraph', tone: 'warning', runs: ['A warning'] },
        { kind: 'paragraph', tone: 'success', runs: ['Passed'] },
        { kind: 'bullets', items: [['one'], ['two']] },
      ],
    });
    const docx = await readDocxXml(await renderDocx(doc));
    const footer = docx.footers.map((f) => docx.parts[f]!).find((xml) => xml.includes('PAGE'))!;
    expect(footer).toContain('Page ');
    expect(footer).toContain(' of ');
    expect(docx.text).toContain('Contents');
    expect(docx.text).toContain('Prepared by');
    expect(docx.tableCount).toBe(1);
    expect(docx.documentXml).toMatch(/<w:shd [^>]*w:fill="FFF4E5"[\s\S]*A warning/);
    expect(docx.documentXml).toMatch(/<w:color w:val="2E6B30"\/>[\s\S]*?Passed/);
    expect(docx.documentXml.match(/<w:numPr>/g)).toHaveLength(2);
  });

  it('keeps headings a builder already numbered', async () => {
    const docx = await readDocxXml(
      await renderDocx(
        sampleReport({
          blocks: [
            { kind: 'heading', level: 1, text: '3 用户角色' },
            { kind: 'heading', level: 2, text: '3.1 操作员' },
          ],
        }),
      ),
    );
    expect(docx.headings.map((h) => h.text)).toEqual(['3 用户角色', '3.1 操作员']);
  });
});
