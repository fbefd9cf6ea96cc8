// A wide table's sideways scroll, reachable from the keyboard: at phone width a table wider than the
// screen scrolls, and a region that scrolls must take focus so keyboard users can scroll it (WCAG
// 2.1.1; axe's scrollable-region-focusable). Antd's own `scroll.x` scrolls an inner element that
// cannot be given a tab stop, so the table goes in here with its minimum width instead.
import type { ReactNode } from 'react';

export function ScrollRegion({
  label,
  minWidth,
  children,
}: {
  /** What the region holds, as a screen reader announces it on focus. */
  label: string;
  /** The width under which the table scrolls sideways rather than squeezing its columns. */
  minWidth: number;
  children: ReactNode;
}) {
  return (
    <div className="sgf-scroll-region" role="region" aria-label={label} tabIndex={0}>
      <div style={{ minWidth }}>{children}</div>
    </div>
  );
}
