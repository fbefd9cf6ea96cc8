// Group commit for the embedded runtime's autocommit commands: transitions decided while earlier
// writes are still in flight wait and then go to the database together, one call and one commit
// for all of them. A command alone is written at once, so batching adds no delay when idle, and
// under load it saves each transition a round trip and a commit. A transition is acknowledged only
// after the call that wrote it committed.
import type { Pool } from 'pg';
import { writeTransitions, type TransitionWrite } from '../../activities/projection';

export interface TransitionWriter {
  /** Resolves true once written and committed, false if its guard refused it (nothing written). */
  write(write: TransitionWrite): Promise<boolean>;
}

export interface TransitionWriterOptions {
  /** Most transitions per call. */
  maxBatch?: number;
  /** Calls in flight at once; the database runs each on its own connection and core. */
  maxInFlight?: number;
}

interface Waiting {
  write: TransitionWrite;
  resolve: (written: boolean) => void;
  reject: (error: unknown) => void;
}

export function createTransitionWriter(pool: Pool, options: TransitionWriterOptions = {}): TransitionWriter {
  const maxBatch = options.maxBatch ?? 32;
  const maxInFlight = options.maxInFlight ?? 3;
  const queue: Waiting[] = [];
  let inFlight = 0;

  /**
   * The oldest waiting transitions, ordered by instance so that concurrent batches (of this and
   * other processes) lock instances in one order and cannot deadlock. The sort is stable: two
   * transitions of one instance keep their order, and the function applies them one after the other.
   */
  function takeBatch(): Waiting[] {
    const batch = queue.splice(0, maxBatch);
    const id = (w: Waiting) => w.write.transition.instanceId;
    return batch.sort((a, b) => (id(a) === id(b) ? 0 : id(a) < id(b) ? -1 : 1));
  }

  async function writeAlone(waiting: Waiting): Promise<void> {
    try {
      const [written] = await writeTransitions(pool, [waiting.write]);
      waiting.resolve(written === true);
    } catch (error) {
      waiting.reject(error);
    }
  }

  async function flush(batch: Waiting[]): Promise<void> {
    if (batch.length === 1) return writeAlone(batch[0]!);
    try {
      const written = await writeTransitions(
        pool,
        batch.map((w) => w.write),
      );
      batch.forEach((w, i) => w.resolve(written[i] === true));
    } catch {
      // The call rolled back whole; alone, each transition gets its own answer or its own error.
      await Promise.all(batch.map(writeAlone));
    }
  }

  function pump(): void {
    while (inFlight < maxInFlight && queue.length > 0) {
      inFlight += 1;
      void flush(takeBatch()).finally(() => {
        inFlight -= 1;
        pump();
      });
    }
  }

  let pumpScheduled = false;
  return {
    write(write) {
      return new Promise<boolean>((resolve, reject) => {
        queue.push({ write, resolve, reject });
        // Commands resumed by the same finished batch enqueue within one turn of the event loop:
        // waiting for the turn's end lets them share the next call instead of each taking one.
        if (pumpScheduled) return;
        pumpScheduled = true;
        setImmediate(() => {
          pumpScheduled = false;
          pump();
        });
      });
    },
  };
}
