/**
 * What every DocumentApp class shares: the session (the Document handle an execution
 * opened, which saveAndClose closes) and the checks of arguments, worded as Apps Script
 * words them.
 * https://developers.google.com/apps-script/reference/document/document#saveandclose
 */
import { GasError } from '../../errors';
import type { ServiceHost } from '../../host';
import type { LocalDocument } from './model';

/** A session: the Document handle an execution opened, closed by saveAndClose. */
export interface Session {
  x: ServiceHost;
  doc: LocalDocument;
  closed: boolean;
}

/** Records a change (refused once the document is closed). */
export function touch(s: Session): void {
  if (s.closed) throw new GasError('Document is closed, its contents cannot be updated.');
  s.doc.revision++;
}

export function checkColor(v: unknown): string {
  const s = String(v);
  if (!/^#[0-9a-fA-F]{6}$/.test(s)) throw new GasError(`Invalid color: ${s}. Use the form #RRGGBB.`);
  return s.toLowerCase();
}

export function checkText(name: string, v: unknown): string {
  if (v === undefined || v === null || typeof v === 'object')
    throw new GasError(
      `The parameters (${v === null ? 'null' : typeof v}) don't match the method signature for ${name}.`,
    );
  return String(v);
}

/** The error for a child index past the end (rows of a table, cells of a row, a body's children). */
export function childIndexError(i: number, length: number): GasError {
  return new GasError(`Child index (${i}) must be less than the number of child elements (${length}).`);
}
