/**
 * What greetings are filled from, read once per execution: contacts, templates (when the
 * sheet exists), the department's name and language. Used by the digest and the sidebar.
 */
import { templatesOf } from '../../domain/templates';
import type { AddonContext } from '../context';

/** What the digest's greeting lines are filled from (Templates read only when the sheet exists). */
export function greetingSources(ctx: AddonContext) {
  const st = ctx.settings();
  return {
    contacts: ctx.table('Contacts').records,
    templates: ctx.ss.getSheetByName('Templates') ? templatesOf(ctx.table('Templates').records) : [],
    department: st.department,
    language: st.language,
  };
}
