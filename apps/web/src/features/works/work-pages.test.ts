import { describe, expect, it } from 'vitest';
import { movedOrder } from './work-pages.tsx';

const pages = [1, 2, 3].map((id) => ({ id, workId: 9, title: `Page ${id}`, position: id - 1 }));

describe('movedOrder', () => {
  it('swaps a page with its neighbour and keeps the ends in place', () => {
    expect(movedOrder(pages, 2, -1)).toEqual([1, 3, 2]);
    expect(movedOrder(pages, 0, 1)).toEqual([2, 1, 3]);
    expect(movedOrder(pages, 0, -1)).toEqual([1, 2, 3]);
    expect(movedOrder(pages, 2, 1)).toEqual([1, 2, 3]);
  });
});
