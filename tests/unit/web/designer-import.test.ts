// Importing a definition file: the overall shape is required, the engine's rules are left to the
// validator (an exported draft may be unfinished), and missing top-level lists are filled in.
import { validateDefinition } from '../../../workflows/engine/validate-definition';
import { readDefinition, readImportedDefinition } from '../../../web/src/designer/import-definition';

describe('definition import', () => {
  it('opens an unfinished graph and lets the validator report what is wrong', () => {
    const result = readImportedDefinition(
      JSON.stringify({
        key: 'volunteers',
        name: '社区志愿服务项目',
        nodes: [
          { id: 'start', kind: 'start', name: '开始' },
          { id: 'end', kind: 'end', name: '结束' },
        ],
      }),
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.definition.edges).toEqual([]);
    expect(validateDefinition(result.definition).problems.map((problem) => problem.code)).toEqual(
      expect.arrayContaining(['MISSING_OUTGOING', 'UNREACHABLE_NODE']),
    );
  });

  it("fills the schema's defaults in as the engine would read them, where a node fits the schema", () => {
    const result = readDefinition({
      nodes: [
        { id: 'start', kind: 'start', name: '开始' },
        { id: 'task', kind: 'userTask', name: '填报', assignee: { type: 'role', role: 'officer' } },
        { id: 'odd', kind: 'userTask', name: '' },
      ],
      edges: [],
    });
    if (!result.ok) throw new Error(result.reason);
    expect(result.definition).toMatchObject({ variables: [], stages: [], eventHandlers: [] });
    expect(result.definition.nodes[1]).toMatchObject({ form: [], assignee: { scope: 'unit' } });
    // A node the schema refuses stays as it was, for the validator to report.
    expect(result.definition.nodes[2]).toEqual({ id: 'odd', kind: 'userTask', name: '' });
  });

  it.each([
    ['not JSON', '{', /JSON|Unexpected|Expected/],
    ['not an object', '[]', /not an object/],
    ['no node list', '{"edges":[]}', /lists/],
    ['a node of no known kind', '{"nodes":[{"id":"a","kind":"robot"}]}', /nodes\[0\]/],
    ['an edge without ends', '{"nodes":[],"edges":[{"id":"e"}]}', /edges\[0\]/],
  ])('refuses %s', (_case, text, reason) => {
    const result = readImportedDefinition(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(reason);
  });
});
