/**
 * Protection: a protected sheet or range — description, warning-only, its range, removal.
 * https://developers.google.com/apps-script/reference/spreadsheet/protection
 */
import type { ServiceHost } from '../../host';
import type { ProtectionModel, SpreadsheetModel } from '../../model/spreadsheet-model';
import { make } from './factory';
import type { ProtectionApi, RangeApi } from './types';

export class Protection implements ProtectionApi {
  constructor(
    private readonly x: ServiceHost,
    private readonly ss: SpreadsheetModel,
    readonly _p: ProtectionModel,
  ) {}
  getDescription(): string {
    return this._p.description;
  }
  setDescription(d: string): Protection {
    this._p.description = String(d);
    this.ss.touch();
    return this;
  }
  isWarningOnly(): boolean {
    return this._p.warningOnly;
  }
  setWarningOnly(w: boolean): Protection {
    this._p.warningOnly = !!w;
    this.ss.touch();
    return this;
  }
  getRange(): RangeApi {
    const sm = this.ss.sheets.find((s) => s.id === this._p.sheetId)!;
    const r = this._p.range ?? { r1: 1, c1: 1, r2: sm.maxRows, c2: sm.maxColumns };
    return make().range(this.x, this.ss, sm, r.r1, r.c1, r.r2 - r.r1 + 1, r.c2 - r.c1 + 1);
  }
  remove(): void {
    this.ss.protections = this.ss.protections.filter((p) => p !== this._p);
    this.ss.touch();
  }
}
