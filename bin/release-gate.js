#!/usr/bin/env node
// Runs the TypeScript sources directly (through tsx), so a checkout needs no build step before `npx release-gate`.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
