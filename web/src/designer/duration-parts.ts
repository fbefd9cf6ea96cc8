// Durations as an admin picks them (an amount and a unit) and as the definition writes them: ISO 8601
// (P14D, PT2H, P1Y) or working days (5WD, the engine's own form, iso-durations.ts). Mixed durations
// such as P1DT2H have no single unit and stay as text.

export const DURATION_UNITS = ['H', 'D', 'WD', 'W', 'M', 'Y'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
export type DurationParts = { amount: number; unit: DurationUnit };

export function parseDurationParts(text: string): DurationParts | undefined {
  const match = /^(?:PT(\d+)H|P(\d+)([DWMY])|(\d+)WD)$/.exec(text);
  if (!match) return undefined;
  const [, hours, amount, unit, workingDays] = match;
  if (hours !== undefined) return { amount: Number(hours), unit: 'H' };
  if (workingDays !== undefined) return { amount: Number(workingDays), unit: 'WD' };
  return { amount: Number(amount), unit: unit as DurationUnit };
}

export function formatDurationParts({ amount, unit }: DurationParts): string {
  if (unit === 'H') return `PT${amount}H`;
  if (unit === 'WD') return `${amount}WD`;
  return `P${amount}${unit}`;
}

/** A cycle `Rn/<duration>`: how often and how many times; `count` absent for an unbounded cycle. */
export type CycleParts = { count?: number; every: DurationParts };

export function parseCycleParts(text: string): CycleParts | undefined {
  const match = /^R(\d*)\/(.+)$/.exec(text);
  const every = match ? parseDurationParts(match[2] ?? '') : undefined;
  // Working days do not repeat in ISO cycles: the engine reads cycles as ISO only.
  if (!match || !every || every.unit === 'WD') return undefined;
  return match[1] ? { count: Number(match[1]), every } : { every };
}

export function formatCycleParts({ count, every }: CycleParts): string {
  return `R${count ?? ''}/${formatDurationParts(every)}`;
}
