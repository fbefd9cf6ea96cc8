// A small custom process whose one task asks for assessment evidence in a `file` field (the
// built-in lifecycle has none), published the way start-up publishes the built-ins.
import type { Db } from '../../api/db/prisma-client';
import { seedBuiltInDefinitions } from '../../prisma/seed/seed-definitions';
import { validateDefinition, ZProcessDefinition } from '../../workflows/engine';

export const EVIDENCE_KEY = 'assessment-evidence';

export const evidenceDefinition = ZProcessDefinition.parse({
  key: EVIDENCE_KEY,
  name: '预估佐证材料收集',
  version: 1,
  variables: [{ name: 'projectName', label: '项目名称', type: 'string', required: true }],
  stages: [{ id: 'assess', name: '预估' }],
  nodes: [
    { id: 'start', kind: 'start', name: '发起' },
    {
      id: 'collect',
      kind: 'userTask',
      name: '上传预估佐证材料',
      stage: 'assess',
      assignee: { type: 'starter' },
      form: [
        { name: 'summary', label: '评估摘要', type: 'text', required: true },
        { name: 'evidence', label: '评估佐证材料', type: 'file', required: true, maxItems: 3 },
      ],
    },
    { id: 'end', kind: 'end', name: '完成' },
  ],
  edges: [
    { id: 'e1', from: 'start', to: 'collect' },
    { id: 'e2', from: 'collect', to: 'end' },
  ],
});

/** Publishes the definition; returns its version id. */
export async function publishEvidenceDefinition(prisma: Db): Promise<string> {
  const check = validateDefinition(evidenceDefinition);
  if (!check.ok) throw new Error(`invalid evidence definition: ${JSON.stringify(check)}`);
  const versions = await seedBuiltInDefinitions(prisma, { [EVIDENCE_KEY]: evidenceDefinition });
  return versions[EVIDENCE_KEY]!;
}
