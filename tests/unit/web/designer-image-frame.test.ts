// 导出图片's frame: the image is the nodes' box plus a margin at full size, shrunk as a whole (the
// transform with it) so that no side passes 2048 CSS px, which the PNG's 2× makes 4096 px.
import { frameForBounds } from '../../../web/src/designer/canvas/image-frame';

describe('the exported image frame', () => {
  it('is the nodes’ box plus a 32 px margin, translated so the box starts at the margin', () => {
    expect(frameForBounds({ x: 100, y: -40, width: 500, height: 100 })).toEqual({
      width: 564,
      height: 164,
      transform: 'translate(-68px, 72px) scale(1)',
    });
  });

  it.each([
    [{ x: 0, y: 0, width: 9936, height: 436 }, 2048, 103],
    [{ x: 0, y: 0, width: 400, height: 9936 }, 96, 2048],
  ])('shrinks %o to at most 2048 px a side: %i × %i', (bounds, width, height) => {
    const frame = frameForBounds(bounds);
    expect([frame.width, frame.height]).toEqual([width, height]);
    expect(Number(/scale\(([\d.]+)\)/.exec(frame.transform)?.[1])).toBeCloseTo(2048 / 10_000, 3);
  });
});
