// Rewrites the configuration table in README.md from config/schema.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { withConfigTable } from '../config/describe.js';

const path = new URL('../README.md', import.meta.url);
writeFileSync(path, withConfigTable(readFileSync(path, 'utf8')));
console.log('README.md configuration table updated');
