import type { ReportDocument } from './document-model';

// CONTRACT (owner: documents). Signature used by the report routes and the `golive report` CLI.

/** Renders a report as a DOCX file (cover, table of contents, headings, tables, images). */
export async function renderDocx(doc: ReportDocument): Promise<Buffer> {
  void doc;
  throw new Error('SCAFFOLD: renderDocx is implemented by the documents owner');
}
