/**
 * One form control per field, built from the server's FormField: a text box for every field
 * but enumerations and checkboxes, with a picker for the fields that hold a member's Email
 * or record IDs.
 */
import type { FormField } from '../../addon/api';
import { el } from '../shared/page';
import { attachPicker } from './picker';
import { type Control, t } from './state';

function errorId(key: string): string {
  return `od-err-${key}`;
}

/**
 * A text box for every field but enumerations and checkboxes: dates are typed as
 * `yyyy-mm-dd` (the sheet's own format) and anything else reaches the server, which names
 * what is wrong. No `maxlength`: a browser would cut a pasted text short without a word; the
 * length is checked as the member types, and by the server.
 */
export function buildControl(f: FormField): Control {
  const wrap = el('div', { class: `field field-${f.type}`, 'data-key': f.key });
  const inputId = `od-f-${f.key}`;
  const error = el('p', { class: 'error', id: errorId(f.key), role: 'alert' });
  const note = el('p', { class: 'note cell-note', id: `od-note-${f.key}` });
  const label = el('label', { for: inputId }, f.label);
  if (f.required) label.appendChild(el('span', { class: 'req', 'aria-hidden': 'true' }, ' *'));
  const describe = (input: HTMLElement) => {
    input.setAttribute('aria-describedby', `${errorId(f.key)} od-note-${f.key}`);
    input.setAttribute('name', f.key);
    input.id = inputId;
    if (f.required) input.setAttribute('aria-required', 'true');
  };
  const watchLength = (input: HTMLInputElement | HTMLTextAreaElement) => {
    if (!f.maxLength) return;
    const max = f.maxLength;
    input.addEventListener('input', () => {
      const n = input.value.length;
      error.textContent = n > max ? t('field.tooLong', { field: f.label, length: n, max }) : '';
      wrap.classList.toggle('invalid', n > max);
    });
  };

  let ctl: Pick<Control, 'get' | 'set' | 'focus'>;
  switch (f.type) {
    case 'boolean': {
      // A checkbox; a cell that holds neither TRUE nor FALSE is shown as typed in a text box.
      const input = el('input', { type: 'checkbox' });
      describe(input);
      const raw = el('input', { type: 'text', class: 'raw', 'aria-label': f.label, hidden: '' });
      const row = el('label', { class: 'check', for: inputId });
      row.append(input, document.createTextNode(` ${f.label}`));
      wrap.append(row, raw);
      ctl = {
        get: () => (raw.hidden ? (input.checked ? 'TRUE' : 'FALSE') : raw.value),
        set: (v) => {
          const known = /^(true|false|)$/i.test(v.trim());
          raw.hidden = known;
          input.hidden = !known;
          raw.value = known ? '' : v;
          input.checked = /^true$/i.test(v.trim());
        },
        focus: () => (raw.hidden ? input : raw).focus(),
      };
      break;
    }
    case 'longtext': {
      const input = el('textarea', { rows: '3' });
      describe(input);
      watchLength(input);
      wrap.append(label, input);
      ctl = { get: () => input.value, set: (v) => (input.value = v), focus: () => input.focus() };
      break;
    }
    case 'enum': {
      const input = el('select');
      describe(input);
      input.appendChild(el('option', { value: '' }, f.required ? t('ui.choose') : '—'));
      f.options.forEach((o, i) => {
        input.appendChild(el('option', { value: o }, f.optionLabels[i] ?? o));
      });
      wrap.append(label, input);
      ctl = {
        get: () => input.value,
        set: (v) => {
          for (const o of Array.from(input.querySelectorAll('option.unknown'))) o.remove();
          // A value the sheet holds that isn't an option is shown as it is (saving reports it).
          if (v && !Array.from(input.options).some((o) => o.value === v)) {
            input.appendChild(el('option', { value: v, class: 'unknown' }, v));
          }
          input.value = v;
        },
        focus: () => input.focus(),
      };
      break;
    }
    default: {
      const input = el('input', { type: 'text', autocomplete: 'off' });
      describe(input);
      watchLength(input);
      // Numbers are typed as text so "abc" reaches the server and gets a clear message
      // (an <input type=number> would silently turn it into an empty value).
      if (f.type === 'number') input.inputMode = 'decimal';
      if (f.type === 'integer') input.inputMode = 'numeric';
      if (f.type === 'email') input.inputMode = 'email';
      if (f.type === 'date') input.placeholder = t('ui.dateHint');
      if (f.type === 'datetime') input.placeholder = t('ui.dateTimeHint');
      if (f.type === 'emails' || f.type === 'refs') input.placeholder = t('ui.commaSeparated');
      if (f.type === 'ref') input.placeholder = t('ui.idExample', { id: 'S-0001' });
      wrap.append(label, input);
      if (f.link) attachPicker(f, input, wrap);
      if (f.options.length) {
        const list = el('datalist', { id: `od-dl-${f.key}` });
        for (const o of f.options) list.appendChild(el('option', { value: o }));
        input.setAttribute('list', list.id);
        wrap.appendChild(list);
      }
      ctl = { get: () => input.value, set: (v) => (input.value = v), focus: () => input.focus() };
    }
  }
  wrap.append(note, error);
  return { field: f, error, note, wrap, ...ctl };
}
