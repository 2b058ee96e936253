/**
 * A page's table as a file: CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs
 * read the accents right) or XLSX (exceljs), with a header row. Cells that would start a formula
 * in a spreadsheet (`=`, `+`, `-`, `@`) are written as text: harvested titles are not ours to run.
 */
import type { Response } from 'express';
import ExcelJS from 'exceljs';
import { csvCell } from '../../../reports/render-table.js';

export type TableFormat = 'csv' | 'xlsx';
export type Cell = string | number | null | undefined;

export interface TableFile {
  /** The file's name without its extension. */
  name: string;
  /** The sheet's title in XLSX. */
  sheet: string;
  head: string[];
  rows: Cell[][];
}

export async function sendTable(res: Response, format: TableFormat, file: TableFile): Promise<void> {
  const name = `${file.name.replace(/[^\w.-]+/g, '-')}.${format}`;
  res.attachment(name);
  if (format === 'csv') {
    res.type('text/csv; charset=utf-8').send(`\uFEFF${[file.head, ...file.rows].map(csvLine).join('\r\n')}\r\n`);
    return;
  }
  const book = new ExcelJS.Workbook();
  book.creator = 'Cosecha';
  const sheet = book.addWorksheet(file.sheet.slice(0, 31).replace(/[[\]*?/\\:]/g, ' '));
  sheet.addRow(file.head).font = { bold: true };
  for (const row of file.rows) sheet.addRow(row.map((c) => (typeof c === 'string' ? inert(c) : (c ?? null))));
  sheet.columns.forEach((column) => (column.width = 18));
  res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  res.send(Buffer.from(await book.xlsx.writeBuffer()));
}

function csvLine(cells: Cell[]): string {
  return cells.map((cell) => csvCell(typeof cell === 'string' ? inert(cell) : (cell ?? ''))).join(',');
}

/** A leading formula character gets an apostrophe, as spreadsheet programs advise. */
function inert(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
