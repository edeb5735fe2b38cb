import JSZip from 'jszip';

/**
 * What a DOCX file holds, read back for assertions in report tests.
 *
 * ```ts
 * const docx = await readDocxXml(await renderDocx(report));
 * expect(docx.headings).toContainEqual({ level: 1, text: '1 业务流程现状' });
 * expect(docx.tableCount).toBe(3);
 * expect(docx.media.filter((m) => m.endsWith('.png'))).toHaveLength(2);
 * expect(docx.text).toContain('纸质审批');
 * ```
 */
export interface DocxContents {
  /** Raw `word/document.xml`. */
  documentXml: string;
  /** Every part of the package by path (e.g. `word/styles.xml`, `word/header1.xml`) as text; media excluded. */
  parts: Record<string, string>;
  /** Paths of the embedded media (e.g. `word/media/image1.png`). */
  media: string[];
  /** Paragraphs styled Heading1–Heading3 with their (unescaped) text, in order. */
  headings: { level: number; text: string }[];
  /** Number of `<w:tbl>` elements in the body (the cover facts table counts). */
  tableCount: number;
  /** All `<w:t>` text of the body, unescaped, paragraphs joined by newlines. */
  text: string;
  /** Whether the body has a TOC field (`TOC \o …`). */
  hasToc: boolean;
  /** Paths of the header and footer parts. */
  headers: string[];
  footers: string[];
  /** `docProps/core.xml` title and creator. */
  title: string | undefined;
  creator: string | undefined;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

/** The unescaped `<w:t>` text of an XML fragment. */
export function docxTextOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]!)).join('');
}

/**
 * Unzips a DOCX (as produced by `renderDocx`) and extracts what report tests check: the document
 * XML, headings with their Heading1–3 levels, the table count, media files, the TOC field, header and
 * footer parts and the core properties. Shared by every report test.
 */
export async function readDocxXml(buffer: Buffer | Uint8Array): Promise<DocxContents> {
  const zip = await JSZip.loadAsync(buffer);
  const parts: Record<string, string> = {};
  const media: string[] = [];
  for (const [path, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    if (path.startsWith('word/media/')) media.push(path);
    else parts[path] = await file.async('string');
  }
  const documentXml = parts['word/document.xml'];
  if (documentXml === undefined) throw new Error('not a DOCX: word/document.xml is missing');
  const paragraphs = documentXml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
  const headings: { level: number; text: string }[] = [];
  for (const p of paragraphs) {
    const style = /<w:pStyle w:val="Heading([1-6])"\/>/.exec(p);
    if (style) headings.push({ level: Number(style[1]), text: docxTextOf(p) });
  }
  const core = parts['docProps/core.xml'] ?? '';
  const coreField = (tag: string): string | undefined => {
    const m = new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`).exec(core);
    return m ? unescapeXml(m[1]!) : undefined;
  };
  return {
    documentXml,
    parts,
    media: media.sort(),
    headings,
    tableCount: (documentXml.match(/<w:tbl>/g) ?? []).length,
    text: paragraphs.map(docxTextOf).join('\n'),
    hasToc: /TOC [^<]*\\o/.test(documentXml),
    headers: Object.keys(parts).filter((p) => /^word\/header\d*\.xml$/.test(p)),
    footers: Object.keys(parts).filter((p) => /^word\/footer\d*\.xml$/.test(p)),
    title: coreField('dc:title'),
    creator: coreField('dc:creator'),
  };
}
