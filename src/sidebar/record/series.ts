/**
 * "Repeat every two weeks until": a new department meeting can plan the department's
 * fortnightly meetings up to a day. The date input sits under the meeting's Date, shows only
 * for a new record whose Type is Department Meeting, and is sent as the save's
 * `repeatUntil` (not a column: the server creates one row per meeting of the series).
 */
import type { FormField } from '../../addon/api';
import { buildControl } from './controls';
import { type Control, state, t } from './state';

const DEPARTMENT_MEETING = 'Department Meeting';
let current: { control: Control; type: Control } | null = null;

/** Adds the input to a Meetings form (after its controls are in the page), else nothing. */
export function buildSeries(controls: Control[]): void {
  current = null;
  const type = controls.find((c) => c.field.key === 'type');
  const date = controls.find((c) => c.field.key === 'date');
  if (state.spec?.table !== 'Meetings' || !type || !date) return;
  const field: FormField = {
    key: 'repeatUntil',
    header: 'repeatUntil',
    type: 'date',
    options: [],
    strictOptions: false,
    required: false,
    maxLength: null,
    defaultValue: null,
    label: t('ui.repeatUntil'),
    link: null,
    multiple: false,
    optionLabels: [],
  };
  const control = buildControl(field);
  date.wrap.after(control.wrap);
  current = { control, type };
  type.wrap.addEventListener('change', () => syncSeries());
}

/** Shown for a new department meeting only; call after the form's values change. */
export function syncSeries(): void {
  const c = current;
  if (!c) return;
  const on = !state.loaded && c.type.get() === DEPARTMENT_MEETING;
  c.control.wrap.hidden = !on;
  if (!on) c.control.set('');
  c.control.error.textContent = '';
  c.control.wrap.classList.remove('invalid');
}

/** What a new record's save sends for the series ('' = none). */
export const seriesUntil = (): string =>
  current && !current.control.wrap.hidden ? current.control.get().trim() : '';

/** The series input, when a save's error names it. */
export const seriesControl = (key: string): Control | undefined =>
  current && key === 'repeatUntil' ? current.control : undefined;
