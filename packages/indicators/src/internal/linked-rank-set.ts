import { RankSet } from './rank-set.js';

/**
 * A {@link RankSet} whose members are also chained in rank order, so that a member's neighbours
 * cost one array read instead of a climb through the bit levels: the search for the place of a
 * non-member stays O(log32 n) ({@link below}), everything else is O(1) apart from the set's own
 * insert and delete. Insertions must name the new member's predecessor, which the sweeps that use
 * it (the 3-D hypervolume contributions) always know.
 *
 * @example
 * const s = new LinkedRankSet(10);
 * s.insertAfter(-1, 4);
 * s.insertAfter(4, 7);
 * s.below(6); // => 4
 * s.next(4); // => 7
 */
export class LinkedRankSet {
  private readonly set: RankSet;
  private readonly nextOf: Int32Array;
  private readonly prevOf: Int32Array;
  private head = -1;

  constructor(capacity: number) {
    this.set = new RankSet(capacity);
    this.nextOf = new Int32Array(Math.max(1, capacity));
    this.prevOf = new Int32Array(Math.max(1, capacity));
  }

  /** Removes every member (to reuse the set). O(capacity / 32). */
  clear(): void {
    this.set.clear();
    this.head = -1;
  }

  /** The largest member smaller than `r` (any r >= 0), or -1. O(log32 n). */
  below(r: number): number {
    return this.set.prev(r);
  }

  /** The member after member `s`, or -1; for a deleted `s`, the member after it at deletion. */
  next(s: number): number {
    return this.nextOf[s]!;
  }

  /** The member before member `s`, or -1. */
  prev(s: number): number {
    return this.prevOf[s]!;
  }

  /** The first member after `p` (a member, or -1 for the smallest member), or -1. */
  after(p: number): number {
    return p >= 0 ? this.nextOf[p]! : this.head;
  }

  /** Inserts `r`, whose predecessor among the members is `p` (-1: none). */
  insertAfter(p: number, r: number): void {
    this.set.insert(r);
    const n = this.after(p);
    if (p >= 0) this.nextOf[p] = r;
    else this.head = r;
    this.prevOf[r] = p;
    this.nextOf[r] = n;
    if (n >= 0) this.prevOf[n] = r;
  }

  /** Removes member `s`; {@link next} of `s` still gives the member that followed it. */
  delete(s: number): void {
    this.set.delete(s);
    const p = this.prevOf[s]!;
    const n = this.nextOf[s]!;
    if (p >= 0) this.nextOf[p] = n;
    else this.head = n;
    if (n >= 0) this.prevOf[n] = p;
  }
}
