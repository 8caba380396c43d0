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
  /** The caption in Chinese. */
  zh: string;
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
  'Benefits',
  'Members',
  'Templates',
];

/** The entry point of a table's "Add or edit" item (generated: see main.ts `__editors`). */
export const editFunction = (table: TableName) => `menuEdit${table}`;

export const MENU_ITEMS: readonly MenuItem[] = [
  { caption: 'Set up workbook', zh: '设置工作簿', functionName: 'menuSetUpWorkbook', separatorAfter: true },
  ...EDIT_TABLES.map((name, i) => ({
    caption: `Add or edit ${tableDef(name).noun.many.en}`,
    zh: `添加或编辑${tableDef(name).noun.many.zh}`,
    functionName: editFunction(name),
    separatorAfter: i === EDIT_TABLES.length - 1,
  })),
  { caption: 'Greetings to send', zh: '待发送的节日问候', functionName: 'menuGreetings' },
  { caption: 'Generate semester report', zh: '生成学期报告', functionName: 'menuGenerateReport' },
  { caption: 'Generate sponsor feedback', zh: '生成赞助反馈', functionName: 'menuGenerateFeedback' },
  {
    caption: 'Generate contact roster',
    zh: '生成联系人名录',
    functionName: 'menuGenerateRoster',
    separatorAfter: true,
  },
  { caption: 'Start new term', zh: '开始新学期', functionName: 'menuStartNewTerm' },
  { caption: 'Send reminders now', zh: '立即发送提醒', functionName: 'menuSendRemindersNow' },
  {
    caption: 'Install reminders (daily, from your account)',
    zh: '安装每日提醒（从你的账号发送）',
    functionName: 'menuInstallReminders',
  },
  {
    caption: "Preview tomorrow's reminders",
    zh: '预览明天的提醒',
    functionName: 'menuPreviewReminders',
    separatorAfter: true,
  },
];

/**
 * A caption in the user's language. onOpen cannot read Settings in AuthMode.NONE, so the
 * language is the user's locale when Apps Script gives it (`Session.getActiveUserLocale()`):
 * Chinese for `zh…`, English otherwise; when it cannot be had, English first with the
 * Chinese after it, so captions still begin with the contract's words.
 */
export function caption(item: MenuItem, locale: string | null): string {
  if (locale === null) return `${item.caption} · ${item.zh}`;
  return /^zh/i.test(locale) ? `${item.zh}（${item.caption}）` : item.caption;
}

/** Functions run by triggers the add-on installs (checked by the build like menu items). */
export const TRIGGER_FUNCTIONS: readonly string[] = ['remindersDaily', 'remindersResume'];

/** Builds the menu: an add-on menu when installed as an add-on, a named menu otherwise. */
export function buildMenu(
  ui: GoogleAppsScript.Base.Ui,
  asAddon: boolean,
  locale: string | null = 'en',
): void {
  const menu = asAddon ? ui.createAddonMenu() : ui.createMenu(MENU_TITLE);
  for (const item of MENU_ITEMS) {
    menu.addItem(caption(item, locale), item.functionName);
    if (item.separatorAfter) menu.addSeparator();
  }
  menu.addToUi();
}
