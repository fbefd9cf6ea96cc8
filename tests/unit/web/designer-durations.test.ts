// The designer's duration and cycle pickers read and write what the engine accepts.
import { isDefinitionDuration, parseCycle } from '../../../workflows/engine/iso-durations';
import {
  formatCycleParts,
  formatDurationParts,
  parseCycleParts,
  parseDurationParts,
} from '../../../web/src/designer/duration-parts';

describe('duration parts', () => {
  it.each([
    ['PT2H', 2, 'H'],
    ['P14D', 14, 'D'],
    ['5WD', 5, 'WD'],
    ['P2W', 2, 'W'],
    ['P3M', 3, 'M'],
    ['P1Y', 1, 'Y'],
  ])('reads %s as %d %s and writes it back as the engine accepts it', (text, amount, unit) => {
    expect(parseDurationParts(text)).toEqual({ amount, unit });
    expect(formatDurationParts({ amount, unit: unit as 'H' })).toBe(text);
    expect(isDefinitionDuration(text)).toBe(true);
  });

  it('leaves mixed or foreign durations to a text field', () => {
    expect(['P1DT2H', 'P5WD', '14', ''].map(parseDurationParts)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('reads and writes cycles the engine parses, bounded or not', () => {
    expect(parseCycleParts('R4/P1Y')).toEqual({ count: 4, every: { amount: 1, unit: 'Y' } });
    expect(parseCycleParts('R/P1M')).toEqual({ every: { amount: 1, unit: 'M' } });
    expect(parseCycleParts('R4/5WD')).toBeUndefined();
    const written = formatCycleParts({ count: 12, every: { amount: 1, unit: 'M' } });
    expect(written).toBe('R12/P1M');
    expect(parseCycle(written)).toMatchObject({ repetitions: 12 });
  });
});
