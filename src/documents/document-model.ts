/**
 * A report as data: the builders of the Current State Analysis Report (现状分析报告) and the System
 * Blueprint Design Document (系统蓝图设计文档) produce a `ReportDocument`; `renderDocx` and
 * `renderHtml` turn the same model into the DOCX download and the HTML preview, so the two never
 * disagree.
 */

/** A run of text inside a paragraph or a table cell. */
export type InlineRun = string | { text: string; bold?: boolean; italic?: boolean; color?: string };

/** A table cell: plain text/number, or runs (e.g. a red "冲突" tag). Null renders as empty. */
export type TableCell = string | number | null | InlineRun[];

export interface TableColumn {
  title: string;
  /** Relative width (any unit; renderers scale to the page width). */
  width?: number;
  align?: 'left' | 'right' | 'center';
}

/** A block of the report body, in reading order. */
export type DocBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; runs: InlineRun[]; tone?: 'normal' | 'note' | 'warning' | 'success' }
  | { kind: 'bullets'; items: InlineRun[][] }
  | {
      kind: 'table';
      columns: TableColumn[];
      rows: TableCell[][];
      caption?: string;
      /** Row indexes (into `rows`) to shade, e.g. bottlenecks or conflicts. */
      highlightRows?: number[];
    }
  | {
      kind: 'image';
      /** PNG bytes (DOCX embeds these). */
      png: Uint8Array;
      /** The same picture as SVG when there is one (the HTML preview prefers it). */
      svg?: string;
      widthPx: number;
      heightPx: number;
      alt: string;
      caption?: string;
    }
  | { kind: 'pageBreak' };

export interface ReportDocument {
  /** Cover title, e.g. "现状分析报告". */
  title: string;
  subtitle?: string;
  /** Shown on the cover and in the document properties. */
  projectName: string;
  /** Report version label, e.g. "V3" or "V2（已签核）". */
  versionLabel: string;
  generatedAt: string; // ISO timestamp
  author: string;
  locale: 'zh-CN' | 'en';
  /** Cover table rows: [label, value] (client, ERP product, sign-off status…). */
  coverFacts: [string, string][];
  blocks: DocBlock[];
}
