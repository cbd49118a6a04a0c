// RFC 4180 CSV for exports that people open in spreadsheets. Besides quoting, text cells are
// defused against formula injection (CWE-1236): a service name like "=HYPERLINK(...)" typed by
// any editor must not execute on a leader's machine when the export is opened in Excel.

export type CsvCell = string | number | null | undefined | Date;

/** RFC 4180 mandates CRLF between records. */
export const CSV_LINE_BREAK = "\r\n";

/** Leading characters that make spreadsheets evaluate a cell (tab and CR per OWASP guidance). */
const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Prefix with a single quote so the spreadsheet shows the text instead of evaluating it. Only
 * text is defused: a number cell such as -5 is data, and prefixing it would turn it into text.
 */
export function defuseFormula(text: string): string {
  return FORMULA_TRIGGERS.has(text.charAt(0)) ? `'${text}` : text;
}

/** Quotes only when needed, doubling inner quotes. */
export function quoteField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The text a cell is written as, before quoting. null/undefined, NaN/±Infinity and invalid
 * Dates are empty: they carry no value a spreadsheet could use, and "NaN" would read as text.
 */
export function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return "";
    // String(-0) is "0" already; numbers bypass defuseFormula on purpose.
    return String(cell);
  }
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : cell.toISOString();
  return defuseFormula(cell);
}

function formatRecord(cells: readonly CsvCell[]): string {
  // A lone empty field would be an empty line, which many readers skip; `""` keeps the record.
  if (cells.length === 1 && cellText(cells[0]) === "") return '""';
  return cells.map((cell) => quoteField(cellText(cell))).join(",");
}

/**
 * Header record plus one record per row, every record terminated by CRLF (RFC 4180 allows the
 * final break, and it lets exports be concatenated). Headers are defused like any other text.
 * Throws when a row's width differs from the header's: a shifted column is a silent data error.
 */
export function toCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  if (headers.length === 0) throw new RangeError("A CSV needs at least one column");
  rows.forEach((row, index) => {
    if (row.length !== headers.length) {
      throw new RangeError(`Row ${index + 1} has ${row.length} fields, expected ${headers.length}`);
    }
  });
  return [headers, ...rows].map((record) => formatRecord(record) + CSV_LINE_BREAK).join("");
}
