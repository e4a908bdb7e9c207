/** Relative luminance of an sRGB colour (WCAG 2), from a `#rrggbb` string. */
export function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio of two `#rrggbb` colours. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

function hslToHex(hue: number, saturation: number, lightness: number): string {
  const s = saturation / 100;
  const l = lightness / 100;
  const k = (n: number) => (n + hue / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return `#${[f(0), f(8), f(4)]
    .map((x) =>
      Math.round(x * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/**
 * A user's caret colour: the same for a user everywhere (hashed from the id), spread around the
 * colour wheel, and dark enough that the white name label on it reads at 4.5:1 or better.
 */
export function colorForUser(userId: number): string {
  // Steps of the golden angle put any few neighbouring ids far apart on the wheel.
  const degrees = (userId * 137.508) % 360;
  for (let lightness = 38; lightness > 10; lightness -= 2) {
    const color = hslToHex(degrees, 70, lightness);
    if (contrastRatio(color, '#ffffff') >= 4.5) return color;
  }
  return '#1d1b18';
}
