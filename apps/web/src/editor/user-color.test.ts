import { describe, expect, it } from 'vitest';
import { colorForUser, contrastRatio } from './user-color.ts';

describe('colorForUser', () => {
  it('gives a user the same colour every time', () => {
    expect(colorForUser(42)).toBe(colorForUser(42));
  });

  it('gives neighbouring users different colours', () => {
    const colors = new Set([1, 2, 3, 4, 5, 6, 7, 8].map(colorForUser));
    expect(colors.size).toBe(8);
  });

  it('keeps a white name label readable (4.5:1) on every colour', () => {
    for (let id = 1; id <= 500; id += 1) {
      const color = colorForUser(id);
      expect(color).toMatch(/^#[0-9a-f]{6}$/);
      expect(contrastRatio(color, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('colours of people working together', () => {
  it('puts accounts created one after another far apart on the colour wheel', () => {
    const hue = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255);
      const max = Math.max(r!, g!, b!);
      const min = Math.min(r!, g!, b!);
      const d = max - min;
      const h = max === r ? ((g! - b!) / d) % 6 : max === g ? (b! - r!) / d + 2 : (r! - g!) / d + 4;
      return (h * 60 + 360) % 360;
    };
    for (const [a, b] of [
      [10, 11],
      [10, 12],
      [10, 13],
    ] as const) {
      const distance = Math.abs(hue(colorForUser(a)) - hue(colorForUser(b)));
      expect(Math.min(distance, 360 - distance)).toBeGreaterThan(40);
    }
  });
});
