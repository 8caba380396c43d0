/**
 * What "Set up workbook" and "Start new term" add for the Partners work: the seed
 * templates (only into a Templates sheet that never held a template) and the term's
 * festivals as Holiday rows (Settings `Festival calendar` = CN). Typed rows are never
 * changed; a second run adds nothing.
 */
import { instantOf } from '../../domain/dates';
import { festivalCalendarOn, festivalsToAdd } from '../../domain/festivals';
import { SEED_TEMPLATES } from '../../domain/partners/template-seed';
import type { Cell } from '../../domain/records';
import { literalText } from '../../domain/records';
import { SETTINGS, TEMPLATES } from '../../domain/schema';
import { AddonContext } from '../context';
import { SheetGateway, withDocumentLock } from '../gateway';
import { IdAllocator } from '../ids';

export interface PartnersSeeded {
  /** What was added, for Set up's summary (`Templates: 8`, `Holiday 2027-02-06 Spring Festival`). */
  readonly added: string[];
  readonly writes: number;
}

/**
 * Writes the seed templates into an empty Templates sheet whose IDs were never handed out
 * (a sheet emptied by members on purpose stays empty). Call under the document lock.
 */
export function seedTemplates(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): PartnersSeeded {
  if (!ss.getSheetByName(TEMPLATES.name)) return { added: [], writes: 0 };
  const gw = SheetGateway.open(ss, TEMPLATES);
  const ids = gw.ids();
  if (ids.ids.some((x) => x !== '') || gw.sheet.getLastRow() > 1) return { added: [], writes: 0 };
  const alloc = new IdAllocator(TEMPLATES, []);
  const first = alloc.next();
  if (first !== `${TEMPLATES.idPrefix}-0001`) return { added: [], writes: 0 };
  let id = first;
  const rows = SEED_TEMPLATES.map((t) => {
    const cells = new Map<number, Cell>([[gw.cols.id!, id]]);
    for (const key of ['name', 'kind', 'language', 'subject', 'body'] as const)
      if (gw.cols[key] !== undefined) cells.set(gw.cols[key]!, literalText(t[key]));
    id = alloc.next();
    return cells;
  });
  gw.append(rows, ids.lastRow); // one write for every seeded template
  new IdAllocator(TEMPLATES, gw.ids().ids).save();
  return { added: SEED_TEMPLATES.map((t) => t.name), writes: SEED_TEMPLATES.length };
}

/**
 * Adds the festivals of the term in Settings (Semester start..end) as Holiday rows when the
 * Festival calendar is on. Call under the document lock; re-reads Settings.
 */
/** Document properties: the festival days the add-on has added as Holiday rows. */
export const SEEDED_FESTIVALS_PROP = 'od.festivals.added';

const parseList = (v: string | null): string[] => {
  try {
    const x: unknown = JSON.parse(v ?? '[]');
    return Array.isArray(x) ? x.map(String) : [];
  } catch {
    return [];
  }
};

export function addFestivalHolidays(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): PartnersSeeded {
  if (!ss.getSheetByName(SETTINGS.name)) return { added: [], writes: 0 };
  const ctx = new AddonContext(ss);
  const st = ctx.settings();
  if (!festivalCalendarOn(st) || !st.semesterStart || !st.semesterEnd || st.semesterEnd < st.semesterStart)
    return { added: [], writes: 0 };
  // A festival added once and then deleted by the members is not added again (document
  // properties remember every festival day the add-on added).
  const props = PropertiesService.getDocumentProperties();
  const seeded = new Set<string>(parseList(props.getProperty(SEEDED_FESTIVALS_PROP)));
  const add = festivalsToAdd(st.semesterStart, st.semesterEnd, st.holidays, st.language).add.filter(
    (h) => !seeded.has(h.day),
  );
  if (!add.length) return { added: [], writes: 0 };
  for (const h of add) seeded.add(h.day);
  props.setProperty(SEEDED_FESTIVALS_PROP, JSON.stringify([...seeded].sort().slice(-400)));
  const gw = SheetGateway.open(ss, SETTINGS);
  gw.append(
    add.map(
      (h) =>
        new Map<number, Cell>([
          [gw.cols.setting!, 'Holiday'],
          [gw.cols.value!, instantOf(h.day, ctx.timeZone)],
          [gw.cols.notes!, literalText(h.name)],
        ]),
    ),
    gw.column('setting').lastRow,
  );
  return { added: add.map((h) => `Holiday ${h.day} ${h.name}`), writes: add.length };
}

/** Start new term: the new term's festivals, under the lock (after its Settings are written). */
export function addTermFestivals(ctx: AddonContext): string[] {
  const r = withDocumentLock(() => addFestivalHolidays(ctx.ss));
  ctx.invalidate('Settings');
  return r.added;
}
