import { bundleWorkflowCode } from '@temporalio/worker';

jest.setTimeout(120_000);

// The worker bundles workflows with webpack into a sandbox: no Node module may sneak in.
describe('process workflow bundle', () => {
  it('bundles the generic process workflow with the engine and no Node or I/O modules', async () => {
    const { code } = await bundleWorkflowCode({
      workflowsPath: require.resolve('../../../workflows/temporal/process.workflow'),
      logger: {
        log: () => undefined,
        trace: () => undefined,
        debug: () => undefined,
        info: () => undefined,
        warn: () => undefined,
        error: () => undefined,
      },
    });
    expect(code).toContain('processWorkflow');
    expect(code).not.toMatch(/require\(["'](node:)?(fs|pg|net|child_process)["']\)/);
  });
});
