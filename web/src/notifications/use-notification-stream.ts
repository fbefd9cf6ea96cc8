// Keeps the badge and the drawer current from the server's event stream (GET
// /api/notifications/stream): `unread` carries the count, `notification` a new item. EventSource
// reconnects by itself after a dropped connection or when the server ends a stream; when it gives
// up (an error answer, e.g. the server restarting behind a proxy) this hook opens a new one after
// a growing pause. Every connect starts with the current count, and the drawer's pages reload, so
// nothing that arrived while away is missed.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { notificationKeys, setUnread } from './notification-hooks';

const STREAM_PATH = '/api/notifications/stream';
const FIRST_PAUSE_MS = 2_000;
const LONGEST_PAUSE_MS = 60_000;

export type StreamState = 'connecting' | 'live' | 'reconnecting';

export function useNotificationStream(enabled: boolean): StreamState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<StreamState>('connecting');

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return undefined;
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let pause = FIRST_PAUSE_MS;
    let stopped = false;

    const connect = () => {
      source = new EventSource(STREAM_PATH, { withCredentials: true });
      source.onopen = () => {
        pause = FIRST_PAUSE_MS;
        setState('live');
        void queryClient.invalidateQueries({ queryKey: [...notificationKeys.all, 'list'] });
      };
      source.addEventListener('unread', (event) => {
        const { unread } = JSON.parse((event as MessageEvent<string>).data) as { unread: number };
        setUnread(queryClient, unread);
      });
      source.addEventListener('notification', () => {
        void queryClient.invalidateQueries({ queryKey: [...notificationKeys.all, 'list'] });
      });
      source.onerror = () => {
        setState('reconnecting');
        if (source?.readyState !== EventSource.CLOSED || stopped) return;
        retry = setTimeout(connect, pause);
        pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [enabled, queryClient]);

  return state;
}
