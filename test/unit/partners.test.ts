/**
 * The partner rules (issue 13) as pure functions: which benefits and loans are due on which
 * day and to whom, that Done needs an evidence link, and the commitment figures per sponsor
 * (term filter, gap never below zero, no pledge = no gap, owed benefits earliest first).
 */
import { describe, expect, it } from 'vitest';
import { benefitErrors, partnerItems } from '../../src/domain/partners/benefits';
import type { RecordData, SheetRecord } from '../../src/domain/records';
import { computeCommitments, outstandingLoans } from '../../src/domain/report/commitments';

let row = 1;
const rec = (data: RecordData, problems: string[] = []): SheetRecord => ({ row: ++row, data, problems });

const sponsors = [
  rec({ id: 'S-0001', organization: 'Campus Telecom', pledged: 1000, inKindPledged: '20 tents' }),
];
const benefit = (due: string | null, status = 'Promised', owner = 'a@x.edu') =>
  rec({ id: 'B-0001', sponsorId: 'S-0001', benefit: 'Logo', due, owner, status });
const loan = (returnBy: string | null, returned: string | null = null, problems: string[] = []) =>
  rec(
    {
      id: 'L-0001',
      type: 'In-kind',
      sponsorId: 's-0001',
      description: 'Tents',
      quantity: 20,
      amount: 2000,
      handledBy: 'H@x.edu',
      returnBy,
      returned,
    },
    problems,
  );
const items = (today: string, benefits: SheetRecord[], ledger: SheetRecord[] = []) =>
  partnerItems({ today, benefits, ledger, sponsors, treasurers: ['t@x.edu', 'h@x.edu'] }).map((p) =>
    `${p.to} ${p.item.kind} ${p.item.as ?? ''}`.trim(),
  );

describe('partner reminders', () => {
  it('a Promised benefit: from 3 days before Due on, to its Owner; Done or undated: never', () => {
    expect(items('2026-05-16', [benefit('2026-05-20')])).toEqual([]);
    expect(items('2026-05-17', [benefit('2026-05-20')])).toEqual(['a@x.edu benefit']);
    expect(items('2026-06-30', [benefit('2026-05-20')])).toEqual(['a@x.edu benefit']);
    expect(items('2026-05-20', [benefit('2026-05-20', 'Done')])).toEqual([]);
    expect(items('2026-05-20', [benefit(null)])).toEqual([]);
    expect(items('2026-05-20', [benefit('2026-05-20', 'Promised', '')])).toEqual([]);
  });

  it('lent goods: from Return By on, to the handler and the other Treasurers, until Returned', () => {
    expect(items('2026-05-21', [], [loan('2026-05-22')])).toEqual([]);
    expect(items('2026-05-22', [], [loan('2026-05-22')])).toEqual([
      'h@x.edu loan handler',
      't@x.edu loan treasurer',
    ]);
    expect(items('2026-05-30', [], [loan('2026-05-22', '2026-05-23')])).toEqual([]);
    // A Returned cell typed by hand that is not a date still means they came back.
    expect(
      items('2026-05-30', [], [loan('2026-05-22', null, ['Returned: "last week" is not a date'])]),
    ).toEqual([]);
    expect(items('2026-05-30', [], [loan(null)])).toEqual([]);
  });

  it('Done needs an evidence link', () => {
    expect(benefitErrors({ status: 'Promised', evidence: '' })).toEqual([]);
    expect(benefitErrors({ status: 'Done', evidence: '' }).map((e) => e.message)).toEqual([
      'Evidence is needed to mark a benefit Done: paste a link to the proof (a photo of the banner, a post).',
    ]);
    expect(benefitErrors({ status: 'Done', evidence: 'photo on my phone' })[0]!.code).toBe('evidenceLink');
    expect(benefitErrors({ status: 'Done', evidence: 'https://x.example/p.jpg' })).toEqual([]);
  });
});

describe('commitments per sponsor', () => {
  const ledger = [
    rec({ id: 'L-1', date: '2026-03-01', type: 'Income', sponsorId: 'S-0001', amount: 400 }),
    rec({ id: 'L-2', date: '2026-03-02', type: 'Income', sponsorId: 'S-0001', amount: 900 }),
    rec({ id: 'L-3', date: '2025-12-01', type: 'Income', sponsorId: 'S-0001', amount: 5000 }), // last term
    rec({ id: 'L-4', date: '2026-03-03', type: 'In-kind', sponsorId: 'S-0001', quantity: 20, amount: 2000 }),
    rec({ id: 'L-5', date: '2026-03-04', type: 'Expense', sponsorId: 'S-0001', amount: 70 }),
    rec({ id: 'L-6', date: '2026-03-05', type: 'Income', sponsorId: 'S-0002', amount: 50 }),
  ];
  const term = { start: '2026-02-20', end: '2026-07-10' };

  it('pledged against received in the term; the gap is never below zero; no pledge, no gap', () => {
    const more = [
      ...sponsors,
      rec({ id: 'S-0002', organization: 'Bakery' }),
      rec({ id: 'S-0003', organization: 'Idle' }),
    ];
    const benefits = [
      rec({ id: 'B-2', sponsorId: 'S-0001', benefit: 'Booth', due: '2026-06-01', status: 'Promised' }),
      rec({ id: 'B-1', sponsorId: 'S-0001', benefit: 'Logo', due: '2026-04-01', status: 'Promised' }),
      rec({ id: 'B-3', sponsorId: 'S-0001', benefit: 'Stage', due: '2026-03-01', status: 'Done' }),
    ];
    const c = computeCommitments({ sponsors: more, ledger, benefits, ...term });
    expect(c.map((x) => x.id)).toEqual(['S-0001', 'S-0002']); // S-0003 pledged nothing and got nothing
    expect(c[0]).toMatchObject({ pledged: 1000, cash: 1300, gap: 0, inKindQuantity: 20, inKindValue: 2000 });
    expect(c[0]!.owed.map((b) => b.id)).toEqual(['B-1', 'B-2']);
    expect(c[1]).toMatchObject({ pledged: null, cash: 50, gap: null, owed: [] });
  });

  it('outstanding loans: out and not back, whatever their date; overdue once past Return By', () => {
    const l = outstandingLoans(
      [loan('2026-05-22'), loan('2026-05-22', '2026-05-21'), loan(null)],
      sponsors,
      '2026-05-23',
    );
    expect(l).toEqual([
      {
        id: 'L-0001',
        sponsor: 'Campus Telecom',
        description: 'Tents',
        quantity: 20,
        returnBy: '2026-05-22',
        handledBy: 'h@x.edu',
        overdue: true,
      },
    ]);
    expect(outstandingLoans([loan('2026-05-22')], sponsors, '2026-05-22')[0]!.overdue).toBe(false);
  });
});
