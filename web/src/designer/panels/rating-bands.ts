// A review's rating bands are read from the best down (the first band whose min the score reaches
// names the rating), so a band whose min is not below the one before it can never be reached.

export type RatingBand = { min: number; rating: string };

/** The index of the first band whose min does not descend from the one before it, if any. */
export function firstBandOutOfOrder(bands: readonly RatingBand[]): number | undefined {
  const index = bands.findIndex((band, at) => at > 0 && band.min >= bands[at - 1]!.min);
  return index === -1 ? undefined : index;
}
