/**
 * Minimum-cost perfect assignment (the Hungarian method with potentials, O(size³)).
 * `cost[row * size + col]` is the cost of giving column `col` to row `row`; every entry must be finite.
 * Returns `colOfRow`. Deterministic: ties are resolved by index order.
 */
export function minCostAssignment(cost: Float64Array, size: number): Int32Array {
  const u = new Float64Array(size + 1);
  const v = new Float64Array(size + 1);
  const rowOfCol = new Int32Array(size + 1); // 1-based rows; 0 = free
  const way = new Int32Array(size + 1);
  const minv = new Float64Array(size + 1);
  const used = new Uint8Array(size + 1);
  for (let row = 1; row <= size; row++) {
    rowOfCol[0] = row;
    let col0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[col0] = 1;
      const row0 = rowOfCol[col0] as number;
      const base = (row0 - 1) * size - 1;
      const u0 = u[row0] as number;
      let delta = Infinity;
      let col1 = 0;
      for (let col = 1; col <= size; col++) {
        if (used[col]) continue;
        const cur = (cost[base + col] as number) - u0 - (v[col] as number);
        if (cur < (minv[col] as number)) {
          minv[col] = cur;
          way[col] = col0;
        }
        if ((minv[col] as number) < delta) {
          delta = minv[col] as number;
          col1 = col;
        }
      }
      for (let col = 0; col <= size; col++) {
        if (used[col]) {
          const r = rowOfCol[col] as number;
          u[r] = (u[r] as number) + delta;
          v[col] = (v[col] as number) - delta;
        } else {
          minv[col] = (minv[col] as number) - delta;
        }
      }
      col0 = col1;
    } while (rowOfCol[col0] !== 0);
    do {
      const col1 = way[col0] as number;
      rowOfCol[col0] = rowOfCol[col1] as number;
      col0 = col1;
    } while (col0 !== 0);
  }
  const colOfRow = new Int32Array(size);
  for (let col = 1; col <= size; col++) colOfRow[(rowOfCol[col] as number) - 1] = col - 1;
  return colOfRow;
}
