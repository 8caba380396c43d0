/**
 * Table, TableRow and TableCell: a table's rows and cells, their text, backgrounds and
 * attributes, column widths and borders.
 * https://developers.google.com/apps-script/reference/document/table
 * https://developers.google.com/apps-script/reference/document/table-row
 * https://developers.google.com/apps-script/reference/document/table-cell
 */
import { GasError } from '../../errors';
import { applyAttributes } from './attributes';
import type { TableCellModel, TableModel } from './model';
import { checkColor, checkText, childIndexError, type Session, touch } from './session';
import { type TextImpl, textView } from './text';

export class TableCellImpl {
  constructor(
    private readonly s: Session,
    private readonly c: TableCellModel,
  ) {}
  getText(): string {
    return this.c.text;
  }
  setText(t: unknown): TableCellImpl {
    this.c.text = checkText('TableCell.setText', t);
    touch(this.s);
    return this;
  }
  setBackgroundColor(color: unknown): TableCellImpl {
    this.c.background = checkColor(color);
    touch(this.s);
    return this;
  }
  getBackgroundColor(): string | null {
    return this.c.background;
  }
  setAttributes(attrs: unknown): TableCellImpl {
    applyAttributes(this.s, this.c, attrs);
    return this;
  }
  editAsText(): TextImpl {
    return textView(
      this.s,
      () => [this.c],
      () => this.c.text,
    );
  }
}

export class TableRowImpl {
  constructor(
    private readonly s: Session,
    private readonly row: TableCellModel[],
  ) {}
  getNumCells(): number {
    return this.row.length;
  }
  getCell(i: number): TableCellImpl {
    const c = this.row[i];
    if (!c) throw childIndexError(i, this.row.length);
    return this.s.x.wrap(new TableCellImpl(this.s, c), 'TableCell');
  }
  getText(): string {
    return this.row.map((c) => c.text).join('\n');
  }
  editAsText(): TextImpl {
    return textView(
      this.s,
      () => this.row,
      () => this.getText(),
    );
  }
  setAttributes(attrs: unknown): TableRowImpl {
    for (const c of this.row) applyAttributes(this.s, c, attrs);
    return this;
  }
}

export class TableImpl {
  constructor(
    private readonly s: Session,
    readonly _m: TableModel,
  ) {}
  getType(): string {
    return 'TABLE';
  }
  getNumRows(): number {
    return this._m.rows.length;
  }
  getRow(i: number): TableRowImpl {
    const r = this._m.rows[i];
    if (!r) throw childIndexError(i, this._m.rows.length);
    return this.s.x.wrap(new TableRowImpl(this.s, r), 'TableRow');
  }
  getCell(r: number, c: number): TableCellImpl {
    const cell = this._m.rows[r]?.[c];
    if (!cell) throw new GasError('Cell index out of range.');
    return this.s.x.wrap(new TableCellImpl(this.s, cell), 'TableCell');
  }
  getText(): string {
    return this._m.rows.map((r) => r.map((c) => c.text).join('\n')).join('\n');
  }
  setColumnWidth(i: number, width: number): TableImpl {
    if (!Number.isInteger(i) || i < 0 || i >= (this._m.rows[0]?.length ?? 0))
      throw new GasError('Invalid column index.');
    this._m.columnWidths[i] = Number(width);
    touch(this.s);
    return this;
  }
  setBorderColor(color: unknown): TableImpl {
    this._m.borderColor = checkColor(color);
    touch(this.s);
    return this;
  }
  setBorderWidth(w: number): TableImpl {
    this._m.borderWidth = Number(w);
    touch(this.s);
    return this;
  }
  setAttributes(attrs: unknown): TableImpl {
    for (const r of this._m.rows) for (const c of r) applyAttributes(this.s, c, attrs);
    return this;
  }
  editAsText(): TextImpl {
    return textView(
      this.s,
      () => this._m.rows.flat(),
      () => this.getText(),
    );
  }
}
