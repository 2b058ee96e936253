/**
 * A multi-valued facet (themes, formats) of the search index, by pk: up to SLOTS value codes per
 * dataset side by side in one typed array, so counting walks memory in order instead of
 * following a pointer per dataset; the rare dataset with more values keeps the rest aside.
 */

const SLOTS = 4;
const EMPTY = -1;
/** In the last slot: the dataset's other values are in `more`. */
const MORE = -2;

export class ListColumn {
  slots = new Int32Array(0);
  readonly more = new Map<number, number[]>();

  /** Room for pks below `capacity`. */
  grow(capacity: number): void {
    const slots = new Int32Array(capacity * SLOTS).fill(EMPTY);
    slots.set(this.slots);
    this.slots = slots;
  }

  clear(pk: number): void {
    this.slots.fill(EMPTY, pk * SLOTS, (pk + 1) * SLOTS);
    this.more.delete(pk);
  }

  add(pk: number, code: number): void {
    const base = pk * SLOTS;
    for (let s = 0; s < SLOTS; s++) {
      const slot = this.slots[base + s];
      if (slot === EMPTY) return void (this.slots[base + s] = code);
      if (slot === MORE) return void this.more.get(pk)?.push(code);
    }
    this.more.set(pk, [this.slots[base + SLOTS - 1], code]);
    this.slots[base + SLOTS - 1] = MORE;
  }

  /** Adds one to the count of each value of each of the datasets. */
  countAll(pks: Int32Array, counts: Int32Array): void {
    const slots = this.slots;
    for (let k = 0; k < pks.length; k++) {
      const base = pks[k] * SLOTS;
      for (let s = 0; s < SLOTS; s++) {
        const slot = slots[base + s];
        if (slot >= 0) counts[slot] += 1;
        else {
          if (slot === MORE) for (const code of this.more.get(pks[k]) ?? []) counts[code] += 1;
          break;
        }
      }
    }
  }

  each(pk: number, visit: (code: number) => void): void {
    const base = pk * SLOTS;
    for (let s = 0; s < SLOTS; s++) {
      const slot = this.slots[base + s];
      if (slot >= 0) visit(slot);
      else {
        if (slot === MORE) for (const code of this.more.get(pk) ?? []) visit(code);
        return;
      }
    }
  }

  has(pk: number, code: number): boolean {
    const base = pk * SLOTS;
    for (let s = 0; s < SLOTS; s++) {
      const slot = this.slots[base + s];
      if (slot === code) return true;
      if (slot < 0) return slot === MORE && (this.more.get(pk)?.includes(code) ?? false);
    }
    return false;
  }
}
