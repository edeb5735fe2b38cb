import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell as DocxTableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type IFontAttributesProperties,
  type ParagraphChild,
} from 'docx';
import type { DocBlock, InlineRun, ReportDocument, TableCell, TableColumn } from './document-model';
import {
  TABLE_COLORS,
  TONE_COLORS,
  cellRuns,
  cleanReport,
  coverRows,
  normalizeRun,
  numberHeadings,
  reportLabels,
  toHexColor,
  type NumberedHeading,
} from './report-layout';

// CONTRACT (owner: documents). Signature used by the report routes and the `golive report` CLI.

/** A4 in twips with the margins of Chinese government/enterprise documents (2.54 cm / 3.17 cm). */
const PAGE = { width: 11906, height: 16838, marginTopBottom: 1440, marginLeftRight: 1800 } as const;
/** Text width in twips and in pixels (docx sizes images in px at 96 dpi: 1 px = 15 twips). */
const CONTENT_TWIPS = PAGE.width - 2 * PAGE.marginLeftRight;
const CONTENT_PX = Math.floor(CONTENT_TWIPS / 15);
/** Tallest picture (px) so a diagram plus its caption fits on one page. */
const MAX_IMAGE_HEIGHT_PX = 820;

interface Fonts {
  body: IFontAttributesProperties;
  heading: IFontAttributesProperties;
}

function fontsFor(locale: ReportDocument['locale']): Fonts {
  // Latin text in Calibri; Chinese text in 宋体 (body) and 黑体 (headings), the usual report faces.
  const [song, hei] = locale === 'zh-CN' ? ['宋体', '黑体'] : ['SimSun', 'SimHei'];
  return {
    body: { ascii: 'Calibri', hAnsi: 'Calibri', cs: 'Calibri', eastAsia: song },
    heading: { ascii: 'Calibri', hAnsi: 'Calibri', cs: 'Calibri', eastAsia: hei },
  };
}

/** Runs for one inline run; a newline becomes a line break inside the paragraph. */
function textRuns(run: InlineRun, extra: { size?: number; color?: string; bold?: boolean } = {}): TextRun[] {
  const r = normalizeRun(run);
  return r.text.split('\n').map(
    (part, i) =>
      new TextRun({
        text: part,
        break: i > 0 ? 1 : undefined,
        bold: r.bold ?? extra.bold,
        italics: r.italic,
        color: toHexColor(r.color) ?? extra.color,
        size: extra.size,
      }),
  );
}

function headingParagraph(heading: NumberedHeading, fonts: Fonts): Paragraph {
  const level = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 }[heading.level];
  return new Paragraph({
    heading: level,
    children: [new TextRun({ text: heading.display, font: fonts.heading })],
  });
}

function paragraphBlock(block: Extract<DocBlock, { kind: 'paragraph' }>): Paragraph {
  const tone = block.tone && block.tone !== 'normal' ? TONE_COLORS[block.tone] : undefined;
  return new Paragraph({
    children: block.runs.flatMap((run) => textRuns(run, { color: tone?.text })),
    shading: tone ? { type: ShadingType.CLEAR, fill: tone.fill, color: 'auto' } : undefined,
    border: tone ? { left: { style: BorderStyle.SINGLE, size: 18, color: tone.border, space: 6 } } : undefined,
    spacing: { after: 120, line: 360 },
  });
}

function columnTwips(columns: TableColumn[]): number[] {
  const weights = columns.map((c) => (c.width && c.width > 0 ? c.width : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.max(400, Math.floor((w / total) * CONTENT_TWIPS)));
  return widths;
}

function alignment(align: TableColumn['align']): (typeof AlignmentType)[keyof typeof AlignmentType] {
  return align === 'right' ? AlignmentType.RIGHT : align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT;
}

function cellParagraphs(cell: TableCell, align: TableColumn['align'], bold?: boolean): Paragraph[] {
  // A newline in a cell starts a new paragraph so lists inside cells stay readable.
  const runs = cellRuns(cell);
  const lines: ParagraphChild[][] = [[]];
  for (const run of runs) {
    run.text.split('\n').forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part !== '') lines[lines.length - 1]!.push(...textRuns({ ...run, text: part }, { size: 18, bold }));
    });
  }
  return lines.map((children) => new Paragraph({ children, alignment: alignment(align), spacing: { before: 40, after: 40 } }));
}

function tableBlock(block: Extract<DocBlock, { kind: 'table' }>, fonts: Fonts): (Paragraph | Table)[] {
  // A table without columns has no valid Word representation (w:tblGrid needs a column).
  if (block.columns.length === 0) return [];
  const widths = columnTwips(block.columns);
  const highlighted = new Set(block.highlightRows ?? []);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map(
      (column, i) =>
        new DocxTableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, fill: TABLE_COLORS.header, color: 'auto' },
          children: cellParagraphs(column.title, column.align === 'right' ? 'center' : column.align, true),
        }),
    ),
  });
  const rows = block.rows.map(
    (row, rowIndex) =>
      new TableRow({
        // Rows may break across pages: a row taller than a page would otherwise be cut off by Word.
        cantSplit: false,
        children: block.columns.map(
          (column, i) =>
            new DocxTableCell({
              width: { size: widths[i]!, type: WidthType.DXA },
              shading: highlighted.has(rowIndex) ? { type: ShadingType.CLEAR, fill: TABLE_COLORS.highlight, color: 'auto' } : undefined,
              children: cellParagraphs(row[i] ?? null, column.align),
            }),
        ),
      }),
  );
  const out: (Paragraph | Table)[] = [];
  if (block.caption)
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: { before: 120, after: 60 },
        children: [new TextRun({ text: block.caption, bold: true, size: 20, font: fonts.heading })],
      }),
    );
  out.push(
    new Table({
      rows: [header, ...rows],
      width: { size: CONTENT_TWIPS, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
    }),
  );
  // An empty paragraph after a table keeps two consecutive tables from merging in Word.
  out.push(new Paragraph({ spacing: { after: 120 }, children: [] }));
  return out;
}

/** Size (px) that fits the text width and the page height, keeping the aspect ratio. */
export function fitImage(widthPx: number, heightPx: number): { width: number; height: number } {
  const w = Math.max(1, widthPx);
  const h = Math.max(1, heightPx);
  const scale = Math.min(1, CONTENT_PX / w, MAX_IMAGE_HEIGHT_PX / h);
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) };
}

function imageBlock(block: Extract<DocBlock, { kind: 'image' }>, index: number): Paragraph[] {
  const size = fitImage(block.widthPx, block.heightPx);
  const out = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: Boolean(block.caption),
      spacing: { before: 120, after: 60 },
      children: [
        new ImageRun({
          type: 'png',
          data: block.png,
          transformation: size,
          altText: { name: `image${index + 1}`, title: block.alt, description: block.alt },
        }),
      ],
    }),
  ];
  if (block.caption)
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 200 },
        children: [new TextRun({ text: block.caption, size: 18, color: '595959' })],
      }),
    );
  return out;
}

function coverChildren(doc: ReportDocument, fonts: Fonts): (Paragraph | Table)[] {
  const rows = coverRows(doc);
  const labelWidth = Math.floor(CONTENT_TWIPS * 0.3);
  const table = new Table({
    width: { size: CONTENT_TWIPS, type: WidthType.DXA },
    columnWidths: [labelWidth, CONTENT_TWIPS - labelWidth],
    layout: TableLayoutType.FIXED,
    rows: rows.map(
      ([label, value]) =>
        new TableRow({
          cantSplit: true,
          children: [
            new DocxTableCell({
              width: { size: labelWidth, type: WidthType.DXA },
              shading: { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' },
              children: [new Paragraph({ spacing: { before: 60, after: 60 }, children: [new TextRun({ text: label, bold: true })] })],
            }),
            new DocxTableCell({
              width: { size: CONTENT_TWIPS - labelWidth, type: WidthType.DXA },
              children: [new Paragraph({ spacing: { before: 60, after: 60 }, children: [new TextRun({ text: value })] })],
            }),
          ],
        }),
    ),
  });
  return [
    new Paragraph({ spacing: { before: 2400 }, children: [] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: doc.projectName, size: 32, font: fonts.heading })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: doc.title, size: 56, bold: true, font: fonts.heading })],
    }),
    ...(doc.subtitle
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: doc.subtitle, size: 28, color: '595959' })],
          }),
        ]
      : []),
    new Paragraph({ spacing: { before: 1600 }, children: [] }),
    table,
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

function bodyChildren(doc: ReportDocument, fonts: Fonts): (Paragraph | Table | TableOfContents)[] {
  const headings = numberHeadings(doc.blocks);
  const out: (Paragraph | Table | TableOfContents)[] = [];
  let imageIndex = 0;
  doc.blocks.forEach((block, index) => {
    switch (block.kind) {
      case 'heading':
        out.push(headingParagraph(headings.get(index)!, fonts));
        break;
      case 'paragraph':
        out.push(paragraphBlock(block));
        break;
      case 'bullets':
        for (const item of block.items)
          out.push(new Paragraph({ bullet: { level: 0 }, spacing: { after: 60 }, children: item.flatMap((run) => textRuns(run)) }));
        break;
      case 'table':
        out.push(...tableBlock(block, fonts));
        break;
      case 'image':
        out.push(...imageBlock(block, imageIndex++));
        break;
      case 'pageBreak':
        out.push(new Paragraph({ children: [new PageBreak()] }));
        break;
    }
  });
  return out;
}

/**
 * Renders a report as a DOCX file: a cover (title, project, version, date, author, facts table), a
 * table of contents field that Word fills on opening, numbered Heading 1–3 headings, toned paragraphs,
 * bullet lists, tables (shaded repeated header row, highlighted rows), pictures scaled to the text
 * width with captions, a header with the title and "第 X 页 / 共 Y 页" page numbers.
 */
export async function renderDocx(report: ReportDocument): Promise<Buffer> {
  const doc = cleanReport(report);
  const fonts = fontsFor(doc.locale);
  const labels = reportLabels(doc.locale);
  const headings = [...numberHeadings(doc.blocks).values()];
  const document = new Document({
    title: doc.title,
    subject: doc.subtitle ?? doc.title,
    creator: doc.author,
    lastModifiedBy: doc.author,
    description: `${doc.projectName} · ${doc.versionLabel}`,
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: fonts.body, size: 21 }, paragraph: { spacing: { line: 320 } } },
        heading1: {
          run: { font: fonts.heading, size: 32, bold: true, color: '000000' },
          paragraph: { spacing: { before: 360, after: 200 }, keepNext: true, outlineLevel: 0 },
        },
        heading2: {
          run: { font: fonts.heading, size: 28, bold: true, color: '000000' },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, outlineLevel: 1 },
        },
        heading3: {
          run: { font: fonts.heading, size: 24, bold: true, color: '000000' },
          paragraph: { spacing: { before: 200, after: 100 }, keepNext: true, outlineLevel: 2 },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.marginTopBottom,
              bottom: PAGE.marginTopBottom,
              left: PAGE.marginLeftRight,
              right: PAGE.marginLeftRight,
            },
          },
        },
        headers: {
          // The cover (first page) has an empty header and footer.
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '999999', space: 2 } },
                children: [new TextRun({ text: `${doc.projectName} · ${doc.title}`, size: 18, color: '595959' })],
              }),
            ],
          }),
        },
        footers: {
          first: new Footer({ children: [new Paragraph({ children: [] })] }),
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    size: 18,
                    children: [labels.pageBefore, PageNumber.CURRENT, labels.pageMiddle, PageNumber.TOTAL_PAGES, labels.pageAfter],
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          ...coverChildren(doc, fonts),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: labels.toc, size: 32, bold: true, font: fonts.heading })],
          }),
          new TableOfContents(labels.toc, {
            hyperlink: true,
            headingStyleRange: '1-3',
            // Shown until Word updates the field (e.g. in viewers that do not update fields).
            cachedEntries: headings.map((h) => ({ title: h.display, level: h.level })),
          }),
          new Paragraph({ children: [new PageBreak()] }),
          ...bodyChildren(doc, fonts),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
