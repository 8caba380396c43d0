/**
 * A small department with a sponsor, an event, two benefits (one Promised, one Done with its
 * evidence) and two In-kind loans (one out, one back), for the partner bundle tests.
 */
import { put, workbook } from './reminders-fixture';

export const OFFICER = 'officer1@x.edu';
export const OTHER = 'officer2@x.edu';

export function fixture() {
  const f = workbook({ now: new Date('2026-05-10T01:00:00Z') });
  put(f.ss, 'Sponsors', [
    { 'Sponsor ID': 'S-0001', Organization: 'Campus Telecom', Stage: 'Committed', Owner: OFFICER },
  ]);
  put(f.ss, 'Events', [
    {
      'Event ID': 'E-0001',
      Name: 'Basketball final',
      Date: '2026-05-20',
      Lead: OFFICER,
      Status: 'Confirmed',
    },
  ]);
  put(f.ss, 'Benefits', [
    {
      'Benefit ID': 'B-0001',
      'Sponsor ID': 'S-0001',
      'Event ID': 'E-0001',
      Benefit: 'Logo on the banner',
      Due: '2026-05-20',
      Owner: OFFICER,
      Status: 'Promised',
    },
    {
      'Benefit ID': 'B-0002',
      'Sponsor ID': 'S-0001',
      Benefit: 'A booth at the final',
      Due: '2026-05-12',
      Owner: OFFICER,
      Status: 'Done',
      Evidence: 'https://photos.example.com/booth.jpg',
    },
  ]);
  put(f.ss, 'Ledger', [
    {
      'Entry ID': 'L-0001',
      Date: '2026-05-01',
      Type: 'In-kind',
      'Event ID': 'E-0001',
      'Sponsor ID': 'S-0001',
      Description: 'Tents for basketball final',
      Quantity: 20,
      Amount: 2000,
      'Handled By': OTHER,
      Status: 'Settled',
      'Return By': '2026-05-22',
    },
    {
      'Entry ID': 'L-0002',
      Date: '2026-05-01',
      Type: 'In-kind',
      'Sponsor ID': 'S-0001',
      Description: 'Banners on loan, already back',
      Quantity: 2,
      Amount: 300,
      'Handled By': OTHER,
      Status: 'Settled',
      'Return By': '2026-05-15',
      Returned: '2026-05-14',
    },
  ]);
  return f;
}
