/**
 * Ui and Menu: menus, alerts, prompts, sidebars and dialogs of the active spreadsheet,
 * recorded as Ui events in the local Google (`google.ui`, `google.menus`).
 * https://developers.google.com/apps-script/reference/base/ui
 * https://developers.google.com/apps-script/reference/base/menu
 */
import type { MenuItemModel, MenuModel } from '../../backend';
import type { ServiceHost } from '../../host';

export class Ui {
  readonly ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' };
  readonly Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' };
  constructor(private readonly x: ServiceHost) {}
  private get ssId(): string {
    return this.x.spreadsheetId ?? '';
  }
  createMenu(caption: string): Menu {
    return this.x.wrap(new Menu(this.x, { caption: String(caption), addon: false, items: [] }), 'Menu');
  }
  createAddonMenu(): Menu {
    return this.x.wrap(new Menu(this.x, { caption: 'Outreach Desk', addon: true, items: [] }), 'Menu');
  }
  /**
   * An alert: the button the user pressed. Without an answer queued (`nextUiResponses`), an
   * OK alert answers OK and one with a choice answers CLOSE, as when the user closes it; the
   * workbench then asks the member and runs the function again with the answer queued.
   */
  alert(a: string, b?: string, c?: string): string {
    const asButtons = c === undefined && b !== undefined && b in this.ButtonSet;
    const [title, message] = b === undefined || asButtons ? ['', a] : [a, b];
    const buttons = asButtons ? b! : (c ?? 'OK');
    const answer = this.x.google.nextUiResponses.shift()?.button ?? (buttons === 'OK' ? 'OK' : 'CLOSE');
    this.x.google.ui.push({
      kind: 'alert',
      spreadsheetId: this.ssId,
      title,
      message,
      buttons,
      answer,
      at: this.x.google.now(),
    });
    return answer;
  }
  prompt(a: string, b?: string): { getResponseText(): string; getSelectedButton(): string } {
    this.x.google.ui.push({
      kind: 'prompt',
      spreadsheetId: this.ssId,
      title: b === undefined ? '' : a,
      message: b ?? a,
      at: this.x.google.now(),
    });
    const r = this.x.google.nextUiResponses.shift() ?? { button: 'CANCEL', text: '' };
    return { getResponseText: () => r.text ?? '', getSelectedButton: () => r.button };
  }
  showSidebar(html: { getContent(): string; getTitle(): string }): void {
    this.x.google.ui.push({
      kind: 'sidebar',
      spreadsheetId: this.ssId,
      title: html.getTitle(),
      html: html.getContent(),
      at: this.x.google.now(),
    });
  }
  showModalDialog(html: { getContent(): string }, title: string): void {
    this.x.google.ui.push({
      kind: 'dialog',
      spreadsheetId: this.ssId,
      title: String(title),
      html: html.getContent(),
      at: this.x.google.now(),
    });
  }
  showModelessDialog(html: { getContent(): string }, title: string): void {
    this.showModalDialog(html, title);
  }
}

export class Menu {
  constructor(
    private readonly x: ServiceHost,
    readonly _m: MenuModel,
  ) {}
  addItem(caption: string, functionName: string): Menu {
    this._m.items.push({ kind: 'item', caption: String(caption), functionName: String(functionName) });
    return this;
  }
  addSeparator(): Menu {
    this._m.items.push({ kind: 'separator' });
    return this;
  }
  addSubMenu(menu: Menu): Menu {
    this._m.items.push({ kind: 'submenu', menu: menu._m } as MenuItemModel);
    return this;
  }
  addToUi(): void {
    const id = this.x.spreadsheetId ?? '';
    const list = (this.x.google.menus.get(id) ?? []).filter((m) => m.caption !== this._m.caption);
    list.push(this._m);
    this.x.google.menus.set(id, list);
    this.x.google.ui.push({
      kind: 'menu',
      spreadsheetId: id,
      title: this._m.caption,
      at: this.x.google.now(),
    });
  }
}
