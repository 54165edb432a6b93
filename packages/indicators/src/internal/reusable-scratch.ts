/**
 * A source of scratch space for calls on n items, kept between calls while n is at most
 * `keepUpTo`: a typed array longer than 64 bytes lives outside V8's heap and costs a microsecond
 * or two to allocate, a large share of a call on a few hundred points. Larger calls get space of
 * their own, so little memory stays referenced. The space is shared by every call: a function
 * using it must not call itself. Space is made for at least 64 items. O(1) when kept.
 *
 * @example
 * const scratch = reusableScratch((capacity) => new Float64Array(capacity), 4096);
 * scratch(10) === scratch(20) // => true
 */
export function reusableScratch<T>(create: (capacity: number) => T, keepUpTo: number): (n: number) => T {
  let kept: T | undefined;
  let keptCapacity = -1;
  return (n) => {
    if (kept !== undefined && keptCapacity >= n) return kept;
    const capacity = Math.max(n, 64);
    const fresh = create(capacity);
    if (capacity <= keepUpTo) {
      kept = fresh;
      keptCapacity = capacity;
    }
    return fresh;
  };
}
