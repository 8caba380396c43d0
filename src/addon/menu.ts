/**
 * The add-on menu. Every item names the global function Apps Script calls; the build
 * fails when one of them is not exported from main.ts (scripts/build.ts checks
 * MENU_ITEMS against the bundle's exports).
 *
 * Captions begin with the English words of the product contract.
 */

export interface MenuItem {
  caption: string;
  functionName: string;
  /** Items after which a separator is drawn. */
  separatorAfter?: boolean;
}

export const MENU_TITLE = 'Outreach Desk';

export const MENU_ITEMS: readonly MenuItem[] = [
  { caption: 'Set up workbook', functionName: 'menuSetUpWorkbook', separatorAfter: true },
  { caption: 'Add or edit sponsors', functionName: 'menuEditSponsors' },
  { caption: 'Add or edit contacts', functionName: 'menuEditContacts' },
  { caption: 'Add or edit meetings and visits', functionName: 'menuEditMeetings' },
  { caption: 'Add or edit ledger entries', functionName: 'menuEditLedger' },
  { caption: 'Add or edit events', functionName: 'menuEditEvents' },
  { caption: 'Add or edit members', functionName: 'menuEditMembers', separatorAfter: true },
  { caption: 'Generate semester report', functionName: 'menuGenerateReport' },
  { caption: 'Generate contact roster', functionName: 'menuGenerateRoster', separatorAfter: true },
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
