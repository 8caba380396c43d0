/**
 * Message templates (the Templates sheet): `{{Placeholder}}` bodies filled for one
 * contact, sponsor or event. Pure functions: the greetings sidebar, the digest and the
 * sponsor feedback pack fill their texts here. An unknown placeholder is an error that
 * names it — on save of a template, and when a text is filled.
 */
import type { RecordData } from './records';

/** Kinds of templates (the Templates sheet's `Kind`). */
export type TemplateKind = 'Greeting' | 'Thank-you' | 'Feedback' | 'Proposal';

/** The placeholders a template may use; `{{Name}}` is filled with `values.Name`. */
export const PLACEHOLDERS = [
  'Name',
  'Organization',
  'Title',
  'Holiday',
  'Event',
  'Amount',
  'Gifts',
  'Department',
  'Member',
  'Date',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** One template as the add-on reads it. */
export interface Template {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly language: string;
  readonly subject: string;
  readonly body: string;
}

const PLACEHOLDER_RE = /\{\{\s*([^{}]*?)\s*\}\}/g;
const KNOWN = new Map(PLACEHOLDERS.map((p) => [p.toLowerCase(), p]));

/** The placeholders a text uses that are not known, each once, as typed. */
export function unknownPlaceholders(text: string): string[] {
  const bad: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER_RE)) {
    const name = m[1] ?? '';
    if (!KNOWN.has(name.toLowerCase()) && !bad.includes(name)) bad.push(name);
  }
  return bad;
}

/** Thrown by fillTemplate for a placeholder it does not know (its `placeholder` names it). */
export class UnknownPlaceholder extends Error {
  constructor(readonly placeholder: string) {
    super(
      `Unknown placeholder {{${placeholder}}}: use one of ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(' ')}.`,
    );
    this.name = 'UnknownPlaceholder';
  }
}

/**
 * The text with every `{{Placeholder}}` replaced by its value (names ignore case and
 * spaces inside the braces; a known placeholder without a value becomes empty). An unknown
 * placeholder throws UnknownPlaceholder naming it.
 */
export function fillTemplate(body: string, values: Readonly<Record<string, string>>): string {
  const byLower = new Map(Object.entries(values).map(([k, v]) => [k.toLowerCase(), v]));
  return body.replace(PLACEHOLDER_RE, (_all, raw: string) => {
    const name = KNOWN.get(raw.toLowerCase());
    if (!name) throw new UnknownPlaceholder(raw);
    return byLower.get(name.toLowerCase()) ?? '';
  });
}

const langOf = (t: Template) =>
  /^zh/i.test(t.language.trim()) || t.language.trim() === '中文' ? 'zh' : 'en';

/**
 * The template of a kind in a language: the first in sheet order whose Kind matches
 * (ignoring case) and whose Language is the one asked, else the first of that kind in any
 * language, else null. A template whose text uses an unknown placeholder is passed over.
 */
export function pickTemplate(
  templates: readonly Template[],
  kind: TemplateKind | string,
  language: 'en' | 'zh',
): Template | null {
  const usable = templates.filter(
    (t) =>
      t.kind.trim().toLowerCase() === kind.toLowerCase() &&
      t.body.trim() !== '' &&
      !unknownPlaceholders(t.subject + t.body).length,
  );
  return usable.find((t) => langOf(t) === language) ?? usable[0] ?? null;
}

/** Templates from Templates records (parsed rows). */
export function templatesOf(records: readonly { data: RecordData }[]): Template[] {
  const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  return records.map(({ data }) => ({
    id: s(data.id),
    name: s(data.name),
    kind: s(data.kind),
    language: s(data.language),
    subject: s(data.subject),
    body: s(data.body),
  }));
}
