const PAGE_BITS = 1 << 16;

/**
 * A set of positive 31-bit integers as a paged bitset: 8 KiB per 65,536-id range in use, so the
 * ids of a 4M-row file cost ~0.5 MiB where a Set<number> would cost ~100 MiB.
 */
export class IdSet {
  private readonly pages = new Map<number, Uint32Array>();

  has(id: number): boolean {
    const page = this.pages.get(Math.floor(id / PAGE_BITS));
    if (!page) return false;
    const bit = id % PAGE_BITS;
    return (page[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }

  add(id: number): void {
    const key = Math.floor(id / PAGE_BITS);
    let page = this.pages.get(key);
    if (!page) {
      page = new Uint32Array(PAGE_BITS / 32);
      this.pages.set(key, page);
    }
    const bit = id % PAGE_BITS;
    page[bit >>> 5]! |= 1 << (bit & 31);
  }
}
