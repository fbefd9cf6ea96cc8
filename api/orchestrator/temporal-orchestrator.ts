// The Orchestrator port on Temporal: one processWorkflow per instance (workflow id = instance id).
// Commands go in as the `command` update, whose validator answers synchronously; reads come from
// the projection rows in Postgres, which the workflow's recordTransition activity writes.
import { readFileSync } from 'node:fs';
import {
  ApplicationFailure,
  Client,
  Connection,
  type ConnectionOptions,
  WorkflowExecutionAlreadyStartedError,
  WorkflowIdReusePolicy,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import type { Pool } from 'pg';
import { initialState, type ProcessDefinition, step, ZProcessDefinition } from '../../workflows/engine';
import {
  commandUpdate,
  type CommandOutcome,
  type ProcessWorkflowArgs,
  type PublishedDefinition,
  settledUpdate,
} from '../../workflows/temporal/process-messages';
import type { processWorkflow } from '../../workflows/temporal/process.workflow';
import {
  type CommandResult,
  instanceIdForStart,
  type InstanceView,
  type OpenTask,
  type Orchestrator,
  OrchestratorError,
  type StartCommand,
} from './orchestrator';

export interface TemporalSettings {
  address: string;
  namespace: string;
  taskQueue: string;
  tls?: { certPath?: string; keyPath?: string; caPath?: string };
}

/**
 * Temporal's own variables: TEMPORAL_ADDRESS (host:port), TEMPORAL_NAMESPACE (default `default`),
 * TEMPORAL_TASK_QUEUE (default `shegong-flow`); TLS when TEMPORAL_TLS=true or any of
 * TEMPORAL_TLS_CERT / TEMPORAL_TLS_KEY (client certificate pair, PEM files) / TEMPORAL_TLS_CA (server CA, PEM file) is set.
 */
export function temporalSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): TemporalSettings {
  const address = env.TEMPORAL_ADDRESS;
  if (!address) throw new Error('TEMPORAL_ADDRESS is not set');
  const tlsFiles = {
    certPath: env.TEMPORAL_TLS_CERT,
    keyPath: env.TEMPORAL_TLS_KEY,
    caPath: env.TEMPORAL_TLS_CA,
  };
  const useTls = env.TEMPORAL_TLS === 'true' || Object.values(tlsFiles).some(Boolean);
  if (Boolean(tlsFiles.certPath) !== Boolean(tlsFiles.keyPath))
    throw new Error('TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY must be set together');
  return {
    address,
    namespace: env.TEMPORAL_NAMESPACE || 'default',
    taskQueue: env.TEMPORAL_TASK_QUEUE || 'shegong-flow',
    ...(useTls
      ? {
          tls: Object.fromEntries(Object.entries(tlsFiles).filter(([, v]) => v)),
        }
      : {}),
  };
}

/** Connection options for both the client and the worker's NativeConnection. */
export function temporalConnectionOptions(
  settings: TemporalSettings,
): Pick<ConnectionOptions, 'address' | 'tls'> {
  const tls = settings.tls;
  if (!tls) return { address: settings.address };
  return {
    address: settings.address,
    tls: {
      ...(tls.caPath ? { serverRootCACertificate: readFileSync(tls.caPath) } : {}),
      ...(tls.certPath && tls.keyPath
        ? { clientCertPair: { crt: readFileSync(tls.certPath), key: readFileSync(tls.keyPath) } }
        : {}),
    },
  };
}

export interface TemporalOrchestratorOptions {
  pool: Pool;
  settings: TemporalSettings;
  /** An existing client (tests); otherwise one is connected from the settings. */
  client?: Client;
}

interface DefinitionRow {
  id: string;
  graph: unknown;
}

/** Keys of the definitions a definition's subprocess nodes start. */
function childKeys(definition: ProcessDefinition): string[] {
  return definition.nodes.flatMap((node) => (node.kind === 'subprocess' ? [node.definitionKey] : []));
}

export async function createTemporalOrchestrator(
  options: TemporalOrchestratorOptions,
): Promise<Orchestrator> {
  const { pool, settings } = options;
  const ownsConnection = !options.client;
  const client =
    options.client ??
    new Client({
      connection: await Connection.connect(temporalConnectionOptions(settings)),
      namespace: settings.namespace,
    });

  async function loadVersion(versionId: string): Promise<ProcessDefinition> {
    const { rows } = await pool.query<DefinitionRow>(
      'SELECT id, graph FROM process_definition_version WHERE id = $1',
      [versionId],
    );
    const row = rows[0];
    if (!row) throw new OrchestratorError('VERSION_NOT_FOUND', `definition version ${versionId} not found`);
    return ZProcessDefinition.parse(row.graph);
  }

  /** The latest published version of every definition reachable through subprocess nodes. */
  async function loadChildDefinitions(root: ProcessDefinition): Promise<Record<string, PublishedDefinition>> {
    const found: Record<string, PublishedDefinition> = {};
    const pending = childKeys(root);
    for (let key = pending.shift(); key !== undefined; key = pending.shift()) {
      if (found[key]) continue;
      const { rows } = await pool.query<DefinitionRow>(
        `SELECT v.id, v.graph FROM process_definition_version v JOIN process_definition d ON d.id = v.definition_id
         WHERE d.key = $1 AND v.status = 'published' ORDER BY v.version DESC LIMIT 1`,
        [key],
      );
      const row = rows[0];
      if (!row) throw new OrchestratorError('VERSION_NOT_FOUND', `no published version of definition ${key}`);
      const definition = ZProcessDefinition.parse(row.graph);
      found[key] = { versionId: row.id, definition };
      pending.push(...childKeys(definition));
    }
    return found;
  }

  async function readInstance(instanceId: string): Promise<InstanceView | null> {
    const { rows } = await pool.query<{
      id: string;
      version_id: string;
      unit_id: string;
      title: string;
      status: string;
      revision: number;
      state: InstanceView['state'];
    }>('SELECT id, version_id, unit_id, title, status, revision, state FROM process_instance WHERE id = $1', [
      instanceId,
    ]);
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      versionId: row.version_id,
      unitId: row.unit_id,
      title: row.title,
      status: row.status,
      revision: row.revision,
      state: row.state,
    };
  }

  async function toOrchestratorError(error: unknown, instanceId: string): Promise<unknown> {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      return new OrchestratorError('COMMAND_REJECTED', error.cause.message, error.cause.type ?? undefined);
    }
    if (error instanceof WorkflowNotFoundError) {
      // A closed workflow no longer takes updates: the instance has ended, which the engine would reject too.
      const instance = await readInstance(instanceId);
      if (instance)
        return new OrchestratorError(
          'COMMAND_REJECTED',
          `the instance is ${instance.status}, not running`,
          'NOT_RUNNING',
        );
      return new OrchestratorError('INSTANCE_NOT_FOUND', `instance ${instanceId} not found`);
    }
    return error;
  }

  function result(instanceId: string, outcome: CommandOutcome, duplicate = outcome.duplicate): CommandResult {
    return { instanceId, revision: outcome.revision, status: outcome.status, duplicate };
  }

  async function send(
    instanceId: string,
    event: Parameters<Orchestrator['send']>[1],
    actor: Parameters<Orchestrator['send']>[2],
    idempotencyKey: string,
  ): Promise<CommandResult> {
    try {
      const outcome = await client.workflow
        .getHandle<typeof processWorkflow>(instanceId)
        .executeUpdate(commandUpdate, { args: [{ event, actorId: actor?.userId ?? null, idempotencyKey }] });
      return result(instanceId, outcome);
    } catch (error) {
      throw await toOrchestratorError(error, instanceId);
    }
  }

  return {
    kind: 'temporal',

    async start(command: StartCommand): Promise<CommandResult> {
      const definition = await loadVersion(command.versionId);
      const actor = { userId: command.actor.userId };
      // The engine is pure: dry-run `started` here so an invalid input is refused before a workflow exists.
      const dryRun = step(
        definition,
        initialState(),
        { type: 'started', input: command.input, actor, unitId: command.unitId },
        new Date().toISOString(),
      );
      if (!dryRun.ok)
        throw new OrchestratorError('COMMAND_REJECTED', dryRun.rejection.message.en, dryRun.rejection.code);
      const instanceId = instanceIdForStart(command);
      const args: ProcessWorkflowArgs = {
        instanceId,
        definition,
        meta: {
          versionId: command.versionId,
          unitId: command.unitId,
          title: command.title,
          ...(command.businessKey === undefined ? {} : { businessKey: command.businessKey }),
          ...(command.parentId === undefined ? {} : { parentId: command.parentId }),
        },
        input: command.input,
        actor,
        idempotencyKey: command.idempotencyKey,
        definitions: await loadChildDefinitions(definition),
      };
      let duplicate = false;
      try {
        await client.workflow.start('processWorkflow', {
          workflowId: instanceId,
          taskQueue: settings.taskQueue,
          args: [args],
          // An instance id is used once, even after its workflow has closed.
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        });
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        duplicate = true;
      }
      try {
        // Wait until the started transition is in Postgres, so the caller can read its own write.
        const outcome = await client.workflow.getHandle(instanceId).executeUpdate(settledUpdate);
        return result(instanceId, outcome, duplicate);
      } catch (error) {
        if (!(error instanceof WorkflowNotFoundError)) throw error;
        const instance = await readInstance(instanceId);
        if (!instance) throw new OrchestratorError('INSTANCE_NOT_FOUND', `instance ${instanceId} not found`);
        return { instanceId, revision: instance.revision, status: instance.state.status, duplicate };
      }
    },

    send,

    cancel(instanceId, actor, reason, idempotencyKey) {
      return send(
        instanceId,
        { type: 'cancelled', actor: { userId: actor.userId }, reason },
        actor,
        idempotencyKey,
      );
    },

    get: readInstance,

    async listOpenTasks(filter): Promise<OpenTask[]> {
      const { rows } = await pool.query<{
        id: string;
        instance_id: string;
        engine_task_id: string;
        node_id: string;
        kind: string;
        name: string;
        assignee_id: string | null;
        candidate_role: string | null;
        candidate_unit_id: string | null;
        due_at: Date | null;
      }>(
        `SELECT id, instance_id, engine_task_id, node_id, kind, name, assignee_id, candidate_role, candidate_unit_id, due_at
         FROM task WHERE status = 'open' AND ($1::uuid IS NULL OR instance_id = $1) AND ($2::uuid IS NULL OR assignee_id = $2)
         ORDER BY created_at, engine_task_id`,
        [filter.instanceId ?? null, filter.assigneeId ?? null],
      );
      return rows.map((row) => ({
        id: row.id,
        instanceId: row.instance_id,
        engineTaskId: row.engine_task_id,
        nodeId: row.node_id,
        kind: row.kind,
        name: row.name,
        assigneeId: row.assignee_id,
        candidateRole: row.candidate_role,
        candidateUnitId: row.candidate_unit_id,
        dueAt: row.due_at,
      }));
    },

    async close(): Promise<void> {
      if (ownsConnection) await client.connection.close();
    },
  };
}
