/**
 * The sponsor feedback pack (issue 13): for a Done event, one document per sponsor that
 * gave to it — what they gave (their Income and In-kind Ledger entries for the event), each
 * benefit delivered with its evidence link, the event's figures, and the thank-you text, in
 * the sponsor's language. Pure: the add-on (src/addon/feedback.ts) reads the sheets, renders
 * the DocModel and lists the Docs.
 */
import type { Day } from '../dates';
import type { Block, DocModel } from '../docmodel';
import { formatCount, formatMoney, longDay } from '../format';
import { type Lang, messages, valueName } from '../i18n';
import type { SheetRecord } from '../records';
import { fillTemplate, type Template } from '../templates';

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());
const key = (v: unknown) => str(v).toUpperCase();
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const day = (v: unknown): Day | null => (str(v).length >= 10 ? str(v).slice(0, 10) : null);
const GIFT_TYPES = ['Income', 'In-kind'];

/** A gift to an event: an Income or In-kind entry naming it and a sponsor. */
const isGift = (l: SheetRecord, eventId: string) =>
  key(l.data.eventId) === eventId && GIFT_TYPES.includes(str(l.data.type)) && key(l.data.sponsorId) !== '';

/** The sponsors that gave to the event, in the order of their first entry (IDs, upper-case). */
export function giversOf(eventId: string, ledger: readonly SheetRecord[]): string[] {
  const id = key(eventId);
  return [...new Set(ledger.filter((l) => isGift(l, id)).map((l) => key(l.data.sponsorId)))];
}

export interface FeedbackInput {
  event: SheetRecord;
  /** The sponsor's row (null: an ID the Ledger names that is not in Sponsors). */
  sponsor: SheetRecord | null;
  sponsorId: string;
  ledger: readonly SheetRecord[];
  benefits: readonly SheetRecord[];
  department: string;
  currency: string;
  lang: Lang;
  /**
   * The Templates sheet's Thank-you template in `lang`, filled here for this sponsor and
   * event; null: the catalog's default text.
   */
  thanks: Template | null;
  /** The member making the pack ({{Member}}). */
  member: string;
  today: Day;
}

export interface FeedbackPack {
  doc: DocModel;
  /** What the Doc states the sponsor gave: cash and in-kind value. */
  cash: number;
  inKind: number;
  delivered: number;
}

export function sponsorName(sponsor: SheetRecord | null, id: string): string {
  return str(sponsor?.data.organization) || id;
}

export function buildFeedback(input: FeedbackInput): FeedbackPack {
  const { event, lang } = input;
  const t = messages(lang);
  const money = (n: number) => formatMoney(n, input.currency);
  const dash = t('doc.dash');
  const eventId = key(event.data.id);
  const sid = key(input.sponsorId);
  const name = sponsorName(input.sponsor, sid);
  const eventName = str(event.data.name) || eventId;
  const eventDay = day(event.data.date);
  const params = { sponsor: name, event: eventName, department: input.department };
  const gifts = input.ledger.filter((l) => isGift(l, eventId));
  const mine = gifts.filter((l) => key(l.data.sponsorId) === sid);
  const sum = (rs: readonly SheetRecord[], type: string) =>
    rs.filter((l) => str(l.data.type) === type).reduce((a, l) => a + (num(l.data.amount) ?? 0), 0);
  const delivered = input.benefits.filter(
    (b) => key(b.data.sponsorId) === sid && key(b.data.eventId) === eventId && str(b.data.status) === 'Done',
  );
  const col = (k: string) => t(`report.col.${k}` as Parameters<typeof t>[0]);
  const blocks: Block[] = [];
  const h = (text: string) => blocks.push({ kind: 'heading', level: 1, text });
  const note = (text: string) => blocks.push({ kind: 'paragraph', text, style: 'note' });

  blocks.push({
    kind: 'paragraph',
    text: t('feedback.lead', { event: eventName, date: eventDay ? longDay(eventDay, lang) : dash }),
    style: 'lead',
  });
  h(t('feedback.thanks'));
  const thanks = input.thanks
    ? fillTemplate(input.thanks.body, {
        Name: name,
        Organization: name,
        Event: eventName,
        Department: input.department,
        Member: input.member,
        Date: eventDay ?? '',
        Amount: money(sum(mine, 'Income') + sum(mine, 'In-kind')),
        Gifts: mine
          .map((l) => str(l.data.description))
          .filter(Boolean)
          .join(', '),
      })
    : t('feedback.defaultThanks', params);
  for (const line of thanks.split('\n')) blocks.push({ kind: 'paragraph', text: line });

  h(t('feedback.gifts'));
  note(t('feedback.gifts.note'));
  const giftRows = mine.map((l) => [
    day(l.data.date) ?? dash,
    valueName(lang, str(l.data.type)),
    str(l.data.description),
    num(l.data.quantity) === null ? dash : formatCount(num(l.data.quantity)!),
    money(num(l.data.amount) ?? 0),
  ]);
  giftRows.push([t('doc.total'), '', '', '', money(sum(mine, 'Income') + sum(mine, 'In-kind'))]);
  blocks.push({
    kind: 'table',
    header: ['date', 'type', 'description', 'quantity', 'amount'].map(col),
    rows: giftRows,
    totalRow: true,
    widths: [1.8, 1.4, 4, 1.3, 2],
    numeric: [false, false, false, true, true],
  });

  h(t('feedback.benefits'));
  note(t('feedback.benefits.note'));
  if (delivered.length)
    blocks.push({
      kind: 'table',
      header: ['benefit', 'date', 'evidence'].map(col),
      rows: delivered.map((b) => [
        str(b.data.benefit),
        day(b.data.due) ?? dash,
        str(b.data.evidence) || dash,
      ]),
      widths: [3.5, 1.8, 4.5],
      numeric: [false, false, false],
    });
  else blocks.push({ kind: 'paragraph', text: t('doc.none') });

  h(t('feedback.figures'));
  const target = num(event.data.sponsorshipTarget);
  blocks.push({
    kind: 'table',
    header: [t('report.summary.figure'), t('report.summary.value')],
    rows: [
      [t('feedback.fig.date'), eventDay ?? dash],
      [t('feedback.fig.cash'), money(sum(gifts, 'Income'))],
      [t('feedback.fig.inKind'), money(sum(gifts, 'In-kind'))],
      [t('feedback.fig.sponsors'), formatCount(new Set(gifts.map((l) => key(l.data.sponsorId))).size)],
      [t('feedback.fig.target'), target === null ? dash : money(target)],
    ],
    widths: [3, 2],
    numeric: [false, true],
  });

  const doc: DocModel = {
    name: feedbackFileName(lang, eventName, name, input.today),
    title: t('feedback.title', params),
    subtitle: input.department,
    pageHeader: t('feedback.pageHeader', params),
    language: lang,
    blocks,
  };
  return { doc, cash: sum(mine, 'Income'), inKind: sum(mine, 'In-kind'), delivered: delivered.length };
}

/** Named like the report (`Semester report — <Term> — <day>`): `Sponsor feedback — <Event> — <Sponsor> — <day>`. */
export function feedbackFileName(lang: Lang, event: string, sponsor: string, today: Day): string {
  return messages(lang)('feedback.fileName', { event, sponsor, date: today });
}
