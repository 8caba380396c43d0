/**
 * Protection: a protected sheet or range — its editors, warning-only, description, range,
 * type and removal, as the signed-in user sees them.
 * https://developers.google.com/apps-script/reference/spreadsheet/protection
 *
 * A new protection's permissions mirror the spreadsheet's (nobody is stopped) until a
 * script changes its editors (addEditor(s), removeEditor(s), setDomainEdit); from then on
 * only its editors and the spreadsheet's owner may edit what it covers. The user whose
 * script first sets the list stays on it, as neither the owner nor the current user can be
 * removed (reference: Range.protect(), Sheet.protect(), Protection.removeEditor).
 */
import { GasError } from '../../errors';
import type { ServiceHost } from '../../host';
import {
  PROTECTED_MESSAGE,
  type ProtectionModel,
  type SpreadsheetModel,
} from '../../model/spreadsheet-model';
import { make } from './factory';
import type { ProtectionApi, RangeApi } from './types';

/** A Base.User as Protection.getEditors() returns them. */
export interface LocalUser {
  getEmail(): string;
  toString(): string;
}

const user = (email: string): LocalUser => ({ getEmail: () => email, toString: () => email });

/** An email from a string or a User (addEditor(emailAddress) and addEditor(user)). */
const emailOf = (u: unknown): string =>
  String(
    u !== null && typeof u === 'object' && typeof (u as LocalUser).getEmail === 'function'
      ? (u as LocalUser).getEmail()
      : u,
  )
    .trim()
    .toLowerCase();

export class Protection implements ProtectionApi {
  constructor(
    private readonly x: ServiceHost,
    private readonly ss: SpreadsheetModel,
    readonly _p: ProtectionModel,
  ) {}
  private get owner(): string {
    return this.ss.ownerOr(this.x.google.defaultUser);
  }
  /** Changing a protection needs edit permission on it (assumed message: the Sheets one). */
  private needEdit(): void {
    if (!this.canEdit()) throw new GasError(PROTECTED_MESSAGE);
  }
  getDescription(): string {
    return this._p.description;
  }
  setDescription(d: string): Protection {
    this.needEdit();
    this._p.description = String(d);
    this.ss.touch();
    return this;
  }
  isWarningOnly(): boolean {
    return this._p.warningOnly;
  }
  setWarningOnly(w: boolean): Protection {
    this.needEdit();
    this._p.warningOnly = !!w;
    this.ss.touch();
    return this;
  }
  getProtectionType(): 'RANGE' | 'SHEET' {
    return this._p.range ? 'RANGE' : 'SHEET';
  }
  /**
   * The protected range; a sheet protection's spans the whole sheet and has no A1 notation
   * (`''` in live Apps Script: gas-fakes test/testsheetspermissions.js:45-47).
   */
  getRange(): RangeApi {
    const sm = this.ss.sheets.find((s) => s.id === this._p.sheetId)!;
    const p = this._p;
    const r = p.range ?? { r1: 1, c1: 1, r2: sm.maxRows, c2: sm.maxColumns };
    const r2 = p.wholeColumns ? sm.maxRows : r.r2;
    const range = make().range(this.x, this.ss, sm, r.r1, r.c1, r2 - r.r1 + 1, r.c2 - r.c1 + 1);
    if (!p.range) range._open = { rowStart: false, rowEnd: false, cols: false, sheet: true };
    else if (p.wholeColumns) range._open = { rowStart: true, rowEnd: true, cols: false };
    return range;
  }
  /** Moves a range protection to `range` (a sheet protection cannot become one). */
  setRange(range: RangeApi): Protection {
    this.needEdit();
    if (!this._p.range || range._s.id !== this._p.sheetId) {
      throw new GasError('Cannot change sheet protection to range protection (or vice versa).');
    }
    this._p.range = {
      r1: range._r,
      c1: range._c,
      r2: range._r + range._nr - 1,
      c2: range._c + range._nc - 1,
    };
    this._p.wholeColumns = !!(range._open?.rowStart && range._open.rowEnd);
    this.ss.touch();
    return this;
  }
  /** The owner is always able to edit protected ranges and sheets. */
  canEdit(): boolean {
    return this.ss.mayEdit(this._p, this.x.user, this.owner);
  }
  canDomainEdit(): boolean {
    this.needEdit();
    return !!this._p.domainEdit;
  }
  /**
   * The editors: none while the permissions still mirror the spreadsheet's or the
   * protection is warning-only (gas-fakes notes/oddities.md:486-490; Sheets API: editors are
   * not supported with warningOnly), else the owner first and the editors set. Throws for a
   * user who may not edit the protected area.
   */
  getEditors(): LocalUser[] {
    this.needEdit();
    const p = this._p;
    if (!p.editors || p.warningOnly) return [];
    return [this.owner, ...p.editors.filter((e) => e !== this.owner)].map(user);
  }
  addEditor(u: unknown): Protection {
    return this.addEditors([u]);
  }
  addEditors(users: unknown[]): Protection {
    const list = this.explicit();
    for (const e of users.map(emailOf)) if (e && !list.includes(e)) list.push(e);
    this.ss.touch();
    return this;
  }
  removeEditor(u: unknown): Protection {
    return this.removeEditors([u]);
  }
  /** Neither the owner of the spreadsheet nor the current user can be removed. */
  removeEditors(users: unknown[]): Protection {
    const list = this.explicit();
    const keep = new Set([this.owner, this.x.user.toLowerCase()]);
    const gone = new Set(users.map(emailOf).filter((e) => !keep.has(e)));
    this._p.editors = list.filter((e) => !gone.has(e));
    this.ss.touch();
    return this;
  }
  setDomainEdit(editable: boolean): Protection {
    this.explicit();
    this._p.domainEdit = !!editable;
    this.ss.touch();
    return this;
  }
  /** The editors list, set from now on: it starts with the user whose script sets it. */
  private explicit(): string[] {
    this.needEdit();
    if (!this._p.editors) this._p.editors = [this.x.user.toLowerCase()].filter(Boolean);
    return this._p.editors;
  }
  remove(): void {
    this.needEdit();
    this.ss.protections = this.ss.protections.filter((p) => p !== this._p);
    this.ss.touch();
  }
}
