/**
 * Statistical disclosure control for published counts: the ministry sees every count from 1 to
 * threshold-1 as "<threshold", and no total lets a hidden count be worked out by subtraction.
 *
 * Cells are named counts; a group says that its parts add up to its total. A cell may sit in many
 * groups (a per-SSM total is a part of the province's and the total of its own breakdowns), so the
 * groups of a report cross like the rows and columns of a table.
 *
 * The reader we protect against knows the rules: a "small" cell lies in [1, threshold-1] (0 is
 * shown, since it is nobody), a "complementary" cell in [0, ∞), a shown cell is exact. A group is
 * safe when no hidden member's value follows from its equation and the others' bounds. Each group
 * is checked on its own (an exact check for one equation); a reader solving several equations at
 * once is not modelled, which is the usual cell-suppression compromise.
 */

export type Suppression = "small" | "complementary";

/** Cell ids; the values of `parts` add up to the value of `total`. */
export interface SuppressionGroup {
  parts: readonly string[];
  total: string;
}

/** A threshold below 3 would make "<2" name the value 1 outright. */
export const MIN_THRESHOLD = 3;

/**
 * The cells to hide: every count in [1, threshold) is "small"; then, until every group is safe,
 * the smallest non-zero shown member of an unsafe group is hidden too ("complementary").
 *
 * When every member of an unsafe group is already hidden (a "<5" total over four "<5" parts says
 * each part is 1), the smallest "small" member is hidden as "complementary" instead: its "<5"
 * bound is what gave the value away. Hiding only ever widens what a reader knows to be possible,
 * so a group made safe stays safe, and since a cell turns "complementary" at most once the loop
 * ends.
 */
export function suppressCells(
  values: ReadonlyMap<string, number>,
  groups: readonly SuppressionGroup[],
  threshold: number
): Map<string, Suppression> {
  checkThreshold(threshold);
  // Cells become indices into flat arrays: the loop below runs once per hidden cell per group, and
  // a quarter has some 1,500 cells in 250 groups.
  const ids = [...values.keys()];
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const value = new Float64Array(ids.length);
  ids.forEach((id, i) => {
    const v = values.get(id)!;
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`Cell ${id} is not a count: ${v}`);
    value[i] = v;
  });
  const compiled = groups.map((g) => compileGroup(g, indexOf, value));

  const status = new Uint8Array(ids.length);
  value.forEach((v, i) => {
    if (v >= 1 && v < threshold) status[i] = SMALL;
  });

  const groupsOfCell: number[][] = ids.map(() => []);
  compiled.forEach((g, index) => g.cells.forEach((cell) => groupsOfCell[cell]!.push(index)));

  // A work list rather than sweeps over every group: only groups touching a newly hidden cell can
  // have become unsafe.
  const queue = compiled.map((_, index) => index);
  const queued = new Uint8Array(compiled.length).fill(1);
  for (let head = 0; head < queue.length; head++) {
    const index = queue[head]!;
    queued[index] = 0;
    const group = compiled[index]!;
    while (firstExposed(group, value, status, threshold) !== -1) {
      const cell = nextToHide(group, value, status, ids);
      if (cell === -1) break; // Only a degenerate group (a total with no parts) gets here.
      status[cell] = COMPLEMENTARY;
      for (const other of groupsOfCell[cell]!) {
        if (other !== index && !queued[other]) {
          queued[other] = 1;
          queue.push(other);
        }
      }
    }
  }

  const hidden = new Map<string, Suppression>();
  ids.forEach((id, i) => {
    if (status[i] === SMALL) hidden.set(id, "small");
    else if (status[i] === COMPLEMENTARY) hidden.set(id, "complementary");
  });
  return hidden;
}

/** True when no hidden member of the group can be worked out from its equation. */
export function isGroupSafe(
  group: SuppressionGroup,
  values: ReadonlyMap<string, number>,
  hidden: ReadonlyMap<string, Suppression>,
  threshold: number
): boolean {
  return exposedMembers(group, values, hidden, threshold).length === 0;
}

/** The hidden members of a group whose value its equation pins down (see `exposedIn`). */
export function exposedMembers(
  group: SuppressionGroup,
  values: ReadonlyMap<string, number>,
  hidden: ReadonlyMap<string, Suppression>,
  threshold: number
): string[] {
  checkThreshold(threshold);
  const ids = [...group.parts, group.total];
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const value = Float64Array.from(ids, (id) => valueOf(values, id));
  const status = Uint8Array.from(ids, (id) => {
    const s = hidden.get(id);
    return s === "small" ? SMALL : s === "complementary" ? COMPLEMENTARY : SHOWN;
  });
  const compiled = compileGroup(group, indexOf, value);
  return exposedIn(compiled, value, status, threshold).map((cell) => ids[cell]!);
}

/**
 * Whether a ratio, mean or percentile over `count` items must be withheld: below the threshold it
 * describes too few people. A count of 0 is withheld too; such a measure is null anyway.
 */
export function hideSmallMeasure(count: number, threshold: number): boolean {
  return count < threshold;
}

const SHOWN = 0;
const SMALL = 1;
const COMPLEMENTARY = 2;

/** A group as cell indices, parts first and the total last, with each one's sign in Σ parts − total. */
interface CompiledGroup {
  cells: number[];
  signs: number[];
}

/**
 * A group that does not add up would make the reader model wrong (and hints at a bug in the
 * figures), and a cell listed twice would need a coefficient of 2: both are refused.
 */
function compileGroup(group: SuppressionGroup, indexOf: ReadonlyMap<string, number>, value: Float64Array): CompiledGroup {
  const ids = [...group.parts, group.total];
  if (new Set(ids).size !== ids.length) throw new RangeError(`Group of ${group.total} lists a cell twice`);
  const cells = ids.map((id) => {
    const cell = indexOf.get(id);
    if (cell === undefined) throw new RangeError(`No value for cell ${id}`);
    return cell;
  });
  const signs = cells.map((_, i) => (i < group.parts.length ? 1 : -1));
  const sum = cells.slice(0, -1).reduce((s, cell) => s + value[cell]!, 0);
  const total = value[cells[cells.length - 1]!]!;
  if (sum !== total) throw new RangeError(`Group of ${group.total} does not add up: parts ${sum}, total ${total}`);
  return { cells, signs };
}

/**
 * The hidden members whose value the group's equation pins down, given what a reader knows of the
 * other members: a shown cell is exact, a small one lies in [1, t-1], a complementary one in
 * [0, ∞). Each member's term (+x for a part, −x for the total) has an interval, and a member can
 * take exactly the values its own bounds share with the negated sum of the others' intervals. With
 * ±1 coefficients and integer bounds every integer in that intersection is reachable, so "a single
 * point" is an exact test.
 */
function exposedIn(group: CompiledGroup, value: Float64Array, status: Uint8Array, threshold: number): number[] {
  const exposed: number[] = [];
  for (
    let at = firstExposed(group, value, status, threshold);
    at !== -1;
    at = firstExposed(group, value, status, threshold, at + 1)
  ) {
    exposed.push(group.cells[at]!);
  }
  return exposed;
}

/** The position in the group of the first exposed member from `from` on, or -1. */
function firstExposed(group: CompiledGroup, value: Float64Array, status: Uint8Array, threshold: number, from = 0): number {
  const { cells, signs } = group;
  // Sums kept as a finite part plus a count of unbounded terms, so that one member can be taken
  // out again without computing ∞ − ∞. Only complementary cells are unbounded, and only above.
  let finiteLo = 0;
  let finiteHi = 0;
  let unboundedLo = 0;
  let unboundedHi = 0;
  let anyHidden = false;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    const s = status[cell]!;
    const [lo, hi] = boundsOf(value[cell]!, s, threshold);
    if (s !== SHOWN) anyHidden = true;
    if (signs[i] === 1) {
      finiteLo += lo;
      if (hi === Infinity) unboundedHi++;
      else finiteHi += hi;
    } else {
      finiteHi -= lo;
      if (hi === Infinity) unboundedLo++;
      else finiteLo -= hi;
    }
  }
  if (!anyHidden) return -1;
  for (let i = from; i < cells.length; i++) {
    const cell = cells[i]!;
    const s = status[cell]!;
    if (s === SHOWN) continue;
    const [lo, hi] = boundsOf(value[cell]!, s, threshold);
    const sign = signs[i]!;
    const termLo = sign === 1 ? lo : -hi;
    const termHi = sign === 1 ? hi : -lo;
    const othersLo =
      unboundedLo - (termLo === -Infinity ? 1 : 0) > 0 ? -Infinity : finiteLo - (termLo === -Infinity ? 0 : termLo);
    const othersHi = unboundedHi - (termHi === Infinity ? 1 : 0) > 0 ? Infinity : finiteHi - (termHi === Infinity ? 0 : termHi);
    // term = −(others), and the member's value is ±term.
    const fromLo = sign === 1 ? -othersHi : othersLo;
    const fromHi = sign === 1 ? -othersLo : othersHi;
    if (Math.min(hi, fromHi) <= Math.max(lo, fromLo)) return i;
  }
  return -1;
}

/** What a reader knows of a cell: its exact value when shown, else the range its marker allows. */
function boundsOf(value: number, status: number, threshold: number): [number, number] {
  if (status === SHOWN) return [value, value];
  if (status === SMALL) return [1, threshold - 1];
  return [0, Infinity];
}

/**
 * The member to hide next: the smallest non-zero shown one (hiding a 0 protects little); else the
 * smallest shown one; else the smallest "small" one, whose bound is then dropped. Parts before the
 * total at equal values (a hidden total hides the most useful figure), then by id, for determinism.
 */
function nextToHide(group: CompiledGroup, value: Float64Array, status: Uint8Array, ids: readonly string[]): number {
  const { cells } = group;
  const last = cells.length - 1;
  const before = (i: number, j: number) => {
    const a = cells[i]!;
    const b = cells[j]!;
    if (value[a] !== value[b]) return value[a]! < value[b]!;
    if ((i === last) !== (j === last)) return j === last;
    return ids[a]! < ids[b]!;
  };
  const best = (accept: (cell: number) => boolean) => {
    let found = -1;
    for (let i = 0; i < cells.length; i++) if (accept(cells[i]!) && (found === -1 || before(i, found))) found = i;
    return found === -1 ? -1 : cells[found]!;
  };
  const shownNonZero = best((cell) => status[cell] === SHOWN && value[cell]! > 0);
  if (shownNonZero !== -1) return shownNonZero;
  const shown = best((cell) => status[cell] === SHOWN);
  if (shown !== -1) return shown;
  return best((cell) => status[cell] === SMALL);
}

function valueOf(values: ReadonlyMap<string, number>, id: string): number {
  const value = values.get(id);
  if (value === undefined) throw new RangeError(`No value for cell ${id}`);
  return value;
}

function checkThreshold(threshold: number): void {
  if (!Number.isSafeInteger(threshold) || threshold < MIN_THRESHOLD) {
    throw new RangeError(`Suppression threshold must be an integer of at least ${MIN_THRESHOLD}: ${threshold}`);
  }
}
