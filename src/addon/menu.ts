/**
 * The add-on menu. Every item names the global function Apps Script calls; the build
 * fails when one of them is not exported from main.ts (scripts/build.ts checks
 * MENU_ITEMS against the bundle's exports).
 *
 * Captions begin with the English words of the product contract.
 */
import { type TableName, tableDef } from '../domain/schema';

export interface MenuItem {
  caption: string;
  functionName: string;
  /** Items after which a separator is drawn. */
  separatorAfter?: boolean;
}

export const MENU_TITLE = 'Outreach Desk';

/** The tables with a record form, in menu order: one "Add or edit …" item each. */
export const EDIT_TABLES: readonly TableName[] = [
  'Sponsors',
  'Contacts',
  'Meetings',
  'Ledger',
  'Events',
  'Members',
];

/** The entry point of a table's "Add or edit" item (generated: see main.ts `__editors`). */
export const editFunction = (table: TableName) => `menuEdit${table}`;

export const MENU_ITEMS: readonly MenuItem[] = [
  { caption: 'Set up workbook', functionName: 'menuSetUpWorkbook', separatorAfter: true },
  ...EDIT_TABLES.map((name, i) => ({
    caption: `Add or edit ${tableDef(name).noun.many.en}`,
    functionName: editFunction(name),
    separatorAfter: i === EDIT_TABLES.length - 1,
  })),
  { caption: 'Generate semester report', functionName: 'menuGenerateReport' },
  { caption: 'Generate contact roster', functionName: 'menuGenerateRoster', separatorAfter: true },
  { caption: 'Start new term', functionName: 'menuStartNewTerm' },
  // Reminders (issue 4)
  { caption: 'Send reminders now', functionName: 'menuSendRemindersNow' },
  { caption: 'Install reminders (daily, from your account)', functionName: 'menuInstallReminders' },
  { caption: "Preview tomorrow's reminders", functionName: 'menuPreviewReminders', separatorAfter: true },
];

/** Functions run by triggers the add-on installs (checked by the build like menu items). */
export const TRIGGER_FUNCTIONS: readonly string[] = ['remindersDaily'];

/** Builds the menu: an add-on menu when installed as an add-on, a named menu otherwise. */
export function buildMenu(ui: GoogleAppsScript.Base.Ui, asAddon: boolean): void {
  const menu = asAddon ? ui.createAddonMenu() : ui.createMenu(MENU_TITLE);
  for (const item of MENU_ITEMS) {
    menu.addItem(item.caption, item.functionName);
    if (item.separatorAfter) menu.addSeparator();
  }
  menu.addToUi();
}
