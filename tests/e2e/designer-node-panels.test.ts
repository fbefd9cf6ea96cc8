// Journey (节点属性面板): an admin opens a drafted 入户探访 process in the designer and, in the node
// panels alone, puts 需求登记 in the 预估 stage, copies it (抄送) to the station head and to the
// supervisors above the station, maps an output, lets 入户走访 be returned (退回) to 需求登记, and
// picks the sub-process's child from the published definitions, mapping its required input; one
// cc recipient too many is undone. The autosaved draft read through the API holds exactly those
// properties. Published, an officer's project of it completes 需求登记 and the station head finds
// the copy under 抄送我的; the officer then sends 入户走访 back to 需求登记. Screenshots at each
// milestone, axe on the panels.
import type { Browser, Locator } from 'playwright-core';
import type { ProcessNode } from '../../workflows/engine/definition-schema';
import {
  chooseOption,
  chromiumMissingReason,
  findChromium,
  launchChromium,
  seriousA11yViolations,
} from '../support/browser';
import { journeyPages } from '../support/journey-pages';
import { startTestServer, type TestServer } from '../support/test-server';
import { demoLogin, signInApi, unitIdOf, type ApiCall } from '../support/work-api-steps';

jest.setTimeout(300_000);

const executablePath = findChromium();
if (!executablePath) console.warn(chromiumMissingReason);
const describeWithBrowser = executablePath ? describe : describe.skip;

const JOURNEY = 'designer-node-panels';
const TITLE = '洪家楼街道独居老人入户探访';
const CHILD = { key: 'home-visit-case', name: '入户走访个案' };
const PARENT = { key: 'home-visit-intake', name: '入户探访' };

const at = (x: number) => ({ x, y: 120 });
const officerTask = (id: string, name: string, x: number) => ({
  id,
  kind: 'userTask',
  name,
  position: at(x),
  assignee: { type: 'role', role: 'officer', scope: 'unit' },
  form: [],
});

/** The child: one task for the person named in its required input. Only other processes start it. */
const childDefinition = {
  key: CHILD.key,
  name: CHILD.name,
  starterRoles: [],
  variables: [
    { name: 'personName', label: '服务对象', type: 'string', required: true },
    { name: 'note', label: '备注', type: 'string' },
  ],
  nodes: [
    { id: 'start', kind: 'start', name: '开始', position: at(0) },
    officerTask('followUp', '个案跟进', 220),
    { id: 'end', kind: 'end', name: '结束', position: at(440) },
  ],
  edges: [
    { id: 'e1', from: 'start', to: 'followUp' },
    { id: 'e2', from: 'followUp', to: 'end' },
  ],
};

/** The parent as drafted before the journey: no stage, cc, outputs, return targets; another child. */
const parentDefinition = {
  key: PARENT.key,
  name: PARENT.name,
  variables: [{ name: 'clientName', label: '服务对象', type: 'string' }],
  stages: [
    { id: 'assess', name: '预估' },
    { id: 'serve', name: '服务' },
  ],
  nodes: [
    { id: 'start', kind: 'start', name: '开始', position: at(0) },
    officerTask('intake', '需求登记', 200),
    officerTask('visit', '入户走访', 400),
    {
      id: 'case',
      kind: 'subprocess',
      name: '个案服务',
      position: at(600),
      definitionKey: 'project-lifecycle',
      input: {},
      wait: true,
    },
    { id: 'end', kind: 'end', name: '结束', position: at(800), terminate: false },
  ],
  edges: [
    { id: 'e1', from: 'start', to: 'intake' },
    { id: 'e2', from: 'intake', to: 'visit' },
    { id: 'e3', from: 'visit', to: 'case' },
    { id: 'e4', from: 'case', to: 'end' },
  ],
};

/** A review to be given its completion rule and rating bands in the panel. */
const reviewDefinition = {
  key: 'volunteer-review',
  name: '志愿者评审',
  nodes: [
    { id: 'start', kind: 'start', name: '开始', position: at(0) },
    {
      id: 'review',
      kind: 'review',
      name: '专家评审',
      position: at(220),
      reviewers: [{ assignee: { type: 'role', role: 'committee_member', scope: 'unit' }, seats: 3 }],
      rubric: [{ id: 'quality', label: '服务质量', weight: 100, max: 100 }],
      resultVariable: 'score',
    },
    { id: 'end', kind: 'end', name: '结束', position: at(440), terminate: false },
  ],
  edges: [
    { id: 'e1', from: 'start', to: 'review' },
    { id: 'e2', from: 'review', to: 'end' },
  ],
};

describeWithBrowser('the node property panels in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: ApiCall;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium(executablePath!)]);
    admin = await signInApi(server, demoLogin(server, 'admin'));
    // The child is published through the API (publishing in the designer is designer.test.ts's).
    const child = await admin('POST', '/api/definitions', { ...CHILD, definition: childDefinition });
    expect(child.status).toBe(201);
    const published = await admin('POST', `/api/definitions/${CHILD.key}/draft/publish`, undefined, {
      'if-match': child.headers.get('etag') ?? '',
    });
    expect([published.status, published.json?.published]).toEqual([200, true]);
    const parent = await admin('POST', '/api/definitions', { ...PARENT, definition: parentDefinition });
    expect(parent.status).toBe(201);
    const review = await admin('POST', '/api/definitions', {
      key: reviewDefinition.key,
      name: reviewDefinition.name,
      definition: reviewDefinition,
    });
    expect(review.status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sets stage, 抄送, outputs, 退回 and the sub-process in the panels; the published process copies the head and returns to the target', async () => {
    const pages = journeyPages({ browser, server, journey: JOURNEY, title: TITLE });
    const page = await pages.signedIn(demoLogin(server, 'admin'));
    await page.goto(`${server.url}/designer/${PARENT.key}`);
    const node = (label: string): Locator => page.getByLabel(label, { exact: true });
    const properties = page.getByRole('complementary', { name: '属性' });
    const saved = () => page.getByRole('status').getByText('已保存').waitFor({ timeout: 15_000 });
    const pick = (title: string) => page.getByTitle(title, { exact: true }).filter({ visible: true }).click();
    await node('办理任务：需求登记').waitFor();

    // 需求登记: the 预估 stage, and an output written when it completes.
    await node('办理任务：需求登记').click();
    await chooseOption(properties.getByLabel('所属阶段'), '预估');
    await properties.getByLabel('新变量名').fill('intakeDone');
    await properties.getByRole('button', { name: '添加变量' }).click();
    // Until its expression is written, the issues panel names the output (the validator's schema check).
    const issues = page.getByRole('region', { name: '校验问题' });
    const emptyOutput = issues.getByText('节点「需求登记」的输出「intakeDone」：不能为空');
    await emptyOutput.waitFor();
    await properties.getByRole('textbox', { name: 'intakeDone 的表达式' }).click();
    await page.keyboard.type('true');
    await emptyOutput.waitFor({ state: 'detached' });

    // 抄送: the station head by name, and the supervisors of the unit above.
    await properties.getByRole('button', { name: '添加抄送对象' }).click();
    const head = properties.getByRole('group', { name: '抄送对象 1' });
    await head.getByLabel('抄送对象 1', { exact: true }).click();
    await pick('指定人员');
    await chooseOption(head.getByLabel('人员', { exact: true }), '王建国（站长）');
    await properties.getByRole('button', { name: '添加抄送对象' }).click();
    const above = properties.getByRole('group', { name: '抄送对象 2' });
    await above.getByLabel('范围').click();
    await pick('上级单位');
    // A third recipient added by mistake is undone.
    await properties.getByRole('button', { name: '添加抄送对象' }).click();
    await properties.getByRole('group', { name: '抄送对象 3' }).waitFor();
    await page.getByRole('button', { name: '撤销 (Ctrl+Z)' }).click();
    await properties.getByRole('group', { name: '抄送对象 3' }).waitFor({ state: 'detached' });
    await properties.getByRole('group', { name: '抄送对象 2' }).waitFor();
    await saved();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await pages.shot(page, '01-intake-stage-cc-outputs');

    // 入户走访 may be returned to 需求登记, the one task before it (the sub-process after it is no task).
    await node('办理任务：入户走访').click();
    await properties.getByText(/退回：办理人可把工作退回到流程已经过的这些环节/).waitFor();
    await chooseOption(properties.getByLabel('可退回到'), '需求登记');
    await page.keyboard.press('Escape');
    await pages.shot(page, '02-visit-return-target');

    // 个案服务: the child picked from the published definitions; its required input flagged, then mapped.
    await node('子流程：个案服务').click();
    await chooseOption(properties.getByLabel('子流程', { exact: true }), `${CHILD.name}（${CHILD.key}）`);
    const missing = properties.getByText('子流程的必填变量尚未映射：personName');
    await missing.waitFor();
    await properties.getByLabel('新变量名').click();
    await page.getByTitle('personName（必填）').or(page.getByText('personName（必填）')).first().waitFor();
    await properties.getByLabel('新变量名').fill('personName');
    await page.keyboard.press('Escape');
    await properties.getByRole('button', { name: '添加变量' }).click();
    await properties.getByRole('textbox', { name: 'personName 的表达式' }).click();
    await page.keyboard.type('clientName');
    await missing.waitFor({ state: 'detached' });
    await issues.getByText('没有发现问题').waitFor();
    await saved();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await pages.shot(page, '03-subprocess-picked-and-mapped');

    // The saved draft holds exactly what the panels set, and nothing of the undone recipient.
    const users = await admin('GET', `/api/users?q=${encodeURIComponent('王建国')}`);
    const headId = (users.json!.items as { id: string; username: string }[]).find(
      (user) => user.username === 'zhanzhang',
    )!.id;
    const draft = await admin('GET', `/api/definitions/${PARENT.key}/draft`);
    expect(draft.json!.issues).toEqual([]);
    const savedNodes = (draft.json!.definition.nodes as ProcessNode[]).map(
      ({ position: _at, ...rest }) => rest,
    );
    const base = (id: string) => {
      const { position: _at, ...rest } = parentDefinition.nodes.find((candidate) => candidate.id === id)!;
      return rest;
    };
    expect(savedNodes).toEqual([
      base('start'),
      {
        ...base('intake'),
        stage: 'assess',
        outputs: { intakeDone: 'true' },
        cc: [
          { type: 'user', userId: headId },
          { type: 'role', role: 'supervisor', scope: 'ancestors' },
        ],
      },
      { ...base('visit'), returnTo: ['intake'] },
      { ...base('case'), definitionKey: CHILD.key, input: { personName: 'clientName' } },
      base('end'),
    ]);

    // Published from the designer.
    await page.getByRole('button', { name: '发布' }).click();
    const publish = page.getByRole('dialog', { name: '发布流程' });
    await publish.getByText('校验通过，没有问题。', { exact: false }).waitFor();
    await publish.getByRole('button', { name: /发\s*布/ }).click();
    await page.getByText('已发布为第 1 版').waitFor();
    await page.close();

    // An officer's project of it: she completes 需求登记 in her inbox …
    const officerApi = await signInApi(server, demoLogin(server, 'shegong'));
    const catalogue = await officerApi('GET', '/api/processes');
    const process = (catalogue.json!.items as { key: string; versionId: string }[]).find(
      (item) => item.key === PARENT.key,
    );
    const started = await officerApi('POST', '/api/projects', {
      versionId: process!.versionId,
      unitId: await unitIdOf(officerApi, 'LC-HJL'),
      title: TITLE,
      input: { clientName: '李秀英' },
    });
    expect(started.status).toBe(201);
    const officer = await pages.signedIn(demoLogin(server, 'shegong'));
    await pages.openTaskFromInbox(officer, '需求登记', '04-officer-inbox');
    await pages.submit(officer);

    // … and the station head, copied by the definition, finds it under 抄送我的.
    const station = await pages.signedIn(demoLogin(server, 'zhanzhang'));
    await station.goto(`${server.url}/inbox?view=copies`);
    const row = station.getByRole('row').filter({ hasText: TITLE });
    await row.getByText('未读').waitFor();
    await pages.shot(station, '05-head-copied-by-the-definition');
    await station.close();

    // 入户走访 may be sent back (退回) to 需求登记, the target set in its panel, and it is open again.
    await pages.openTaskFromInbox(officer, '入户走访', '06-officer-visit');
    await officer.getByRole('button', { name: '退回到环节' }).click();
    const sendBack = officer.getByRole('dialog', { name: '退回到环节' });
    await chooseOption(sendBack.getByLabel('退回到'), '需求登记');
    await sendBack.getByLabel('说明').fill('老人子女联系方式未登记，请补充。');
    await pages.shot(officer, '07-officer-returns-to-intake');
    await sendBack.getByRole('button', { name: '退回到环节' }).click();
    await officer.waitForURL((url) => url.pathname === '/inbox');
    await pages.openTaskFromInbox(officer, '需求登记', '08-intake-open-again');
    await officer.close();
  });

  it('gives a review its completion rule and rating bands, refusing bands whose mins do not descend', async () => {
    const pages = journeyPages({ browser, server, journey: JOURNEY, title: reviewDefinition.name });
    const page = await pages.signedIn(demoLogin(server, 'admin'));
    await page.goto(`${server.url}/designer/${reviewDefinition.key}`);
    const properties = page.getByRole('complementary', { name: '属性' });
    await page.getByLabel('评审打分：专家评审', { exact: true }).click();

    await properties.getByLabel('评审完成条件').click();
    await page.getByTitle('达到人数即完成', { exact: true }).filter({ visible: true }).click();
    await properties.getByLabel('完成人数', { exact: true }).fill('2');

    // Two bands; the second starting above the first is named as unreachable until it starts lower.
    await properties.getByRole('button', { name: '添加档次' }).click();
    await properties.getByRole('button', { name: '添加档次' }).click();
    const mins = properties.getByLabel('最低分', { exact: true });
    const ratings = properties.getByLabel('评级', { exact: true });
    await ratings.nth(0).fill('优秀');
    await ratings.nth(1).fill('合格');
    await mins.nth(1).fill('95');
    const order = properties.getByText('第 2 档的最低分须低于上一档');
    await order.waitFor();
    await pages.shot(page, '09-review-bands-out-of-order');
    await mins.nth(1).fill('60');
    await order.waitFor({ state: 'detached' });
    await properties.getByLabel('评级写入变量').fill('rating');
    await page.getByRole('status').getByText('已保存').waitFor({ timeout: 15_000 });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await pages.shot(page, '10-review-completion-and-bands');

    const draft = await admin('GET', `/api/definitions/${reviewDefinition.key}/draft`);
    const saved = (draft.json!.definition.nodes as ProcessNode[]).find((node) => node.id === 'review');
    expect(saved).toMatchObject({
      completion: { type: 'count', n: 2 },
      ratingBands: [
        { min: 90, rating: '优秀' },
        { min: 60, rating: '合格' },
      ],
      ratingVariable: 'rating',
    });
    await page.close();
  });
});
