/** A screen wireframe: title bar and a table. */
export interface WireframeSource {
  title: string;
  columns: string[];
  rows: string[][];
  caption: string;
}

/** The demo's UI prototypes (the PNGs in demo-prototype-images.ts are these SVGs rendered with Noto Sans CJK). */
export const DEMO_PROTOTYPE_SOURCES: Record<string, WireframeSource> = {
  焊接工序计件工资接口: {
    title: '焊接计件工资 · 月度汇总',
    columns: ['班组', '焊工', '焊缝长度(m)', '等级系数', '返修扣减', '计件工资'],
    rows: [
      ['焊接一班', '李师傅', '1,280', '1.2', '-36.00', '4,572.00'],
      ['焊接一班', '王师傅', '1,105', '1.0', '0.00', '3,315.00'],
      ['焊接二班', '马师傅', '960', '1.5', '-12.00', '4,308.00'],
    ],
    caption: '计件工资月度汇总界面（原型）',
  },
  '特殊增值税发票打印（铸件分炉号开票）': {
    title: '增值税发票 · 按炉号拆分明细',
    columns: ['炉号', '铸件名称', '规格', '数量', '单价', '金额'],
    rows: [
      ['L2611-03', '阀体铸件', 'DN150', '40', '860.00', '34,400.00'],
      ['L2611-05', '阀体铸件', 'DN150', '25', '860.00', '21,500.00'],
    ],
    caption: '开票明细按炉号拆分（原型）',
  },
};

/** The SVG of a wireframe (640 px wide). */
export function wireframeSvg(source: WireframeSource): string {
  const width = 640;
  const height = 120 + source.rows.length * 32;
  const colWidth = (width - 40) / source.columns.length;
  const cell = (text: string, x: number, y: number, bold = false) =>
    `<text x="${x + 8}" y="${y + 21}" font-size="13" font-family="Noto Sans CJK SC, sans-serif"${bold ? ' font-weight="bold"' : ''}>${text}</text>`;
  const header = source.columns.map((c, i) => cell(c, 20 + i * colWidth, 76, true)).join('');
  const body = source.rows
    .map((r, ri) =>
      r
        .map(
          (v, ci) =>
            `<rect x="${20 + ci * colWidth}" y="${108 + ri * 32}" width="${colWidth}" height="32" fill="none" stroke="#d9d9d9"/>${cell(v, 20 + ci * colWidth, 108 + ri * 32)}`,
        )
        .join(''),
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<rect width="${width}" height="${height}" fill="#ffffff"/>
<rect width="${width}" height="44" fill="#1677ff"/>
<text x="20" y="28" font-size="16" fill="#ffffff" font-family="Noto Sans CJK SC, sans-serif">${source.title}</text>
<rect x="20" y="76" width="${width - 40}" height="32" fill="#fafafa" stroke="#d9d9d9"/>${header}${body}
</svg>`;
}
