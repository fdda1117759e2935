/** CSV (RFC 4180) for exports that people open in spreadsheets. */

/** One cell: always quoted; a leading = + - @ is neutralised so a spreadsheet shows it as text (CSV injection). */
export function csvCell(value: unknown): string {
  const s = value === null || value === undefined ? "" : String(value);
  return `"${(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s).replaceAll('"', '""')}"`;
}

/** One record, CRLF-terminated. */
export function csvLine(values: unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
