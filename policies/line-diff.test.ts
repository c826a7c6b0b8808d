import { describe, expect, it } from 'vitest';
import { formatLineDiff, lineDiff } from './line-diff.js';

describe('the line diff', () => {
  it('keeps the longest common subsequence and marks the rest', () => {
    const d = lineDiff('a\nb\nc\nd', 'a\nc\nx\nd');
    expect(d).toEqual([
      { op: ' ', text: 'a' }, { op: '-', text: 'b' }, { op: ' ', text: 'c' }, { op: '+', text: 'x' }, { op: ' ', text: 'd' },
    ]);
  });

  it('handles empty sides and identical text', () => {
    expect(lineDiff('same\ntext', 'same\ntext').every((l) => l.op === ' ')).toBe(true);
    expect(lineDiff('', 'x')).toEqual([{ op: '-', text: '' }, { op: '+', text: 'x' }]);
  });

  it('shows changes with context and elides the unchanged middle', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n');
    const after = before.replace('line 2\n', 'line two\n').replace('line 17', 'line seventeen');
    const out = formatLineDiff(lineDiff(before, after), 1);
    expect(out).toEqual([
      '  ...', '  line 1', '- line 2', '+ line two', '  line 3', '  ...', '  line 16', '- line 17', '+ line seventeen', '  line 18', '  ...',
    ]);
  });

  it('falls back to old-then-new past the size bound instead of a huge table', () => {
    const d = lineDiff('a\nb', 'b\nc', 1);
    expect(d.map((l) => l.op).join('')).toBe('--++');
  });
});
