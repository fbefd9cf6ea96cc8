// Saved views of the project list: a name the person chose and the list's query string, kept in
// this browser's localStorage under the person's id (an office computer may be shared).
export interface SavedView {
  name: string;
  /** The list's filters as `searchFromFilters` writes them, without the leading `?`. */
  search: string;
}

/** What the views need of localStorage (which satisfies it); tests pass a map-backed one. */
export interface ViewStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const storageKey = (userId: string) => `sgf.projectViews.${userId}`;

const isSavedView = (value: unknown): value is SavedView =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as SavedView).name === 'string' &&
  typeof (value as SavedView).search === 'string';

/** The person's views, oldest first; anything unreadable in storage counts as none. */
export function readSavedViews(storage: ViewStore, userId: string): SavedView[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(storageKey(userId)) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isSavedView) : [];
  } catch {
    return [];
  }
}

/** Saves a view under its name, replacing one of the same name; returns the new list. */
export function saveView(storage: ViewStore, userId: string, view: SavedView): SavedView[] {
  const views = [...readSavedViews(storage, userId).filter((saved) => saved.name !== view.name), view];
  storage.setItem(storageKey(userId), JSON.stringify(views));
  return views;
}

export function deleteView(storage: ViewStore, userId: string, name: string): SavedView[] {
  const views = readSavedViews(storage, userId).filter((saved) => saved.name !== name);
  storage.setItem(storageKey(userId), JSON.stringify(views));
  return views;
}
