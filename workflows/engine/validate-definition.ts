// The validator: parses a definition and reports every problem at once, each with a stable code,
// the node or edge it concerns and a message in Chinese and English. Schema problems do not stop
// the graph checks: these run over every part that parses (definition-parts.ts).
import { feelParam, findAction } from './action-catalog';
import { canonicalJson } from './content-hash';
import { type DefinitionLists, type DefinitionParts, parseDefinitionParts } from './definition-parts';
import { knownVariables } from './written-variables';
import {
  type EventHandler,
  type FormField,
  outcomesByKind,
  type ProcessEdge,
  type ProcessNode,
} from './definition-schema';
import { checkFeel } from './feel-conditions';
import { failureForEverySample, sampleScope } from './feel-samples';
import { type Graph, graphOf, incomingOf, outgoingOf } from './graph';
import { isDefinitionDuration, parseCycle, parseDateOrInstant } from './iso-durations';
import type { ValidationCode, ValidationProblem } from './localized-message';

export type ValidationResult = { ok: boolean; problems: ValidationProblem[] };

type Where = { nodeId?: string; edgeId?: string; handlerId?: string };
type Report = (code: ValidationCode, where: Where, zh: string, en: string) => void;

/** Never throws: whatever the input, the answer is its problems (schema first, then the graph's). */
export function validateDefinition(input: unknown): ValidationResult {
  const { problems, parts } = parseDefinitionParts(input);
  const report: Report = (code, where, zh, en) => problems.push({ code, ...where, message: { zh, en } });
  if (parts) checkDefinition(parts, report);
  return { ok: problems.length === 0, problems };
}

function checkDefinition(parts: DefinitionParts, report: Report): void {
  const { sound: def, drawn, standIns } = parts;
  const isStandIn = (item: ProcessNode | ProcessEdge) => standIns.has(item);
  checkIds(drawn, report);
  checkStages(def, report);
  const graph = graphOf(drawn);
  checkStartAndEnds(drawn.nodes, graph, isStandIn, report);
  for (const edge of def.edges) {
    if (!graph.nodes.has(edge.from))
      report(
        'DANGLING_EDGE',
        { edgeId: edge.id },
        `连线${edgeName(graph, edge)}的起点${quoted(edge.from)}不存在`,
        `edge ${edgeName(graph, edge)} starts at unknown node ${quoted(edge.from)}`,
      );
    if (!graph.nodes.has(edge.to))
      report(
        'DANGLING_EDGE',
        { edgeId: edge.id },
        `连线${edgeName(graph, edge)}的终点${quoted(edge.to)}不存在`,
        `edge ${edgeName(graph, edge)} ends at unknown node ${quoted(edge.to)}`,
      );
  }
  for (const node of def.nodes) checkNode(graph, node, isStandIn, report);
  checkEdgesOutsideGateways(graph, isStandIn, report);
  checkHandlers(def, graph, report);
  checkReturnTargets(graph, isStandIn, report);
  if (parts.variablesKnown) checkAssigneeVariables(def, report);
  checkCarbonCopies(graph, report);
  checkReachability(def, drawn.nodes, graph, parts.brokenHandlerTargets, report);
  checkParallels(def, graph, report);
  checkFeelExpressions(def, parts.variablesKnown, report);
}

/** Is the node or edge a stand-in for a broken one, whose own problems the schema reports? */
type StandInTest = (item: ProcessNode | ProcessEdge) => boolean;

function checkIds(def: DefinitionParts['drawn'], report: Report): void {
  const seen = new Set<string>();
  for (const node of def.nodes) {
    if (seen.has(node.id))
      report(
        'DUPLICATE_NODE_ID',
        { nodeId: node.id },
        `节点${named(node)}的编号${quoted(node.id)}重复`,
        `node ${named(node)}: id ${quoted(node.id)} is used twice`,
      );
    seen.add(node.id);
  }
  const edges = new Set<string>();
  for (const edge of def.edges) {
    if (edges.has(edge.id))
      report(
        'DUPLICATE_EDGE_ID',
        { edgeId: edge.id },
        `连线编号${quoted(edge.id)}重复`,
        `edge id ${quoted(edge.id)} is used twice`,
      );
    edges.add(edge.id);
  }
}

function checkStages(def: DefinitionLists, report: Report): void {
  const declared = new Set<string>();
  for (const stage of def.stages) {
    if (declared.has(stage.id))
      report(
        'DUPLICATE_STAGE_ID',
        {},
        `阶段编号${quoted(stage.id)}重复`,
        `stage id ${quoted(stage.id)} is declared twice`,
      );
    declared.add(stage.id);
  }
  for (const node of def.nodes)
    if (node.stage !== undefined && !declared.has(node.stage))
      report(
        'UNKNOWN_STAGE',
        { nodeId: node.id },
        `节点${named(node)}所属阶段${quoted(node.stage)}未在 stages 中声明`,
        `node ${named(node)} names stage ${quoted(node.stage)}, which the definition does not declare`,
      );
}

function checkStartAndEnds(
  nodes: readonly ProcessNode[],
  graph: Graph,
  isStandIn: StandInTest,
  report: Report,
): void {
  const starts = nodes.filter((node) => node.kind === 'start');
  if (starts.length !== 1)
    report(
      'START_COUNT',
      {},
      `流程须恰有一个开始节点（现有 ${starts.length} 个）`,
      `a process needs exactly one start node (found ${starts.length})`,
    );
  if (!nodes.some((node) => node.kind === 'end'))
    report('NO_END', {}, '流程没有结束节点', 'the process has no end node');
  for (const start of starts)
    if (!isStandIn(start) && incomingOf(graph, start.id).length > 0)
      report(
        'START_HAS_INCOMING',
        { nodeId: start.id },
        '开始节点不能有进入的连线',
        'the start node cannot have incoming edges',
      );
}

/** Nodes whose single plain outgoing edge is the only way on (outcome edges aside). */
const singlePath: ReadonlySet<ProcessNode['kind']> = new Set([
  'start',
  'userTask',
  'review',
  'timer',
  'action',
  'subprocess',
]);

/** A name or id quoted as messages quote them, in both languages (as schema-problems.ts does). */
const quoted = (text: string): string => `「${text}」`;

/** A node as messages name it: by its name, which people see on the canvas, not its id: 「站点审批」. */
const named = (node: Pick<ProcessNode, 'name'>): string => quoted(node.name);

/** An edge as people see it on the canvas, by its ends' names: 「志愿者招募 → 站点审批」. */
function edgeName(graph: Graph, edge: ProcessEdge): string {
  const name = (id: string) => graph.nodes.get(id)?.name ?? id;
  return quoted(`${name(edge.from)} → ${name(edge.to)}`);
}

function checkNode(graph: Graph, node: ProcessNode, isStandIn: StandInTest, report: Report): void {
  const out = outgoingOf(graph, node.id);
  const where = { nodeId: node.id };
  const allowedOutcomes = outcomesByKind[node.kind] ?? [];
  for (const edge of out)
    if (!isStandIn(edge) && edge.outcome !== undefined && !allowedOutcomes.includes(edge.outcome))
      report(
        'OUTCOME_INVALID',
        { edgeId: edge.id },
        `连线${edgeName(graph, edge)}的结果 ${edge.outcome} 对节点${named(node)}无效`,
        `edge ${edgeName(graph, edge)}: outcome '${edge.outcome}' is not valid on edges leaving ${named(node)} (a ${node.kind})`,
      );
  if (node.kind === 'end') {
    if (out.length > 0)
      report(
        'END_HAS_OUTGOING',
        where,
        `结束节点${named(node)}不能有出线`,
        `end node ${named(node)} cannot have outgoing edges`,
      );
    return;
  }
  if (out.length === 0)
    report(
      'MISSING_OUTGOING',
      where,
      `节点${named(node)}没有出线`,
      `node ${named(node)} has no outgoing edge`,
    );
  const plain = out.filter((edge) => edge.outcome === undefined);
  // A broken outgoing edge may carry any outcome, condition or default flag: the node's routes are
  // checked once it parses (its ends still count, so the node is not without outgoing edges).
  const settled = !out.some(isStandIn);
  if (settled && singlePath.has(node.kind) && plain.length !== 1 && out.length > 0)
    report(
      'TOO_MANY_OUTGOING',
      where,
      `节点${named(node)}须恰有一条普通出线（分支请用条件分支节点）`,
      `node ${named(node)} needs exactly one plain outgoing edge (use a gateway to branch)`,
    );
  for (const outcome of allowedOutcomes)
    if (settled && out.filter((edge) => edge.outcome === outcome).length > 1)
      report(
        'OUTCOME_INVALID',
        where,
        `节点${named(node)}的结果 ${outcome} 有多条出线`,
        `node ${named(node)} has several '${outcome}' edges`,
      );

  switch (node.kind) {
    case 'start':
    case 'parallel':
      break;
    case 'userTask':
      checkDeadline(node, report);
      checkForm({ nodeId: node.id }, node.form, report);
      break;
    case 'approval': {
      checkDeadline(node, report);
      for (const outcome of ['approve', 'reject'])
        if (settled && !out.some((edge) => edge.outcome === outcome))
          report(
            'OUTCOME_EDGE_MISSING',
            where,
            `审批${named(node)}缺少“${outcome === 'approve' ? '通过' : '不通过'}”出线`,
            `approval ${named(node)} has no '${outcome}' edge`,
          );
      if (settled && plain.length > 0)
        report(
          'OUTCOME_INVALID',
          where,
          `审批${named(node)}的出线须标明结果`,
          `edges leaving approval ${named(node)} must name an outcome`,
        );
      const seats = node.approvers.reduce((sum, rule) => sum + rule.seats, 0);
      if (node.policy.type === 'quorum' && node.policy.n > seats)
        report(
          'SEATS_INSUFFICIENT',
          where,
          `审批${named(node)}的通过人数 ${node.policy.n} 超过席位数 ${seats}`,
          `approval ${named(node)}: quorum ${node.policy.n} exceeds the ${seats} seats`,
        );
      break;
    }
    case 'review': {
      checkDeadline(node, report);
      const seats = node.reviewers.reduce((sum, rule) => sum + rule.seats, 0);
      if (node.completion.type === 'count' && node.completion.n > seats)
        report(
          'SEATS_INSUFFICIENT',
          where,
          `评审${named(node)}所需评审人数 ${node.completion.n} 超过席位数 ${seats}`,
          `review ${named(node)}: completion needs ${node.completion.n} reviewers but there are ${seats} seats`,
        );
      const ids = node.rubric.map((criterion) => criterion.id);
      if (new Set(ids).size !== ids.length)
        report(
          'FORM_DUPLICATE_FIELD',
          where,
          `评审${named(node)}的评分项编号重复`,
          `review ${named(node)}: rubric criterion ids repeat`,
        );
      if (node.ratingVariable && !node.ratingBands)
        report(
          'FORM_FIELD_INVALID',
          where,
          `评审${named(node)}设置了等级变量但没有等级区间`,
          `review ${named(node)}: ratingVariable needs ratingBands`,
        );
      break;
    }
    case 'gateway': {
      const defaults = out.filter((edge) => edge.default === true);
      if (settled && defaults.length !== 1)
        report(
          'GATEWAY_DEFAULT_MISSING',
          where,
          `条件分支${named(node)}须恰有一条默认出线（现有 ${defaults.length} 条）`,
          `gateway ${named(node)} needs exactly one default edge (found ${defaults.length})`,
        );
      for (const edge of out)
        if (!isStandIn(edge) && !edge.default && edge.condition === undefined)
          report(
            'GATEWAY_CONDITION_MISSING',
            { edgeId: edge.id },
            `条件分支${named(node)}的出线${edgeName(graph, edge)}缺少条件`,
            `edge ${edgeName(graph, edge)} leaving gateway ${named(node)} has no condition`,
          );
      break;
    }
    case 'timer':
      checkTimer(node, settled ? out.some((edge) => edge.outcome === 'done') : undefined, report);
      break;
    case 'action':
      checkAction(node, report);
      break;
    case 'subprocess':
      break;
    default: {
      const unhandled: never = node;
      throw new Error(`unhandled node kind ${String(unhandled)}`);
    }
  }
}

function checkDeadline(
  node: {
    id: string;
    name: string;
    due?: string;
    reminder?: { after: string };
    escalation?: { after: string };
  },
  report: Report,
): void {
  const durations = {
    due: node.due,
    'reminder.after': node.reminder?.after,
    'escalation.after': node.escalation?.after,
  };
  for (const [field, value] of Object.entries(durations))
    if (value !== undefined && !isDefinitionDuration(value))
      report(
        'DURATION_INVALID',
        { nodeId: node.id },
        `节点${named(node)}的 ${field} 不是有效的 ISO 8601 时长或工作日数（如 5WD）：${value}`,
        `node ${named(node)}: ${field} is not a valid ISO 8601 duration or working-day count (e.g. 5WD): ${value}`,
      );
}

function checkForm(where: Where, fields: FormField[], report: Report): void {
  const names = new Set<string>();
  for (const field of fields) {
    if (names.has(field.name))
      report(
        'FORM_DUPLICATE_FIELD',
        where,
        `表单字段 ${field.name} 重复`,
        `form field ${field.name} appears twice`,
      );
    names.add(field.name);
    const needsOptions = field.type === 'select' || field.type === 'multiselect';
    if (needsOptions && (field.options ?? []).length === 0)
      report(
        'FORM_FIELD_INVALID',
        where,
        `选择字段 ${field.name} 没有选项`,
        `select field ${field.name} has no options`,
      );
    if (field.type === 'list') {
      if ((field.itemFields ?? []).length === 0)
        report(
          'FORM_FIELD_INVALID',
          where,
          `列表字段 ${field.name} 没有子字段`,
          `list field ${field.name} has no item fields`,
        );
      checkForm(where, field.itemFields ?? [], report);
    }
    if (field.pattern !== undefined) {
      try {
        new RegExp(field.pattern);
      } catch {
        report(
          'FORM_FIELD_INVALID',
          where,
          `字段 ${field.name} 的正则无效`,
          `field ${field.name} has an invalid pattern`,
        );
      }
    }
  }
}

/** `hasDone` undefined: a broken outgoing edge may or may not be the `done` one. */
function checkTimer(
  node: Extract<ProcessNode, { kind: 'timer' }>,
  hasDone: boolean | undefined,
  report: Report,
): void {
  const where = { nodeId: node.id };
  const spec = node.timer;
  const invalid = (zh: string, en: string) =>
    report('TIMER_INVALID', where, `定时节点${named(node)}：${zh}`, `timer ${named(node)}: ${en}`);
  switch (spec.type) {
    case 'duration':
      if (!isDefinitionDuration(spec.duration))
        invalid(`时长 ${spec.duration} 无效`, `invalid duration ${spec.duration}`);
      break;
    case 'date':
      if ((spec.date === undefined) === (spec.dateVariable === undefined))
        invalid('须且只能设置 date 或 dateVariable 之一', 'set exactly one of date and dateVariable');
      if (spec.date !== undefined && !parseDateOrInstant(spec.date))
        invalid(`日期 ${spec.date} 无效`, `invalid date ${spec.date}`);
      break;
    case 'cycle': {
      const cycle = parseCycle(spec.cycle);
      if (!cycle)
        invalid(
          `循环 ${spec.cycle} 无效（应如 R4/P1Y）`,
          `invalid cycle ${spec.cycle} (expected e.g. R4/P1Y)`,
        );
      else if (cycle.repetitions === undefined && spec.until === undefined)
        invalid('无次数的循环须设置 until 条件', 'an unbounded cycle needs an `until` condition');
      if (hasDone === false)
        report(
          'OUTCOME_EDGE_MISSING',
          where,
          `循环定时节点${named(node)}缺少“完成”出线`,
          `cycle timer ${named(node)} has no 'done' edge`,
        );
      break;
    }
  }
  if (spec.type !== 'cycle' && hasDone)
    report(
      'OUTCOME_INVALID',
      where,
      `定时节点${named(node)}：只有循环定时节点可以有 done 出线`,
      `timer ${named(node)}: only cycle timers have a 'done' edge`,
    );
}

function checkAction(node: Extract<ProcessNode, { kind: 'action' }>, report: Report): void {
  const entry = findAction(node.action);
  if (!entry) {
    report(
      'UNKNOWN_ACTION',
      { nodeId: node.id },
      `动作${named(node)}：未注册的动作 ${node.action}`,
      `action ${named(node)}: unknown action ${node.action}`,
    );
    return;
  }
  // FEEL-valued params are only known at run time; check the static ones and the names.
  const dynamic = Object.keys(node.params).filter((name) => feelParam(node.params[name]) !== undefined);
  const schema = dynamic.length > 0 ? entry.params.partial() : entry.params;
  const staticParams = Object.fromEntries(
    Object.entries(node.params).filter(([name]) => !dynamic.includes(name)),
  );
  const unknownDynamic = dynamic.filter((name) => !(name in entry.params.shape));
  const result = schema.safeParse(staticParams);
  if (!result.success || unknownDynamic.length > 0) {
    const detail = [
      ...(result.success
        ? []
        : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)),
      ...unknownDynamic.map((name) => `${name}: unknown parameter`),
    ].join('; ');
    report(
      'ACTION_PARAMS_INVALID',
      { nodeId: node.id },
      `动作${named(node)}的参数无效：${detail}`,
      `action ${named(node)}: parameters are invalid: ${detail}`,
    );
  }
}

function checkEdgesOutsideGateways(graph: Graph, isStandIn: StandInTest, report: Report): void {
  for (const edge of graph.edges.values()) {
    const source = graph.nodes.get(edge.from);
    if (
      source &&
      !isStandIn(edge) &&
      source.kind !== 'gateway' &&
      (edge.condition !== undefined || edge.default !== undefined)
    )
      report(
        'CONDITION_OUTSIDE_GATEWAY',
        { edgeId: edge.id },
        `连线${edgeName(graph, edge)}：只有条件分支的出线可以带条件或默认标记`,
        `edge ${edgeName(graph, edge)}: only gateway edges carry conditions or a default flag`,
      );
  }
}

/** Free-return targets (退回) must be task nodes of the definition other than the node itself. */
function checkReturnTargets(graph: Graph, isStandIn: StandInTest, report: Report): void {
  for (const node of graph.nodes.values()) {
    if (node.kind !== 'userTask' && node.kind !== 'approval' && node.kind !== 'review') continue;
    for (const target of node.returnTo ?? []) {
      const found = graph.nodes.get(target);
      // A broken node's kind is unknown: it may well be a task.
      if (found && isStandIn(found)) continue;
      const kind = found?.kind;
      if (target === node.id || (kind !== 'userTask' && kind !== 'approval' && kind !== 'review'))
        report(
          'RETURN_TARGET_INVALID',
          { nodeId: node.id },
          `节点${named(node)}的退回目标${quoted(found?.name ?? target)}须是本流程中其他的办理、审批或评审节点`,
          `return target ${quoted(found?.name ?? target)} of ${named(node)} must be another task node of the definition`,
        );
    }
  }
}

/** A `variable` assignee rule must name a variable the process declares or one of its forms writes. */
function checkAssigneeVariables(def: DefinitionLists, report: Report): void {
  const known = knownVariables(def);
  for (const node of def.nodes) {
    const rules =
      node.kind === 'userTask'
        ? [node.assignee]
        : node.kind === 'approval'
          ? node.approvers.map((seat) => seat.assignee)
          : node.kind === 'review'
            ? node.reviewers.map((seat) => seat.assignee)
            : [];
    for (const rule of rules)
      if (rule.type === 'variable' && !known.has(rule.name))
        report(
          'ASSIGNEE_VARIABLE_UNKNOWN',
          { nodeId: node.id },
          `节点${named(node)}的办理人取自变量 ${rule.name}，但流程既未声明它，也没有表单字段写入它`,
          `the assignee of ${named(node)} comes from ${rule.name}, which no declaration or form field provides`,
        );
  }
}

/** 抄送 on completion names each person, or each role with its scope, once. */
function checkCarbonCopies(graph: Graph, report: Report): void {
  for (const node of graph.nodes.values()) {
    if (node.kind !== 'userTask' && node.kind !== 'approval') continue;
    const seen = new Set<string>();
    for (const recipient of node.cc ?? []) {
      const key = recipient.type === 'user' ? recipient.userId : `${recipient.role}@${recipient.scope}`;
      if (seen.has(key))
        report(
          'CC_RECIPIENT_DUPLICATE',
          { nodeId: node.id },
          `节点${named(node)}的抄送对象 ${key} 重复`,
          `cc recipient ${key} of ${named(node)} is listed twice`,
        );
      seen.add(key);
    }
  }
}

function checkHandlers(def: DefinitionLists, graph: Graph, report: Report): void {
  for (const handler of def.eventHandlers) {
    for (const nodeId of [...(handler.target ? [handler.target] : []), ...(handler.activeIn ?? [])])
      if (!graph.nodes.has(nodeId))
        report(
          'HANDLER_TARGET_UNKNOWN',
          { nodeId, handlerId: handler.id },
          `事件处理${quoted(handler.id)}引用了不存在的节点${quoted(nodeId)}`,
          `event handler ${quoted(handler.id)} names unknown node ${quoted(nodeId)}`,
        );
    if (handler.payload) checkPayload(def, handler, report);
  }
}

/** Where a handler's problem is: the handler, and the node its path opens at (badged on the canvas). */
const whereOf = (handler: EventHandler): Where => ({
  handlerId: handler.id,
  ...(handler.target ? { nodeId: handler.target } : {}),
});

/** Payload types a sender can give in one request: files and people are chosen inside a project's task. */
const PAYLOAD_FIELD_TYPES: ReadonlySet<string> = new Set(['file', 'user']);

function checkPayload(def: DefinitionLists, handler: EventHandler, report: Report): void {
  const fields = handler.payload ?? [];
  const where = whereOf(handler);
  checkForm(where, fields, report);
  for (const field of fields)
    if (PAYLOAD_FIELD_TYPES.has(field.type))
      report(
        'FORM_FIELD_INVALID',
        where,
        `事件处理 ${handler.id} 的数据字段 ${field.name} 不能是${field.type === 'file' ? '附件' : '人员选择'}字段`,
        `event handler ${handler.id}: payload field ${field.name} cannot be of type ${field.type}`,
      );
  // The engine checks an event's payload once, against the fields its first declaring handler gives.
  const first = def.eventHandlers.find((other) => other.event === handler.event && other.payload);
  if (first && first !== handler && canonicalJson(first.payload) !== canonicalJson(handler.payload))
    report(
      'EVENT_PAYLOAD_CONFLICT',
      where,
      `事件 ${handler.event} 的处理 ${first.id} 与 ${handler.id} 声明的数据字段不同`,
      `handlers ${first.id} and ${handler.id} declare different payload fields for event ${handler.event}`,
    );
}

function reachable(roots: string[], next: (id: string) => string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...next(id));
  }
  return seen;
}

/** Reported for sound nodes; broken ones (`drawn` holds them too) carry paths through. */
function checkReachability(
  def: DefinitionLists,
  drawn: readonly ProcessNode[],
  graph: Graph,
  brokenHandlerTargets: readonly string[],
  report: Report,
): void {
  const forward = (id: string) =>
    outgoingOf(graph, id)
      .map((edge) => edge.to)
      .filter((to) => graph.nodes.has(to));
  const backward = (id: string) =>
    incomingOf(graph, id)
      .map((edge) => edge.from)
      .filter((from) => graph.nodes.has(from));
  const roots = [
    ...drawn.filter((node) => node.kind === 'start').map((node) => node.id),
    ...[...def.eventHandlers.map((handler) => handler.target), ...brokenHandlerTargets].flatMap((target) =>
      target && graph.nodes.has(target) ? [target] : [],
    ),
  ];
  const fromStart = reachable(roots, forward);
  const toEnd = reachable(
    drawn.filter((node) => node.kind === 'end').map((node) => node.id),
    backward,
  );
  const loops = loopsWithoutExit(drawn, graph, forward);
  for (const node of def.nodes) {
    if (!fromStart.has(node.id))
      report(
        'UNREACHABLE_NODE',
        { nodeId: node.id },
        `节点${named(node)}从开始节点不可达`,
        `node ${named(node)} cannot be reached from the start`,
      );
    else if (loops.has(node.id))
      report(
        'LOOP_WITHOUT_EXIT',
        { nodeId: node.id },
        `节点${named(node)}处于无出口的循环中`,
        `node ${named(node)} is in a loop with no way out`,
      );
    else if (!toEnd.has(node.id))
      report(
        'CANNOT_REACH_END',
        { nodeId: node.id },
        `节点${named(node)}无法到达结束节点`,
        `node ${named(node)} cannot reach an end`,
      );
  }
}

/** Nodes of strongly connected components (real loops) that no edge leaves and that hold no end. */
function loopsWithoutExit(
  nodes: readonly ProcessNode[],
  graph: Graph,
  forward: (id: string) => string[],
): Set<string> {
  const trapped = new Set<string>();
  for (const component of stronglyConnected(
    nodes.map((node) => node.id),
    forward,
  )) {
    const members = new Set(component);
    const isLoop = component.length > 1 || forward(component[0] ?? '').includes(component[0] ?? '');
    if (!isLoop) continue;
    const exits = component.some(
      (id) => forward(id).some((to) => !members.has(to)) || graph.nodes.get(id)?.kind === 'end',
    );
    if (!exits) for (const id of component) trapped.add(id);
  }
  return trapped;
}

/** Tarjan's algorithm, iterative so that long chains cannot overflow the stack. */
function stronglyConnected(ids: string[], forward: (id: string) => string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of ids) {
    if (index.has(root)) continue;
    const work: Array<{ id: string; next: number }> = [{ id: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { id: string; next: number };
      const targets = forward(frame.id);
      if (frame.next < targets.length) {
        const to = targets[frame.next++] as string;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ id: to, next: 0 });
        } else if (onStack.has(to)) low.set(frame.id, Math.min(low.get(frame.id) ?? 0, index.get(to) ?? 0));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) ?? 0, low.get(frame.id) ?? 0));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
          onStack.delete(id);
          component.push(id);
          if (id === frame.id) break;
        }
        components.push(component);
      }
    }
  }
  return components;
}

/**
 * Parallel nodes must be structured: a split (one in, several out) whose every branch meets the same
 * join (several in, one out) with as many incoming edges as the split has branches.
 */
function checkParallels(def: DefinitionLists, graph: Graph, report: Report): void {
  const parallels = def.nodes.filter((node) => node.kind === 'parallel');
  const matchedJoins = new Set<string>();
  const memo = new Map<string, string | null>();
  for (const node of parallels) {
    const ins = incomingOf(graph, node.id).length;
    const outs = outgoingOf(graph, node.id).length;
    if ((ins > 1 && outs > 1) || (ins <= 1 && outs <= 1))
      report(
        'PARALLEL_SHAPE',
        { nodeId: node.id },
        `并行节点${named(node)}须为分支（一进多出）或汇聚（多进一出）`,
        `parallel node ${named(node)} must either split (one in, several out) or join (several in, one out)`,
      );
  }
  for (const node of parallels) {
    if (incomingOf(graph, node.id).length > 1 || outgoingOf(graph, node.id).length <= 1) continue;
    const join = matchSplit(graph, node.id, memo, new Set());
    if (join === null)
      report(
        'PARALLEL_UNMATCHED',
        { nodeId: node.id },
        `并行分支${named(node)}的各分支没有汇聚到同一个汇聚节点`,
        `the branches of parallel split ${named(node)} do not all meet at one join`,
      );
    else matchedJoins.add(join);
  }
  for (const node of parallels)
    if (incomingOf(graph, node.id).length > 1 && !matchedJoins.has(node.id))
      report(
        'PARALLEL_UNMATCHED',
        { nodeId: node.id },
        `并行汇聚${named(node)}没有对应的并行分支`,
        `parallel join ${named(node)} has no matching split`,
      );
}

function matchSplit(
  graph: Graph,
  splitId: string,
  memo: Map<string, string | null>,
  active: Set<string>,
): string | null {
  if (memo.has(splitId)) return memo.get(splitId) ?? null;
  if (active.has(splitId)) return null;
  active.add(splitId);
  const branches = outgoingOf(graph, splitId);
  const joins = new Set<string | null>();
  for (const edge of branches)
    for (const join of joinsReached(graph, edge.to, splitId, memo, active)) joins.add(join);
  const [join] = [...joins];
  const ok =
    joins.size === 1 &&
    join !== null &&
    join !== undefined &&
    incomingOf(graph, join).length === branches.length;
  const result = ok ? join : null;
  memo.set(splitId, result);
  active.delete(splitId);
  return result;
}

/** The joins a branch can run into; null stands for a branch that ends or splits unstructured. */
function joinsReached(
  graph: Graph,
  startId: string,
  splitId: string,
  memo: Map<string, string | null>,
  active: Set<string>,
): Set<string | null> {
  const found = new Set<string | null>();
  const seen = new Set<string>();
  const stack = [startId];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (seen.has(id) || id === splitId) continue;
    seen.add(id);
    const node = graph.nodes.get(id);
    if (!node) continue;
    if (node.kind === 'end') {
      // A plain end inside a branch would leave the join waiting forever; a terminate end stops all.
      if (!node.terminate) found.add(null);
      continue;
    }
    if (node.kind === 'parallel' && incomingOf(graph, id).length > 1) {
      found.add(id);
      continue;
    }
    if (node.kind === 'parallel' && outgoingOf(graph, id).length > 1) {
      const inner = matchSplit(graph, id, memo, active);
      if (inner === null) found.add(null);
      else stack.push(...outgoingOf(graph, inner).map((edge) => edge.to));
      continue;
    }
    stack.push(...outgoingOf(graph, id).map((edge) => edge.to));
  }
  return found;
}

/** `namesKnown` false: a broken part may declare or write variables, so names are not checked. */
function checkFeelExpressions(def: DefinitionLists, namesKnown: boolean, report: Report): void {
  const known = knownVariables(def);
  const check = (expression: string, where: Where, scope: string[] = []) => {
    const result = checkFeel(expression);
    if (!result.ok) {
      report(
        'FEEL_SYNTAX',
        where,
        `FEEL 表达式无法解析：${expression}`,
        `FEEL expression does not parse: ${expression} (${result.error})`,
      );
      return;
    }
    for (const name of result.names)
      if (namesKnown && !known.has(name) && !scope.includes(name))
        report(
          'FEEL_UNKNOWN_VARIABLE',
          where,
          `FEEL 表达式引用了未知变量 ${name}：${expression}`,
          `FEEL expression names unknown variable ${name}: ${expression}`,
        );
  };
  const checkVariable = (name: string | undefined, node: ProcessNode) => {
    if (namesKnown && name !== undefined && !known.has(name))
      report(
        'VARIABLE_UNKNOWN',
        { nodeId: node.id },
        `节点${named(node)}引用了未声明的变量 ${name}`,
        `node ${named(node)} names unknown variable ${name}`,
      );
  };
  // Conditions decide routes: one that fails for every typed sample would only ever raise incidents.
  const samples = sampleScope(def, known);
  const checkCondition = (expression: string, where: Where, scope: string[] = []) => {
    check(expression, where, scope);
    const failure = namesKnown ? failureForEverySample(expression, samples, scope) : undefined;
    if (failure !== undefined)
      report(
        'FEEL_ALWAYS_FAILS',
        where,
        `条件对任何示例值都无法得出真假（报错或结果不是布尔值）：${expression}`,
        `condition fails for every sample value (throws or gives no boolean): ${expression} (${failure})`,
      );
  };
  for (const edge of def.edges)
    if (edge.condition !== undefined) checkCondition(edge.condition, { edgeId: edge.id });
  for (const node of def.nodes) {
    const where = { nodeId: node.id };
    switch (node.kind) {
      case 'userTask':
        for (const expression of Object.values(node.outputs ?? {})) check(expression, where, ['form']);
        break;
      case 'action':
        for (const value of Object.values(node.params)) {
          const expression = feelParam(value);
          if (expression !== undefined) check(expression, where);
        }
        for (const expression of Object.values(node.outputs ?? {})) check(expression, where, ['result']);
        break;
      case 'timer':
        if (node.timer.type === 'cycle' && node.timer.until !== undefined)
          checkCondition(node.timer.until, where);
        if (node.timer.type === 'date') checkVariable(node.timer.dateVariable, node);
        break;
      case 'subprocess':
        checkVariable(node.itemsVariable, node);
        for (const expression of Object.values(node.input)) check(expression, where, ['item']);
        break;
      case 'review':
        checkVariable(node.subjectsVariable, node);
        break;
      default:
        break;
    }
  }
  for (const handler of def.eventHandlers) {
    const where = whereOf(handler);
    if (handler.condition !== undefined) checkCondition(handler.condition, where, ['payload']);
    for (const expression of Object.values(handler.setVariables ?? {})) check(expression, where, ['payload']);
  }
}
