// Plain-text tables and the small text helpers the commands print with.

/**
 * Columns padded to their widest cell; the last column is not padded (no trailing spaces). One line per row,
 * joined by newlines with none at the end; `separator` puts a line of dashes under the header.
 */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], opts: { separator?: boolean } = {}): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const separator = opts.separator ? [line(widths.map((w) => '-'.repeat(w)))] : [];
  return [line(header), ...separator, ...rows.map(line)].join('\n');
}

/** One line, at most `max` characters, with an ellipsis when something was cut. */
export function cut(text: string | undefined, max: number): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** ISO timestamp as "2026-12-01 10:00" in UTC (the table's header says UTC). */
export function shortTime(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().slice(0, 16).replace('T', ' ');
}

/** Quotes a value for a shell command line when it needs it. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./:@=-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
