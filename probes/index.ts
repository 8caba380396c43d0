/** Every probe, in the order they run and are reported. */
import { DOCS_DRIVE } from './docs-drive';
import { SERVICES } from './services';
import { SHEETS_LIVE } from './sheets-live';
import { SHEETS_REFERENCE } from './sheets-reference';
import type { Probe } from './types';

export const PROBES: Probe[] = [...SHEETS_LIVE, ...SHEETS_REFERENCE, ...DOCS_DRIVE, ...SERVICES];
