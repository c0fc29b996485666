/**
 * One format for a table row wherever tables come from (CSV, XLSX, Markdown, HTML): each value
 * keyed by its column header, "Header: value | Header: value", so a row cut loose from its table
 * in a chunk still says what its numbers mean.
 */
import { collapseLine } from './blockSink.js';

export function keyedRow(headers: readonly string[], cells: readonly string[]): string {
  const parts: string[] = [];
  cells.forEach((cell, index) => {
    const value = collapseLine(cell);
    if (!value) return;
    const header = collapseLine(headers[index] ?? '');
    parts.push(header ? `${header}: ${value}` : value);
  });
  return parts.join(' | ');
}

/** A row with no header to key it by: its non-empty cells, in order. */
export function plainRow(cells: readonly string[]): string {
  return cells
    .map(collapseLine)
    .filter((cell) => cell.length > 0)
    .join(' | ');
}

export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => collapseLine(cell).length === 0);
}
