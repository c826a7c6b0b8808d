import { describe, expect, it } from 'vitest';
import { renderTable } from './table.js';

describe('renderTable', () => {
  it('pads every column but the last, with a dashed line under the header only when asked', () => {
    const rows = [['1', 'alice', 'first note'], ['22', 'bob', '']];
    expect(renderTable(['N', 'WHO', 'NOTE'], rows)).toBe('N   WHO    NOTE\n1   alice  first note\n22  bob');
    expect(renderTable(['N', 'WHO', 'NOTE'], rows, { separator: true })).toBe('N   WHO    NOTE\n--  -----  ----------\n1   alice  first note\n22  bob');
  });
});
