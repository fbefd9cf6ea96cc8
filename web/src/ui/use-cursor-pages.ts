// Page-by-page walking of a cursor-paginated list: the cursors seen so far form a stack, so "previous"
// returns to exactly the page shown before. A change of filters starts again at the first page.
import { useState } from 'react';

interface CursorStack {
  filtersKey: string;
  cursors: Array<string | undefined>;
}

export interface CursorPages {
  cursor: string | undefined;
  pageNumber: number;
  hasPrevious: boolean;
  next: (nextCursor: string) => void;
  previous: () => void;
}

export function useCursorPages(filtersKey: string): CursorPages {
  const [stack, setStack] = useState<CursorStack>({ filtersKey, cursors: [undefined] });
  const cursors = stack.filtersKey === filtersKey ? stack.cursors : [undefined];
  return {
    cursor: cursors[cursors.length - 1],
    pageNumber: cursors.length,
    hasPrevious: cursors.length > 1,
    next: (nextCursor) => setStack({ filtersKey, cursors: [...cursors, nextCursor] }),
    previous: () => setStack({ filtersKey, cursors: cursors.length > 1 ? cursors.slice(0, -1) : cursors }),
  };
}
