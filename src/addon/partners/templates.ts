/**
 * The live preview of a template in the record sidebar: the records a template can be
 * filled from (contacts and sponsors, by name) with their placeholder values, filled in the
 * page as the member types (domain/templates.ts fillTemplate). Reads only.
 */
import type { TemplatePreviewData } from '../api';
import { AddonContext } from '../context';
import { activeUserEmail, requireRole } from '../roles';
import { columnRecords } from '../where';

const s = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

/** Contacts and sponsors (not archived) with the values their placeholders take. */
export function templatePreviewData(): TemplatePreviewData {
  const ctx = new AddonContext();
  const me = activeUserEmail();
  requireRole(ctx, 'editRecords', () => ctx.languageFor(me));
  const st = ctx.settings();
  const member = ctx.table('Members').records.find((r) => s(r.data.email).toLowerCase() === me);
  const today = ctx.today();
  const holiday = [...st.holidays].sort((a, b) => (a.day < b.day ? -1 : 1)).find((h) => h.day >= today);
  const common = {
    Department: st.department,
    Member: s(member?.data.name) || me,
    Holiday: holiday?.name ?? '',
    Date: today,
  };
  const records: TemplatePreviewData['records'] = [];
  // Only the columns shown and filled in: 5 of Contacts' 16, 4 of Sponsors'.
  for (const c of columnRecords(ctx, 'Contacts', ['id', 'name', 'organization', 'title', 'archived'])) {
    if (!s(c.data.id) || s(c.data.archived)) continue;
    const org = s(c.data.organization);
    records.push({
      id: s(c.data.id),
      label: `${s(c.data.name)}${org ? ` · ${org}` : ''} (${s(c.data.id)})`,
      values: { ...common, Name: s(c.data.name), Organization: org, Title: s(c.data.title) },
    });
  }
  for (const r of columnRecords(ctx, 'Sponsors', ['id', 'organization', 'pledged', 'inKindPledged'])) {
    if (!s(r.data.id)) continue;
    const pledged = typeof r.data.pledged === 'number' ? String(r.data.pledged) : '';
    records.push({
      id: s(r.data.id),
      label: `${s(r.data.organization)} (${s(r.data.id)})`,
      values: {
        ...common,
        Name: s(r.data.organization),
        Organization: s(r.data.organization),
        Amount: pledged,
        Gifts: s(r.data.inKindPledged),
      },
    });
  }
  return { records };
}
