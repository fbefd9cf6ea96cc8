// The heads (负责人) of the units on an instance's line, as `unitHead` rules read them: fixed by the
// `started` event, kept live by `unitHeadChanged` when an admin names a new head while it runs.
import type { ParsedEngineEvent } from './engine-events';
import { rejectWith } from './localized-message';
import type { Run } from './run-context';
import { unitLineOf } from './task-eligibility';

/**
 * Steps that open after this go to the new head; tasks already open stay with the old one (as in
 * DingTalk: he can still 转办 them). A unit off the instance's line is refused, so a host's mistake
 * never plants a head the instance could not use.
 */
export function changeUnitHead(
  run: Run,
  event: Extract<ParsedEngineEvent, { type: 'unitHeadChanged' }>,
): void {
  const line = unitLineOf(run.state);
  if (line === 'any' || !line.includes(event.unitId))
    rejectWith(
      'UNIT_NOT_ON_LINE',
      `机构 ${event.unitName ?? event.unitId} 不是本项目所属机构或其上级机构`,
      `unit ${event.unitId} is not the instance's unit or above it`,
    );
  const { [event.unitId]: _previous, ...others } = run.state.unitHeads ?? {};
  run.state.unitHeads = event.headId === null ? others : { ...others, [event.unitId]: event.headId };
}
