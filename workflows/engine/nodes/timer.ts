// timer: wait a duration, until a date, or on a cycle. A cycle path loops back to its timer; each
// firing is scheduled from the cycle's anchor (anchor + k × period) so late loops do not drift.
import type { NodeOf } from '../definition-schema';
import { evaluateCondition } from '../feel-conditions';
import { raiseIncident } from '../incidents';
import type { OpenTimer, Token } from '../instance-state';
import { addDefinitionDuration, addDuration, parseCycle, parseDateOrInstant, toIso } from '../iso-durations';
import { rejectWith } from '../localized-message';
import { feelContext, leave, type Run, scheduleTimer } from '../run-context';

export function enterTimer(run: Run, node: NodeOf<'timer'>, token: Token): void {
  const spec = node.timer;
  let fireAt: string;
  switch (spec.type) {
    case 'duration':
      fireAt = addDefinitionDuration(run.now, spec.duration, run.calendar);
      break;
    case 'date': {
      const raw = spec.dateVariable ? run.state.variables[spec.dateVariable] : spec.date;
      const date = typeof raw === 'string' ? parseDateOrInstant(raw) : undefined;
      if (!date)
        rejectWith(
          'TIMER_DATE_INVALID',
          `定时节点 ${node.name} 的日期无效`,
          `timer ${node.id} has no valid date`,
        );
      fireAt = toIso(date);
      break;
    }
    case 'cycle': {
      const cycle = parseCycle(spec.cycle);
      if (!cycle) throw new Error(`invalid cycle ${spec.cycle}`);
      const progress = token.cycles?.[node.id] ?? { fired: 0, anchor: run.now };
      const exhausted = cycle.repetitions !== undefined && progress.fired >= cycle.repetitions;
      let until = false;
      if (!exhausted && spec.until !== undefined) {
        const context = feelContext(run);
        const result = evaluateCondition(spec.until, context);
        if (!result.ok) {
          raiseIncident(run, token, { expression: spec.until, error: result.error, context });
          return;
        }
        until = result.holds;
      }
      if (exhausted || until) {
        if (token.cycles) delete token.cycles[node.id];
        leave(run, token, 'done');
        return;
      }
      token.cycles = { ...token.cycles, [node.id]: progress };
      fireAt = addDuration(progress.anchor, cycle.period, progress.fired + 1);
      break;
    }
  }
  token.wait = {
    kind: 'timer',
    timerId: scheduleTimer(run, node.id, fireAt, 'timer', { tokenId: token.id }),
  };
}

export function fireNodeTimer(run: Run, timer: OpenTimer, token: Token): void {
  const node = run.graph.nodes.get(timer.nodeId) as NodeOf<'timer'>;
  delete run.state.timers[timer.id];
  const progress = token.cycles?.[node.id];
  if (node.timer.type === 'cycle' && progress) progress.fired += 1;
  leave(run, token);
}
