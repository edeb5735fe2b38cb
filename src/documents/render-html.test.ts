import { describe, expect, it } from 'vitest';
import { renderBpmnImage } from './bpmn-image';
import { escapeHtml, renderHtml } from './render-html';
import { SIMPLE_PURCHASE_BPMN, TINY_PNG, sampleReport } from './test-fixtures';

describe('renderHtml', { timeout: 180_000 }, () => {
  it('is one standalone printable page: cover, TOC with anchors, numbered headings, tables, tones', () => {
    const html = renderHtml(sampleReport());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<meta charset="utf-8">');
    // No external requests: no links, scripts, remote images or fonts.
    expect(html).not.toMatch(/<link|<script|src="http|url\(http|@import/i);
    expect(html).toContain('@media print');
    expect(html).toMatch(/page-break-after:always/);
    // Cover.
    for (const text of ['现状分析报告', '金昌 ERP 实施', 'V2（已签核）', '张伟', '金昌集团', '编制人']) expect(html).toContain(text);
    // TOC links point at the heading ids.
    const links = [...html.matchAll(/<a href="#(sec-[\d-]+)">([^<]*)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(links).toEqual([
      ['sec-1', '1 项目概述'],
      ['sec-1-1', '1.1 业务流程现状'],
      ['sec-2', '2 结论'],
      ['sec-2-1-1', '2.1.1 细节'],
    ]);
    for (const [id, text] of links) expect(html).toMatch(new RegExp(`<h\\d id="${id}">${text}</h\\d>`));
    // Table: header, highlighted second row, right-aligned numbers, coloured runs, caption.
    expect(html).toContain('<caption>表 1 流程清单</caption>');
    expect(html).toContain('<tr class="highlight"><td>销售订单</td>');
    expect(html).toContain('<td style="text-align:right">5</td>');
    expect(html).toContain('<span style="color:#CF1322"><strong>冲突</strong></span>');
    expect(html).toContain('<p class="tone-warning">发现 3 个瓶颈。</p>');
    expect(html).toContain('<li><strong>库存</strong>每月手工盘点</li>');
    expect(html).toContain('<div class="page-break"></div>');
  });

  it('escapes every user text (no <script> from report content)', () => {
    const html = renderHtml(
      sampleReport({
        title: '<script>alert("t")</script>',
        projectName: 'A & B <img src=x onerror=alert(1)>',
        author: '"><script>x</script>',
        coverFacts: [['<b>k</b>', "v' onmouseover='x"]],
      }),
    );
    expect(html).not.toMatch(/<script|<img src=x|<b>k/);
    expect(html).toContain('&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;');
    expect(html).toContain('A &amp; B &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('A &amp; B &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('inlines diagram SVG when present, else embeds the PNG; unsafe SVG falls back to the PNG', () => {
    const diagram = renderBpmnImage(SIMPLE_PURCHASE_BPMN, { highlights: [{ elementId: 'Task_2', color: '#cf1322', label: '瓶颈' }] });
    const html = renderHtml(
      sampleReport({
        blocks: [
          {
            kind: 'image',
            png: diagram.png,
            svg: diagram.svg,
            widthPx: diagram.widthPx,
            heightPx: diagram.heightPx,
            alt: '采购流程',
            caption: '图 1',
          },
          { kind: 'image', png: TINY_PNG, widthPx: 1, heightPx: 1, alt: 'png only' },
          {
            kind: 'image',
            png: TINY_PNG,
            svg: '<svg onload="alert(1)"><script>alert(2)</script></svg>',
            widthPx: 1,
            heightPx: 1,
            alt: 'bad',
          },
        ],
      }),
    );
    expect(html).toContain('<div class="svg" role="img" aria-label="采购流程"><svg xmlns="http://www.w3.org/2000/svg"');
    expect(html).toContain('部门经理签字审');
    expect(html).toContain('<figcaption>图 1</figcaption>');
    expect(html.match(/src="data:image\/png;base64,iVBOR/g)).toHaveLength(2);
    expect(html).not.toContain('onload=');
    expect(html).not.toContain('<script');
  });

  it('uses English frame texts for en reports', () => {
    const html = renderHtml(sampleReport({ locale: 'en' }));
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h2>Contents</h2>');
    expect(html).toContain('<th>Prepared by</th>');
  });
});
