// The configuration of `npm run record-histories`: the normal test stack, running only the recording file.
import { defineConfig } from 'vitest/config';
import base from '../../vitest.config.js';

export default defineConfig({
  ...base,
  root: new URL('../../', import.meta.url).pathname,
  test: { ...base.test, include: ['test/audit/record-histories.record.ts'] },
});
