// end: the path ends here; an end may name the outcome, and a terminate end stops every other path.
import type { NodeOf } from '../definition-schema';
import type { Token } from '../instance-state';
import { discardAllTokens, type Run } from '../run-context';

export function enterEnd(run: Run, node: NodeOf<'end'>, token: Token): void {
  delete run.state.tokens[token.id];
  if (node.outcome !== undefined) run.state.outcome = node.outcome;
  if (node.terminate) discardAllTokens(run);
}
