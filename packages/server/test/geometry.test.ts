import { describe, expect, it } from 'vitest';
import { bboxOf, centroidOf } from '../src/modules/orgunits/geometry.ts';

describe('centroid', () => {
  it('of a 2×2 square is its middle, whatever the winding', () => {
    const ring: [number, number][] = [
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
      [0, 0],
    ];
    expect(centroidOf({ type: 'Polygon', coordinates: [ring] })).toEqual([1, 1]);
    expect(centroidOf({ type: 'Polygon', coordinates: [[...ring].reverse()] })).toEqual([1, 1]);
  });

  it('of a square with a hole moves away from the hole', () => {
    // 4×4 square (area 16, centroid 2,2) minus a 2×2 hole at 2..4 (area 4, centroid 3,3):
    // x = (16·2 − 4·3) / 12 = 20/12 = 1.66667.
    const outer: [number, number][] = [
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 4],
      [0, 0],
    ];
    const hole: [number, number][] = [
      [2, 2],
      [2, 4],
      [4, 4],
      [4, 2],
      [2, 2],
    ];
    expect(centroidOf({ type: 'Polygon', coordinates: [outer, hole] })).toEqual([1.66667, 1.66667]);
  });

  it('of two squares is weighted by area', () => {
    // 1×1 at (0.5,0.5) and 2×2 at (11,1): x = (1·0.5 + 4·11) / 5 = 8.9, y = (0.5 + 4) / 5 = 0.9.
    const small: [number, number][] = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    const big: [number, number][] = [
      [10, 0],
      [12, 0],
      [12, 2],
      [10, 2],
      [10, 0],
    ];
    expect(centroidOf({ type: 'MultiPolygon', coordinates: [[small], [big]] })).toEqual([8.9, 0.9]);
    expect(bboxOf({ type: 'MultiPolygon', coordinates: [[small], [big]] })).toEqual([0, 0, 12, 2]);
  });
});
