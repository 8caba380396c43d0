/**
 * Roles (the contract's "Roles"): a user's role is the Role of the active Members row whose
 * Email is theirs (ignoring case). Every menu item and every sidebar save asks `requireRole`
 * first; a refusal writes nothing and names the roles that may do it, in the user's
 * language. Anyone who is not an active member may read and is refused every change. While
 * Members lists no active Minister (a new workbook), whoever sets the workbook up may do so
 * and add members. When Apps Script gives no email for the user, changes are refused.
 */
import { type Lang, msg, valueName } from '../domain/i18n';
import { MEMBERS, type ROLES } from '../domain/schema';
import { AddonContext } from './context';
import { SheetGateway } from './gateway';

export type Role = (typeof ROLES)[number];

/** What a user may be asked to be allowed to do. */
export type Action =
  | 'setup'
  | 'installReminders'
  | 'sendReminders'
  | 'startNewTerm'
  | 'generateReport'
  | 'generateRoster'
  | 'editLedger'
  | 'editMembers'
  | 'editSettings'
  | 'editRecords'
  | 'reassign';

const HEADS: readonly Role[] = ['Minister', 'Vice Minister'];

/** Who may do what; `active` = every active member. */
export const ALLOWED: Readonly<Record<Action, readonly Role[] | 'active'>> = {
  setup: HEADS,
  installReminders: HEADS,
  sendReminders: HEADS,
  startNewTerm: HEADS,
  generateReport: HEADS,
  generateRoster: 'active',
  editLedger: ['Treasurer', 'Minister'],
  editMembers: HEADS,
  editSettings: HEADS,
  editRecords: 'active',
  reassign: HEADS,
};

/** Actions anyone may take while the workbook has no active Minister (setting it up). */
const BOOTSTRAP: readonly Action[] = ['setup', 'editMembers'];

/** The action refused; nothing was written. The message is in the user's language. */
export class Refused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Refused';
  }
}

export interface Member {
  email: string;
  role: Role | '';
  active: boolean;
}

/**
 * The person at the keyboard. Apps Script may give a blank active user (a consumer account
 * outside the owner's domain, a simple trigger):
 * developers.google.com/apps-script/reference/base/session#getActiveUser(). A menu item or a
 * sidebar call runs as the member who clicked, so their effective user is then that member
 * (…/session#getEffectiveUser()); when both are blank no change is allowed.
 */
export function activeUserEmail(): string {
  const email = Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail() || '';
  return email.trim().toLowerCase();
}

/** The Members rows (Email, Role, Active): three column reads, whatever the sheet's width. */
export function readMembers(ctx: AddonContext): Member[] {
  if (!ctx.ss.getSheetByName(MEMBERS.name)) return []; // a new workbook: nobody yet
  const { keys, cells } = SheetGateway.open(ctx.ss, MEMBERS).columns(['email', 'role', 'active']);
  const text = (row: unknown[], k: string) => String(row[keys.indexOf(k)] ?? '').trim();
  const emails = cells.map((r) => text(r, 'email'));
  const roles = cells.map((r) => text(r, 'role'));
  // Active as the cells hold it (a checkbox's boolean, or TRUE/yes typed by hand).
  // A sheet without an Active column (not set up yet): every member is active, its default.
  const active = keys.indexOf('active');
  const activeCells = cells.map((r) => (active < 0 ? true : r[active]));
  return emails.map((email, i) => {
    const a = activeCells[i];
    const role = (MEMBERS.fields.find((f) => f.key === 'role')!.options ?? []).find(
      (o) =>
        o.toLowerCase() ===
        String(roles[i] ?? '')
          .trim()
          .toLowerCase(),
    ) as Role | undefined;
    return {
      email: email.toLowerCase(),
      role: role ?? '',
      active: a === true || /^(true|yes|1|是|✓)$/i.test(String(a ?? '').trim()),
    };
  });
}

/** The active member whose Email is `email`, or null. */
export function memberOf(members: readonly Member[], email: string): Member | null {
  return members.find((m) => m.active && m.email === email.toLowerCase()) ?? null;
}

/** The roles that may take `action`, in `lang` (`Minister or Vice Minister`; 部长或副部长). */
export function allowedText(action: Action, lang: Lang): string {
  const who = ALLOWED[action];
  if (who === 'active') return msg(lang, 'role.anyMember');
  return who.map((r) => valueName(lang, r)).join(msg(lang, 'role.or'));
}

/**
 * The acting user when they may take `action`; else throws Refused naming who may. `lang`
 * is the language of the refusal (the member's own when known).
 */
export function requireRole(
  ctx: AddonContext,
  action: Action,
  language: Lang | (() => Lang),
  members: readonly Member[] = readMembers(ctx),
): { email: string; member: Member | null } {
  // The language is looked up only for a refusal (it costs a read of Members and Settings).
  const lang = () => (typeof language === 'function' ? language() : language);
  const email = activeUserEmail();
  if (!email) throw new Refused(msg(lang(), 'role.noEmail'));
  const me = memberOf(members, email);
  const hasMinister = members.some((m) => m.active && m.role === 'Minister');
  if (!hasMinister && BOOTSTRAP.includes(action)) return { email, member: me };
  if (!me) throw new Refused(msg(lang(), 'role.notMember', { email, allowed: allowedText(action, lang()) }));
  const who = ALLOWED[action];
  if (who === 'active' || (me.role && who.includes(me.role))) return { email, member: me };
  throw new Refused(
    msg(lang(), 'role.refused', {
      email,
      role: me.role ? valueName(lang(), me.role) : '—',
      allowed: allowedText(action, lang()),
    }),
  );
}

/** The action a save of `table` needs. */
export function editAction(table: string): Action {
  if (table === 'Ledger') return 'editLedger';
  if (table === 'Members') return 'editMembers';
  if (table === 'Settings') return 'editSettings';
  return 'editRecords';
}

/**
 * For menu items: true when the user may take `action`; otherwise an alert says who may
 * (in their language) and nothing runs.
 */
export function menuAllowed(action: Action): boolean {
  const ctx = new AddonContext();
  const lang = (): Lang => {
    try {
      return ctx.languageFor(activeUserEmail());
    } catch {
      return 'en'; // Settings or Members unreadable: refuse in English
    }
  };
  try {
    requireRole(ctx, action, lang);
    return true;
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    const ui = SpreadsheetApp.getUi();
    ui.alert('Outreach Desk', e.message, ui.ButtonSet.OK);
    return false;
  }
}
