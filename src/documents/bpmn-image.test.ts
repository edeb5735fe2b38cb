import { describe, expect, it } from 'vitest';
import { AppError, type ErrorCode } from '../shared/app-error';
import { renderBpmnImage, renderBpmnSvg, wrapText } from './bpmn-image';
import { BPMN_JS_EXPORT, SIMPLE_PURCHASE_BPMN } from './test-fixtures';

/** Width and height from a PNG's IHDR chunk (after checking the signature). */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const buf = Buffer.from(png);
  expect(buf.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(buf.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** The text content of an SVG (tspans of one text joined without separators). */
const svgText = (svg: string): string => svg.replace(/<[^>]+>/g, '');

/** The AppError `fn` throws, checked to carry `code` and to name the bpmnXml field. */
function appErrorOf(fn: () => unknown, code?: ErrorCode): AppError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    if (code) expect((error as AppError).code).toBe(code);
    // Malformed XML has its own DOCUMENTS_XML_ codes; every one is a 400.
    else expect((error as AppError).status).toBe(400);
    expect((error as AppError).details.map((d) => d.field)).toEqual(['bpmnXml']);
    return error as AppError;
  }
  throw new Error(`expected a ${code ?? '400'} error`);
}

describe('wrapText', () => {
  it('breaks Chinese between any two characters and Latin only between words', () => {
    expect(wrapText('填写纸质采购申请单', 60, 12)).toEqual(['填写纸质采', '购申请单']);
    const latin = wrapText('Enter the sales order in the old system', 90, 12);
    expect(latin.join(' ')).toBe('Enter the sales order in the old system');
    for (const line of latin) expect(line).not.toMatch(/^\s|\s$/);
    expect(latin.every((line) => 'Enter the sales order in the old system'.includes(line))).toBe(true);
    expect(latin.length).toBeGreaterThan(1);
  });

  it('cuts a word longer than the line and keeps mixed text readable', () => {
    const lines = wrapText('Supercalifragilisticexpialidocious', 60, 12);
    expect(lines.join('')).toBe('Supercalifragilisticexpialidocious');
    expect(lines.length).toBeGreaterThan(2);
    expect(wrapText('财务核对预算（手工 Excel）', 90, 12)).toEqual(['财务核对预算（', '手工 Excel）']);
  });
});

// Drawing new glyphs is CPU-bound: generous timeouts for busy CI machines.
describe('renderBpmnImage', { timeout: 180_000 }, () => {
  it('draws a hand-written diagram: every name, lane title, gateway marker and the highlight', () => {
    const image = renderBpmnImage(SIMPLE_PURCHASE_BPMN, {
      highlights: [{ elementId: 'Task_2', color: '#cf1322', label: '瓶颈：纸质审批' }],
    });
    const text = svgText(image.svg);
    for (const name of [
      '采购部',
      '采购员',
      '提出需求',
      '填写纸质采购申请单',
      '部门经理签字审批',
      '预算足够？',
      '下达采购订单',
      '退回',
      '是',
      '否',
    ])
      expect(text).toContain(name);
    // Task names are centred inside rounded rectangles; start/end events are thin/thick circles.
    expect(image.svg).toMatch(/<rect x="270" y="140" width="100" height="80" rx="10"/);
    expect(image.svg).toMatch(/<circle cx="200" cy="180" r="18" fill="#ffffff" stroke="#22242a" stroke-width="2"\/>/);
    expect(image.svg).toMatch(/<circle cx="870" cy="180" r="18" fill="#ffffff" stroke="#22242a" stroke-width="4"\/>/);
    expect(image.svg).toContain('<polygon points="750,155 775,180 750,205 725,180"');
    // The highlighted task: coloured thick outline, light fill and a badge.
    expect(image.svg).toMatch(/<g data-element-id="Task_2"><rect [^>]*fill="#f[0-9a-f]{5}" stroke="#cf1322" stroke-width="4"/);
    expect(image.svg).toContain('class="highlight-badge"');
    expect(text).toContain('瓶颈：纸质审批');
    // Sequence flows end in arrowheads; the lane title is turned upright.
    expect(image.svg).toContain('marker-end="url(#bpmn-arrow)"');
    expect(image.svg).toMatch(/rotate\(-90 /);

    const { width, height } = pngSize(image.png);
    expect(width).toBe(image.widthPx);
    expect(height).toBe(image.heightPx);
    const svgSize = renderBpmnSvg(SIMPLE_PURCHASE_BPMN, [{ elementId: 'Task_2', color: '#cf1322', label: 'x' }]);
    // 2× the diagram, capped at the default 1600 px; the aspect ratio is kept.
    expect(width).toBe(Math.min(1600, svgSize.width * 2));
    expect(height / width).toBeCloseTo(svgSize.height / svgSize.width, 2);
  });

  it('draws the names into the PNG (the cached glyph outlines are not empty)', () => {
    const named = renderBpmnImage(SIMPLE_PURCHASE_BPMN, { maxWidthPx: 900 });
    const unnamed = renderBpmnImage(SIMPLE_PURCHASE_BPMN.replace(/ name="[^"]*"/g, ''), { maxWidthPx: 900 });
    expect(named.widthPx).toBe(unnamed.widthPx);
    // Text adds detail that compresses worse: the PNG with names is clearly larger.
    expect(named.png.length).toBeGreaterThan(unnamed.png.length * 1.3);
  });

  it('caps the PNG at maxWidthPx', () => {
    const image = renderBpmnImage(SIMPLE_PURCHASE_BPMN, { maxWidthPx: 600 });
    expect(pngSize(image.png).width).toBe(600);
    expect(image.widthPx).toBe(600);
  });

  it('draws a bpmn-js export: pools, lanes, message flow, data object, annotation and BPMNLabel positions', () => {
    const image = renderBpmnImage(BPMN_JS_EXPORT, { highlights: [{ elementId: 'Activity_Credit', color: '#fa8c16' }] });
    const text = svgText(image.svg).replace(/\s+/g, '');
    for (const name of [
      '客户',
      '销售部Sales',
      '销售内勤',
      '财务',
      '收到订单',
      'Enterthesalesorderintheoldsystem',
      '信用额度检查',
      '库存确认',
      '等待2天',
      '订单确认',
      '销售订单',
      '订单PO',
    ])
      expect(text).toContain(name);
    expect(text).toContain('信用检查靠人工查Excel&amp;邮件');
    // The external label sits in its BPMNLabel bounds (x 228 + 44/2 = 250), not under the default spot.
    expect(image.svg).toMatch(/<tspan x="250" y="[\d.]+">收到订单<\/tspan>/);
    // Message flow dashed with a circle at its start; data association dotted.
    expect(image.svg).toMatch(/stroke-dasharray="10 6" marker-start="url\(#bpmn-msg-start\)"/);
    expect(image.svg).toContain('stroke-dasharray="0.5 5"');
    // Parallel gateway "+", a timer, a message start event and the collapsed sub-process marker.
    expect(image.svg.match(/<g data-element-id="Gateway_(Split|Join)"><polygon/g)).toHaveLength(2);
    expect(image.svg).toContain('stroke="#fa8c16" stroke-width="4"');
    expect(pngSize(image.png)).toEqual({ width: image.widthPx, height: image.heightPx });
  });

  it('escapes names and refuses unsafe highlight colours', () => {
    const xml = SIMPLE_PURCHASE_BPMN.replace('name="填写纸质采购申请单"', 'name="&lt;script&gt;alert(1)&lt;/script&gt; &amp; 申请"');
    const { svg } = renderBpmnSvg(xml, [{ elementId: 'Task_1', color: '"/><script>alert(2)</script>', label: '<b>x</b>' }]);
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('stroke="#cf1322"');
    // A character reference to a control character (valid in the file, invalid once decoded) is dropped.
    const control = renderBpmnImage(SIMPLE_PURCHASE_BPMN.replace('name="退回"', 'name="退&#11;回&#1;"'));
    expect(control.svg).toContain('退');
    // eslint-disable-next-line no-control-regex -- control characters are what this matches
    expect(control.svg).not.toMatch(/[\u0001\u000B]/);
  });

  it('names the problem of malformed XML with line and column', () => {
    const broken = SIMPLE_PURCHASE_BPMN.replace(
      '<bpmn:task id="Task_2" name="部门经理签字审批" />',
      '<bpmn:task id="Task_2" name="部门经理签字审批">',
    );
    const error = appErrorOf(() => renderBpmnImage(broken));
    expect(error.message).toMatch(/closing tag <\/bpmn:process> does not match <bpmn:task> \(line \d+, column \d+\)/);
    expect(appErrorOf(() => renderBpmnImage('<bpmn:definitions id="a" name="x></bpmn:definitions>')).message).toMatch(/line 1/);
    expect(appErrorOf(() => renderBpmnImage('')).message).toContain('no XML element');
    const html = appErrorOf(() => renderBpmnImage('<html><body/></html>'), 'DOCUMENTS_BPMN_NOT_DEFINITIONS');
    expect(html.localizedMessage('zh-CN')).toBe('该文件不是 BPMN 流程文件：根元素为“html”');
    expect(html.message).toContain('not a BPMN <definitions>');
  });

  it('refuses a process without diagram interchange', () => {
    const noDi = SIMPLE_PURCHASE_BPMN.replace(/<bpmndi:BPMNDiagram[\s\S]*<\/bpmndi:BPMNDiagram>/, '');
    expect(appErrorOf(() => renderBpmnImage(noDi), 'DOCUMENTS_BPMN_NO_DIAGRAM').localizedMessage('zh-CN')).toBe(
      '该 BPMN 文件没有图形信息（各节点的位置），无法画出流程图',
    );
    const noPlane = SIMPLE_PURCHASE_BPMN.replace(/<bpmndi:BPMNPlane[\s\S]*<\/bpmndi:BPMNPlane>/, '');
    appErrorOf(() => renderBpmnImage(noPlane), 'DOCUMENTS_BPMN_NO_DIAGRAM');
    const emptyPlane = SIMPLE_PURCHASE_BPMN.replace(/(<bpmndi:BPMNPlane[^>]*>)[\s\S]*(<\/bpmndi:BPMNPlane>)/, '$1$2');
    expect(appErrorOf(() => renderBpmnImage(emptyPlane), 'DOCUMENTS_BPMN_NO_SHAPES').localizedMessage('zh-CN')).toBe(
      '该 BPMN 流程图中没有可画出的节点',
    );
    const badBounds = SIMPLE_PURCHASE_BPMN.replace('<dc:Bounds x="270"', '<dc:Bounds x="abc"');
    const notNumber = appErrorOf(() => renderBpmnImage(badBounds), 'DOCUMENTS_BPMN_COORDINATE_NOT_NUMBER');
    expect(notNumber.localizedMessage('zh-CN')).toBe('BPMN 流程图中“填写纸质采购申请单”的坐标“x”不是数字：“abc”');
    const noBounds = SIMPLE_PURCHASE_BPMN.replace(/<dc:Bounds x="270"[^>]*\/>/, '');
    expect(appErrorOf(() => renderBpmnImage(noBounds), 'DOCUMENTS_BPMN_SHAPE_NO_BOUNDS').localizedMessage('zh-CN')).toBe(
      'BPMN 流程图中“填写纸质采购申请单”的图形缺少位置和大小',
    );
  });

  it('draws each glyph once per process, so ten diagrams render in a few seconds', () => {
    // Names made of characters no other test uses: the first rendering has to draw their glyphs.
    const rare = ['鑫淼焱', '犇骉羴', '龘靐齉', '麤灥厵', '赑屃饕餮', '魑魅魍魉', '饕鬄'];
    let i = 0;
    const xml = SIMPLE_PURCHASE_BPMN.replace(/ name="[^"]*"/g, () => ` name="${rare[i++ % rare.length]}"`);
    let started = Date.now();
    renderBpmnImage(xml);
    const first = Date.now() - started;
    started = Date.now();
    renderBpmnImage(xml);
    const second = Date.now() - started;
    // Glyph drawing dominates (resvg: ~6 ms per CJK glyph); the cached run only rasterises.
    expect(second).toBeLessThan(first);
    started = Date.now();
    for (let n = 0; n < 10; n++)
      renderBpmnImage(n % 2 ? SIMPLE_PURCHASE_BPMN : BPMN_JS_EXPORT, {
        highlights: [{ elementId: 'Task_1', color: '#cf1322', label: `瓶颈 ${n}` }],
      });
    // ~2 s on an idle machine; the bound only catches a regression to drawing text per picture.
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 180_000);
});
