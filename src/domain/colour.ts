function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** Black or white text (hex, no "#"), whichever has the higher WCAG contrast on the fill. */
export function readableTextColour(fill: string): "000000" | "FFFFFF" {
  if (!/^[0-9a-f]{6}$/i.test(fill)) return "000000";
  const l = luminance(fill);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "000000" : "FFFFFF";
}

/** WCAG contrast ratio of two hex colours (no "#"). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
