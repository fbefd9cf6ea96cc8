// review: committee scoring on a weighted rubric. Each reviewer's total is a 0-100 weighted score;
// recused reviewers are left out; the mean of the others goes to the result variable.
import type { NodeOf, RubricCriterion } from '../definition-schema';
import type { ParsedEngineEvent } from '../engine-events';
import type { ReviewResponse, Token } from '../instance-state';
import { rejectWith } from '../localized-message';
import { closeTask, leave, openTask, resolveAssignee, type Run } from '../run-context';
import { openTaskFor } from './task-access';

const SINGLE = 'subject';

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Σ weight × score / max, scaled so that full marks on every criterion give 100. */
export function weightedTotal(rubric: RubricCriterion[], scores: Record<string, number>): number {
  const weights = rubric.reduce((sum, criterion) => sum + criterion.weight, 0);
  const earned = rubric.reduce(
    (sum, criterion) => sum + (criterion.weight * (scores[criterion.id] ?? 0)) / criterion.max,
    0,
  );
  return round2((earned / weights) * 100);
}

export function aggregateScores(
  responses: ReviewResponse[],
  subjects: string[],
): Record<string, number | null> {
  const result: Record<string, number | null> = {};
  for (const subject of subjects) {
    const totals = responses
      .map((response) => response.totals[subject])
      .filter((total): total is number => typeof total === 'number');
    result[subject] =
      totals.length === 0 ? null : round2(totals.reduce((sum, total) => sum + total, 0) / totals.length);
  }
  return result;
}

export function rateScore(
  bands: Array<{ min: number; rating: string }>,
  score: number | null,
): string | null {
  if (score === null) return null;
  return [...bands].sort((a, b) => b.min - a.min).find((band) => score >= band.min)?.rating ?? null;
}

function subjectIds(run: Run, node: NodeOf<'review'>): string[] | null {
  if (!node.subjectsVariable) return null;
  const list = run.state.variables[node.subjectsVariable];
  if (!Array.isArray(list))
    rejectWith(
      'VARIABLE_NOT_LIST',
      `变量 ${node.subjectsVariable} 不是列表`,
      `variable ${node.subjectsVariable} is not a list`,
    );
  return list.map((item: unknown) =>
    typeof item === 'object' && item !== null && 'id' in item ? String(item.id) : String(item),
  );
}

export function enterReview(run: Run, node: NodeOf<'review'>, token: Token): void {
  const subjects = subjectIds(run, node);
  const taskIds: string[] = [];
  for (const rule of node.reviewers)
    for (let index = 0; index < rule.seats; index += 1)
      taskIds.push(
        openTask(run, node, token, taskIds.length, resolveAssignee(run, rule.assignee), {
          rubric: node.rubric,
          ...(subjects ? { subjects } : {}),
        }).id,
      );
  token.wait = { kind: 'review', taskIds, subjects, responses: [] };
}

function scoreOrReject(
  rubric: RubricCriterion[],
  scores: Record<string, number> | undefined,
  what: string,
): number {
  if (!scores) rejectWith('REVIEW_INVALID', `${what}缺少评分`, `${what}: scores are missing`);
  const unknown = Object.keys(scores).filter((id) => !rubric.some((criterion) => criterion.id === id));
  if (unknown.length > 0)
    rejectWith('REVIEW_INVALID', `${what}含未知评分项`, `${what}: unknown criteria ${unknown.join(', ')}`);
  for (const criterion of rubric) {
    const score = scores[criterion.id];
    if (score === undefined || !Number.isFinite(score) || score < 0 || score > criterion.max)
      rejectWith(
        'REVIEW_INVALID',
        `${what}评分项 ${criterion.label} 须在 0 到 ${criterion.max} 之间`,
        `${what}: criterion ${criterion.id} needs a score between 0 and ${criterion.max}`,
      );
  }
  return weightedTotal(rubric, scores);
}

export function submitReview(run: Run, event: Extract<ParsedEngineEvent, { type: 'reviewSubmitted' }>): void {
  const { task, token } = openTaskFor(run, event.taskId, 'review', event.actor);
  const node = run.graph.nodes.get(task.nodeId) as NodeOf<'review'>;
  const wait = token.wait;
  if (wait?.kind !== 'review') throw new Error(`token ${token.id} is not waiting for a review`);
  if (wait.responses.some((response) => response.userId === event.actor.userId))
    rejectWith('ALREADY_ACTED', `${event.actor.userId} 已提交评审`, `${event.actor.userId} already reviewed`);

  const totals: Record<string, number | null> = {};
  if (wait.subjects === null) {
    totals[SINGLE] = event.recused ? null : scoreOrReject(node.rubric, event.scores, '');
  } else {
    const given = event.subjects ?? {};
    const unknown = Object.keys(given).filter((id) => !wait.subjects?.includes(id));
    if (unknown.length > 0)
      rejectWith(
        'REVIEW_INVALID',
        `未知评审对象：${unknown.join('、')}`,
        `unknown subjects: ${unknown.join(', ')}`,
      );
    for (const subject of wait.subjects) {
      const entry = given[subject];
      if (event.recused || entry?.recused) totals[subject] = null;
      else totals[subject] = scoreOrReject(node.rubric, entry?.scores, `${subject}: `);
    }
  }
  wait.responses.push({ taskId: task.id, seat: task.seat, userId: event.actor.userId, totals });
  closeTask(run, task.id, false);

  const scored = wait.responses.filter((response) =>
    Object.values(response.totals).some((total) => total !== null),
  ).length;
  const done =
    node.completion.type === 'all'
      ? wait.responses.length === wait.taskIds.length
      : scored >= node.completion.n || wait.responses.length === wait.taskIds.length;
  if (!done) return;
  for (const taskId of wait.taskIds) closeTask(run, taskId, true);
  const aggregate = aggregateScores(wait.responses, wait.subjects ?? [SINGLE]);
  const rate = (score: number | null) => rateScore(node.ratingBands ?? [], score);
  if (wait.subjects === null) {
    const score = aggregate[SINGLE] ?? null;
    run.state.variables[node.resultVariable] = score;
    if (node.ratingVariable) run.state.variables[node.ratingVariable] = rate(score);
  } else {
    run.state.variables[node.resultVariable] = aggregate;
    if (node.ratingVariable)
      run.state.variables[node.ratingVariable] = Object.fromEntries(
        Object.entries(aggregate).map(([id, score]) => [id, rate(score)]),
      );
  }
  leave(run, token);
}
