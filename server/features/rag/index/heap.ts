/**
 * Bounded min-heap keeping the k best (highest-score) entries seen. The root is the worst kept
 * entry, so a candidate only costs a comparison unless it beats it.
 */
export class TopK {
  private readonly scores: Float64Array;
  private readonly items: Int32Array;
  private size = 0;

  constructor(private readonly k: number) {
    this.scores = new Float64Array(k);
    this.items = new Int32Array(k);
  }

  /** Lowest score kept, or -Infinity until the heap is full (anything is admitted then). */
  get threshold(): number {
    return this.size < this.k ? -Infinity : (this.scores[0] as number);
  }

  push(item: number, score: number): void {
    const { scores, items } = this;
    if (this.size < this.k) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if ((scores[parent] as number) <= score) break;
        scores[i] = scores[parent] as number;
        items[i] = items[parent] as number;
        i = parent;
      }
      scores[i] = score;
      items[i] = item;
      return;
    }
    if (score <= (scores[0] as number)) return;
    // Replace the root and sift down.
    let i = 0;
    const n = this.size;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && (scores[r] as number) < (scores[l] as number) ? r : l;
      if ((scores[c] as number) >= score) break;
      scores[i] = scores[c] as number;
      items[i] = items[c] as number;
      i = c;
    }
    scores[i] = score;
    items[i] = item;
  }

  /** Entries best first. */
  sorted(): { item: number; score: number }[] {
    const out: { item: number; score: number }[] = [];
    for (let i = 0; i < this.size; i++) out.push({ item: this.items[i] as number, score: this.scores[i] as number });
    return out.sort((a, b) => b.score - a.score || a.item - b.item);
  }
}
