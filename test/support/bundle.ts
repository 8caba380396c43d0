/** The add-on as built for this test run (see global-setup.ts). */
import { inject } from 'vitest';

export const bundleDir = (): string => inject('bundleDir');
