const PAGE_BITS = 1 << 16;

/**
 * A set of positive 31-bit integers as a paged bitset: 8 KiB per 65,536-id range in use, so the
 * ids of a 4M-row file cost ~0.5 MiB where a Set<number> would cost ~100 MiB.
 */
export class IdSet {
  private readonly pages = new Map<number, Uint32Array>();

  has(id: number): boolean {
    const page = this.pages.get(id >>> 16);
    if (!page) return false;
    const bit = id & (PAGE_BITS - 1);
    return (page[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }

  add(id: number): void {
    const key = id >>> 16;
    let page = this.pages.get(key);
    if (!page) {
      page = new Uint32Array(PAGE_BITS / 32);
      this.pages.set(key, page);
    }
    const bit = id & (PAGE_BITS - 1);
    page[bit >>> 5]! |= 1 << (bit & 31);
  }
}
