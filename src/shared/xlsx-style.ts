import type ExcelJS from 'exceljs';

/** The light-blue fill of header rows in golive's workbooks. */
export const XLSX_HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };

/** Bold, shaded, centred and wrapped: the header row of every golive workbook. */
export function styleXlsxHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = XLSX_HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
}
