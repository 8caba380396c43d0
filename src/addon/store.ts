/**
 * Saving records safely while many members work at once (the contract's "Editing safely").
 *
 * A form sends what it loaded (`base`) and what the member changed (`changes`). Under the
 * document lock the save finds the row by its ID (at that moment, never by a remembered
 * row number), reads that one row, and refuses when a changed field no longer holds what
 * the form loaded — naming the field, its current value and, from the audit log, who
 * changed it and when. Otherwise it writes only the cells of the changed fields: every
 * other cell of the row (members' own columns, formulas, values the add-on cannot read)
 * is never written. New IDs are allocated under the lock above both a high-water mark kept
 * in the document properties and every ID in the sheet, so no ID is ever reused.
 */

import { type Lang, msg } from '../domain/i18n';
import { MEETING_RULE_FIELDS, meetingErrors, seriesCopy, seriesDates } from '../domain/meetings';
import { BENEFIT_RULE_FIELDS, benefitErrors } from '../domain/partners/benefits';
import { TEMPLATE_RULE_FIELDS, templateErrors } from '../domain/partners/template-rules';
import {
  dayPart,
  FieldError,
  type FieldValue,
  formText,
  parseSheet,
  type RecordData,
  toCell,
  validateField,
  validateRecord,
  valueText,
} from '../domain/records';
import { type FieldDef, idField, type TableDef, type TableName, tableDef } from '../domain/schema';
import {
  type AuditEntry,
  appendAuditEntries,
  auditEntries,
  describeChanges,
  type FieldConflict,
  fillWhoChanged,
  summarize,
} from './audit';
import type { AddonContext } from './context';
import { type RowCells, SheetGateway, withDocumentLock } from './gateway';
import { allocatorFor, IdAllocator } from './ids';
import { checkLinks } from './links';
import { allowedText, Refused, requireRole } from './roles';
import { idOf, locateRow, lookUp, RecordNotFound, refuseAbsent } from './rows';

export type { FieldConflict } from './audit';
export { LOCK_WAIT_MS, WorkbookBusy, withDocumentLock } from './gateway';
export { RecordNotFound } from './rows';

export class ValidationFailed extends Error {
  constructor(readonly errors: readonly FieldError[]) {
    super(errors.map((e) => e.message).join(' '));
    this.name = 'ValidationFailed';
  }
}

/** The save was refused because of changes by others; nothing was written. */
export class StaleEdit extends Error {
  constructor(readonly conflicts: readonly FieldConflict[]) {
    super(conflicts.map((c) => conflictMessage(c)).join(' '));
    this.name = 'StaleEdit';
  }
}

export function conflictMessage(c: FieldConflict, lang: 'en' | 'zh' = 'en', label = c.header): string {
  const params = { field: label, current: c.current, loaded: c.loaded, by: c.by, at: c.at };
  return msg(lang, c.by ? 'field.changedBy' : 'field.changedSince', params);
}

/** Rules of a record beyond its single fields, by table: the fields they read, and the check. */
const RECORD_RULES: Partial<
  Record<TableName, { fields: readonly string[]; errors: (d: RecordData) => FieldError[] }>
> = {
  Meetings: { fields: MEETING_RULE_FIELDS, errors: meetingErrors },
  Benefits: { fields: BENEFIT_RULE_FIELDS, errors: benefitErrors },
  // A template's Subject and Body may use only known placeholders (the error names both).
  Templates: {
    fields: TEMPLATE_RULE_FIELDS,
    errors: (d) => templateErrors(d, { subject: 'Subject', body: 'Body' }),
  },
};

/** What a form sends. Without `id` (and `row`) it creates a record. */
export interface SaveRequest {
  id?: string;
  /** The sheet row the form was opened from: only used to tell rows with the same (or no) ID apart. */
  row?: number;
  /** What the form loaded, field by field (as `formText` gave it). */
  base?: Record<string, string>;
  /** The fields the member changed, with what they typed. */
  changes: Record<string, unknown>;
  /** Give the row a new ID (its ID is blank or also on another row). */
  newId?: boolean;
  /**
   * A new department meeting repeats every two weeks until this day: the later meetings of
   * the series are created with it, in the same lock (`seriesDates`).
   */
  repeatUntil?: string;
}

export interface SaveResult {
  id: string;
  row: number;
  created: boolean;
  /** Fields whose cells were written. */
  written: string[];
  /** The IDs of every meeting a series created (the first is `id`). */
  series?: string[];
}

/** The legacy form of a save (every field at the top level, `id` to update) as a SaveRequest. */
export function toSaveRequest(input: Record<string, unknown>): SaveRequest {
  if (input.changes && typeof input.changes === 'object' && !Array.isArray(input.changes)) {
    const r = input as unknown as SaveRequest;
    return {
      id: r.id === undefined || r.id === null ? undefined : String(r.id),
      row: typeof r.row === 'number' ? r.row : undefined,
      base: r.base && typeof r.base === 'object' ? r.base : undefined,
      changes: r.changes,
      newId: r.newId === true,
      repeatUntil: typeof r.repeatUntil === 'string' && r.repeatUntil.trim() ? r.repeatUntil : undefined,
    };
  }
  const { id, allowDuplicate: _allow, checkDuplicates: _check, ...changes } = input;
  return { id: id === undefined || id === null ? undefined : String(id), changes };
}

/** Cells for field values, at their columns; a plain-text (`@`) cell gets its text as is. */
function cellsFor(
  gw: SheetGateway,
  fields: readonly FieldDef[],
  data: RecordData,
  formats: readonly string[],
  timeZone: string,
): RowCells {
  const cells: RowCells = new Map();
  for (const f of fields) {
    const col = gw.cols[f.key];
    if (col === undefined) continue; // an optional column the sheet does not have
    cells.set(col, toCell(f, data[f.key] ?? null, timeZone, formats[col] === '@'));
  }
  return cells;
}

/**
 * Opens each table's sheet once in one lock (its header read once); rows are still found
 * by ID at each use.
 */
function gatewaysOf(ctx: AddonContext): (t: TableName) => SheetGateway {
  const open = new Map<TableName, SheetGateway>();
  return (t) => open.get(t) ?? open.set(t, SheetGateway.open(ctx.ss, tableDef(t))).get(t)!;
}

/** Creates a record (`request.id` absent) or changes the fields the member changed. */
export function saveRecord(
  ctx: AddonContext,
  table: TableName,
  request: SaveRequest,
  who: string,
  lang: Lang | (() => Lang) = 'en',
): SaveResult {
  const def = tableDef(table);
  if (!def.idPrefix) throw new Error(`${def.name} is not edited with record forms.`);
  const updating = !!request.id?.trim() || request.row !== undefined;
  return updating
    ? updateRecord(ctx, def, request, who, lang)
    : createRecord(ctx, def, request.changes, who, request.repeatUntil, lang);
}

/** Fields that say whose a record is: handing it to someone else is for the heads of department. */
const OWNER_KEYS = new Set(['owner', 'lead']);

/**
 * Giving a record that another member owns to someone else needs the `reassign` role
 * (Minister, Vice Minister); a member may hand on their own records or unowned ones.
 */
function checkReassign(
  ctx: AddonContext,
  f: FieldDef,
  current: string,
  who: string,
  language: Lang | (() => Lang),
): void {
  if (!OWNER_KEYS.has(f.key) || !current || current.toLowerCase() === who.toLowerCase()) return;
  try {
    requireRole(ctx, 'reassign', language);
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    const lang = typeof language === 'function' ? language() : language;
    throw new Refused(
      msg(lang, 'role.reassign', { field: f.header, owner: current, allowed: allowedText('reassign', lang) }),
    );
  }
}

/**
 * Creates a record (or a series of meetings: the first and its repeats) in one lock: IDs
 * allocated together, the rows appended in one write, one audit row each.
 */
function createRecord(
  ctx: AddonContext,
  def: TableDef,
  input: Record<string, unknown>,
  who: string,
  repeatUntil?: string,
  lang: Lang | (() => Lang) = 'en',
): SaveResult {
  const { id: _ignored, ...fields } = input;
  const { data, errors } = validateRecord(def, fields, { timeZone: ctx.timeZone });
  if (errors.length) throw new ValidationFailed(errors);
  const ruleErrors = RECORD_RULES[def.name]?.errors(data) ?? [];
  if (ruleErrors.length) throw new ValidationFailed(ruleErrors);
  const records = [data];
  if (def.name === 'Meetings') {
    if (repeatUntil !== undefined) {
      const language = typeof lang === 'function' ? lang() : lang;
      try {
        for (const d of seriesDates(data, repeatUntil, msg(language, 'ui.repeatUntil')))
          records.push(seriesCopy(data, d));
      } catch (e) {
        if (e instanceof FieldError) throw new ValidationFailed([e]);
        throw e;
      }
    }
  }
  return withDocumentLock(() => {
    // Linked records are checked under the lock, on the gateways the Last Contacted rule reuses.
    const open = gatewaysOf(ctx);
    const links = checkLinks(ctx, def, new Map(def.fields.map((f) => [f, data[f.key] ?? null])), '', open);
    if (links.length) throw new ValidationFailed(links);
    const gw = open(def.name);
    // What the member typed for a column the sheet lacks (defaults are simply not written).
    refuseAbsent(
      gw,
      def.fields.filter(
        (f) => f.type !== 'id' && String(fields[f.key] ?? '').trim() !== '' && fields[f.key] !== false,
      ),
    );
    const lastRow = gw.sheet.getLastRow();
    const alloc = allocatorFor(gw, lastRow);
    const idKey = idField(def)!.key;
    for (const r of records) r[idKey] = alloc.next();
    const formats = gw.formatsOfNewRow(lastRow);
    const row = gw.append(
      records.map((r) => cellsFor(gw, def.fields, r, formats, ctx.timeZone)),
      lastRow,
    );
    alloc.save();
    const created = records.map((r, i) => ({ id: String(r[idKey]), row: row + i, details: summarize(r) }));
    const keys = def.fields.map((f) => f.key);
    const audits = auditEntries('create', def.name, keys, created);
    ctx.invalidate(def.name);
    const id = created[0]!.id;
    // A meeting's audit rows and those of the Last Contacted it moved: one write to the log
    // (the meeting's own is written even when updating a linked record fails).
    try {
      if (def.name === 'Meetings') touchLastContacted(ctx, { ...data, id }, who, audits, open);
    } finally {
      appendAuditEntries(ctx, who, audits);
    }
    const series = records.length > 1 ? { series: created.map((c) => c.id) } : {};
    return { id, row, created: true, written: def.fields.map((f) => f.key), ...series };
  });
}

function updateRecord(
  ctx: AddonContext,
  def: TableDef,
  req: SaveRequest,
  who: string,
  lang: Lang | (() => Lang),
): SaveResult {
  const idDef = idField(def)!;
  const known = new Set(def.fields.map((f) => f.key));
  const changes = Object.entries(req.changes).filter(([k]) => k !== idDef.key);
  const unknown = changes.filter(([k]) => !known.has(k));
  if (unknown.length)
    throw new ValidationFailed(
      unknown.map(([k]) => new FieldError(k, 'unknownField', { field: k, table: def.name })),
    );
  // Validate what was typed first: nothing else needs the lock.
  const errors: FieldError[] = [];
  const typed = new Map<FieldDef, FieldValue>();
  for (const [k, raw] of changes) {
    const f = def.fields.find((x) => x.key === k)!;
    try {
      typed.set(f, validateField(f, raw, { timeZone: ctx.timeZone }));
    } catch (e) {
      if (e instanceof FieldError) errors.push(e);
      else throw e;
    }
  }
  if (errors.length) throw new ValidationFailed(errors);
  const wantId = (req.id ?? '').trim().toUpperCase();

  return withDocumentLock(() => {
    const open = gatewaysOf(ctx);
    const links = checkLinks(ctx, def, typed, wantId, open);
    if (links.length) throw new ValidationFailed(links);
    const gw = open(def.name);
    refuseAbsent(gw, [...typed.keys()]);
    let found = lookUp(gw, wantId);
    let row = locateRow(gw, found, wantId, req.row);
    let { values, formats } = gw.readRow(row);
    // Members may sort or insert rows by hand even while the lock is held (a lock only
    // excludes scripts): the row read must still carry the ID, else look again.
    for (let tries = 0; wantId && idOf(values, gw) !== wantId; tries++) {
      if (tries === 2)
        throw new RecordNotFound(
          `${def.name}: the rows kept moving while ${wantId} was being saved (a sort or paste in progress?). Nothing was saved: try again.`,
        );
      found = lookUp(gw, wantId);
      row = locateRow(gw, found, wantId, req.row);
      ({ values, formats } = gw.readRow(row));
    }
    const cellOf = (f: FieldDef) => values[gw.cols[f.key]!];
    // A row found by a remembered number (blank or repeated ID) must still be the record the
    // form loaded, field for field.
    if (req.row !== undefined && (!wantId || found.rows.length > 1)) {
      const moved = def.fields.some(
        (f) =>
          req.base?.[f.key] !== undefined && formText(f, cellOf(f), ctx.timeZone).text !== req.base[f.key],
      );
      if (moved)
        throw new RecordNotFound(
          `Row ${row} of ${def.name} no longer holds the record you opened (rows were sorted or edited meanwhile). Nothing was saved: open it again from the search list.`,
        );
    }
    const conflicts: FieldConflict[] = [];
    const write = new Map<FieldDef, FieldValue>();
    for (const [f, v] of typed) {
      const now = formText(f, cellOf(f), ctx.timeZone).text;
      const wanted = valueText(f, v);
      if (now === wanted && !formText(f, cellOf(f), ctx.timeZone).problem) continue; // already so
      const loaded = req.base?.[f.key];
      if (loaded !== undefined && loaded !== now) {
        conflicts.push({ field: f.key, header: f.header, loaded, current: now, by: '', at: '' });
        continue;
      }
      write.set(f, v);
    }
    if (conflicts.length) {
      fillWhoChanged(ctx, def.name, idOf(values, gw), conflicts);
      throw new StaleEdit(conflicts);
    }
    for (const f of write.keys()) checkReassign(ctx, f, formText(f, cellOf(f), ctx.timeZone).text, who, lang);
    const rule = RECORD_RULES[def.name];
    if (rule && [...write.keys()].some((f) => rule.fields.includes(f.key))) {
      // The record as it will be (the row now, with the changes) must keep the table's rules.
      const now = parseSheet(def, [gw.header as unknown[], values], ctx.timeZone).records[0]?.data ?? {};
      for (const [f, v] of write) now[f.key] = v;
      const rules = rule.errors(now);
      if (rules.length) throw new ValidationFailed(rules);
    }
    const data: RecordData = {};
    for (const [f, v] of write) data[f.key] = v;
    let id = idOf(values, gw);
    const fields = [...write.keys()];
    // A new ID (blank or repeated): allocated above every ID in the sheet and the mark.
    const alloc = !id || req.newId ? new IdAllocator(def, (found.ids ?? gw.ids()).ids) : null;
    if (alloc) {
      const old = id;
      id = alloc.next();
      data[idDef.key] = id;
      fields.push(idDef);
      if (old) data.replacedId = old;
    }
    const audits: AuditEntry[] = [];
    if (fields.length) {
      gw.writeCells(row, cellsFor(gw, fields, data, formats, ctx.timeZone));
      audits.push({
        action: 'update',
        sheetName: def.name,
        id,
        row,
        details: describeChanges(
          fields.map((f) => ({
            key: f.key,
            before: formText(f, cellOf(f), ctx.timeZone).text,
            after: valueText(f, data[f.key] ?? null),
          })),
        ),
        fields: fields.map((f) => f.key),
      });
    }
    alloc?.save();
    ctx.invalidate(def.name);
    try {
      if (def.name === 'Meetings' && fields.length) {
        const row = mergedRow(gw, values, fields, data, formats, ctx);
        const merged = parseSheet(def, [gw.header as unknown[], row], ctx.timeZone).records[0];
        if (merged) touchLastContacted(ctx, merged.data, who, audits, open);
      }
    } finally {
      appendAuditEntries(ctx, who, audits);
    }
    return { id, row, created: false, written: fields.map((f) => f.key) };
  });
}

/** The row as it is after the write (for the Last Contacted rule on meetings). */
function mergedRow(
  gw: SheetGateway,
  values: readonly unknown[],
  fields: readonly FieldDef[],
  data: RecordData,
  formats: readonly string[],
  ctx: AddonContext,
): unknown[] {
  const row = [...values];
  for (const [col, cell] of cellsFor(gw, fields, data, formats, ctx.timeZone)) {
    row[col] = typeof cell === 'string' && cell.startsWith("'") ? cell.slice(1) : cell;
  }
  return row;
}

/**
 * A meeting logged as Done updates `Last Contacted` of every sponsor and contact it was
 * with (`With`), when the meeting is later than what the record says. Per sheet: its ID
 * column and one cell per referenced record; a write only where the date moves forward.
 */
export function touchLastContacted(
  ctx: AddonContext,
  meeting: RecordData,
  who: string,
  audits: AuditEntry[] | null = null,
  open: (t: TableName) => SheetGateway = gatewaysOf(ctx),
): void {
  const day = dayPart(meeting.date ?? null);
  if (meeting.status !== 'Done' || !day) return;
  const refs = new Set((Array.isArray(meeting.with) ? meeting.with : []).map((s) => s.toUpperCase()));
  if (refs.size === 0) return;
  // Audit rows go to the caller's batch, or are written together at the end.
  const pending: AuditEntry[] = audits ?? [];
  for (const name of ['Sponsors', 'Contacts'] as const) {
    const def = tableDef(name);
    const mine = [...refs].filter((id) => id.startsWith(`${def.idPrefix}-`));
    if (mine.length === 0) continue;
    const gw = open(name);
    const field = def.fields.find((f) => f.key === 'lastContacted')!;
    const col = gw.cols.lastContacted!;
    const rowsOf = gw.rowsFor(mine); // found now, under the lock
    for (const id of mine) {
      for (const row of rowsOf(id)) {
        const range = gw.sheet.getRange(row, col + 1);
        const current = formText(field, range.getValue(), ctx.timeZone);
        if (!current.problem && current.text && current.text >= day) continue;
        if (current.problem) continue; // a date typed by hand that cannot be read is never overwritten
        const plain = range.getNumberFormat() === '@';
        range.setValue(toCell(field, day, ctx.timeZone, plain));
        pending.push({
          action: 'last-contacted',
          sheetName: name,
          id,
          row,
          details: `lastContacted=${day} (meeting ${meeting.id})`,
          fields: ['lastContacted'],
        });
      }
    }
    ctx.invalidate(name);
  }
  if (!audits) appendAuditEntries(ctx, who, pending);
}
