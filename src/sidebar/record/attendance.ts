/**
 * The attendance checklist of a Department Meeting: one row per active member (name ·
 * email) with one choice — present, present but late, excused, absent or none — instead of
 * typing emails into Attendees, Excused and Absent. Choosing fills those fields
 * (comma-separated emails), so a save sends them as any other change; loading a meeting sets
 * the choices from them. "Late" puts the member in Attendees (attendance counts them present)
 * and in the Late column; it is offered only when the Meetings sheet has that column.
 * One choice per member makes a member in two lists impossible. The inputs stay in the
 * form (hidden while the checklist shows), with their error messages.
 */
import { el } from '../shared/page';
import { type Control, state, t } from './state';

const LISTS = ['attendees', 'excused', 'absent'] as const;
type List = (typeof LISTS)[number];
type Choice = List | 'late' | '';
const DEPARTMENT_MEETING = 'Department Meeting';

const split = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

interface Checklist {
  box: HTMLElement;
  selects: { email: string; select: HTMLSelectElement }[];
  lists: Record<List, Control>;
  /** The Late field, when the sheet has that column. */
  late: Control | undefined;
  type: Control;
}

let current: Checklist | null = null;

/** Builds the checklist for a Meetings form (after its controls are in the page), else nothing. */
export function buildAttendance(controls: Control[]): void {
  current = null;
  const spec = state.spec;
  const byKey = (k: string) => controls.find((c) => c.field.key === k);
  const type = byKey('type');
  const found = LISTS.map(byKey);
  if (spec?.table !== 'Meetings' || !type || found.some((c) => !c)) return;
  const lists = Object.fromEntries(LISTS.map((k, i) => [k, found[i]!])) as Record<List, Control>;
  const box = el('fieldset', { class: 'attendance', id: 'od-attendance', hidden: '' });
  box.appendChild(el('legend', {}, t('ui.attendance')));
  const late = byKey('late');
  const names: Record<Choice, string> = {
    '': '—',
    attendees: t('ui.present'),
    late: t('ui.late'),
    excused: t('ui.excused'),
    absent: t('ui.absent'),
  };
  const choices: Choice[] = late ? ['', 'attendees', 'late', 'excused', 'absent'] : ['', ...LISTS];
  const selects = spec.members.map((m, i) => {
    const id = `od-att-${i}`;
    const row = el('div', { class: 'att-row' });
    const select = el('select', { id, 'data-email': m.value });
    for (const v of choices) select.appendChild(el('option', { value: v }, names[v]));
    select.addEventListener('change', () => fillFields());
    row.append(el('label', { for: id }, m.label), select);
    box.appendChild(row);
    return { email: m.value.toLowerCase(), select };
  });
  if (selects.length === 0) box.appendChild(el('p', { class: 'note' }, t('ui.noMembers')));
  lists.attendees.wrap.before(box);
  current = { box, selects, lists, late, type };
  type.wrap.addEventListener('change', () => syncAttendance());
}

/** Which choices put a member in a field: Attendees holds the present and the late. */
const FIELD_CHOICES: Record<List | 'late', Choice[]> = {
  attendees: ['attendees', 'late'],
  late: ['late'],
  excused: ['excused'],
  absent: ['absent'],
};

/** The member's choices → the fields. Emails the checklist does not show are kept. */
function fillFields(): void {
  const c = current;
  if (!c) return;
  const choice = new Map(c.selects.map((s) => [s.email, s.select.value as Choice]));
  const fields: [List | 'late', Control | undefined][] = [
    ...LISTS.map((k): [List, Control] => [k, c.lists[k]]),
    ['late', c.late],
  ];
  for (const [k, control] of fields) {
    if (!control) continue;
    const wanted = FIELD_CHOICES[k];
    const kept = split(control.get()).filter((e) => {
      const chosen = choice.get(e.toLowerCase());
      return chosen === undefined || wanted.includes(chosen);
    });
    const have = new Set(kept.map((e) => e.toLowerCase()));
    const added = c.selects
      .filter((s) => wanted.includes(s.select.value as Choice) && !have.has(s.email))
      .map((s) => s.email);
    control.set([...kept, ...added].join(', '));
  }
}

/**
 * Shows the checklist when the Type is Department Meeting (hiding the three inputs) and sets
 * its choices from the fields: call after the form's values change.
 */
export function syncAttendance(): void {
  const c = current;
  if (!c) return;
  const on = c.type.get() === DEPARTMENT_MEETING;
  c.box.hidden = !on;
  for (const k of LISTS) c.lists[k].wrap.classList.toggle('in-checklist', on);
  c.late?.wrap.classList.toggle('in-checklist', on);
  const where = new Map<string, Choice>();
  for (const k of [...LISTS].reverse())
    for (const e of split(c.lists[k].get())) where.set(e.toLowerCase(), k);
  for (const e of split(c.late?.get() ?? ''))
    if (where.get(e.toLowerCase()) === 'attendees') where.set(e.toLowerCase(), 'late');
  for (const s of c.selects) s.select.value = where.get(s.email) ?? '';
}
