import type { ReportDocument } from './document-model';

// CONTRACT (owner: documents). Signature used by the report preview routes.

/** Renders a report as one standalone, printable HTML page (the preview of the DOCX). */
export function renderHtml(doc: ReportDocument): string {
  void doc;
  throw new Error('SCAFFOLD: renderHtml is implemented by the documents owner');
}
