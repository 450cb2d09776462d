// CSV for spreadsheets, safe against formula injection: a report's text is written by whoever
// filled in the public form, and a cell such as =HYPERLINK(...) or +cmd|... would run as a formula
// when a supervisor opens the export. Text cells that start with = + - @ tab, CR or LF get a
// leading apostrophe, which spreadsheet programs treat as "this is text" (OWASP's advice).
const FORMULA_START = /^[=+\-@\t\r\n]/;

export type CsvValue = string | number | null | undefined;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  // Numbers come from the database, never from a reporter: written as they are.
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = neutraliseFormula(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 lines (CRLF), with a byte-order mark so Excel reads the file as UTF-8. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
