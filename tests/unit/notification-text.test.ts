// The inbox's sentence for every template the built-in definitions and the engine emit, in both
// languages, and the generic notice a custom definition's own template gets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notificationText } from '../../api/notifications/notification-text';

const base = { projectTitle: '一老一小关爱', taskName: '项目预估（需求评估）' };

describe('notification text', () => {
  test.each([
    [
      'task.reminder',
      { dueAt: '2026-12-06T17:00:00.000Z' },
      '请尽快办理「项目预估（需求评估）」',
      'is due 2026-12-07',
    ],
    ['task.escalated', {}, '逾期未办', 'overdue and escalated to you'],
    [
      'task.urged',
      { urgedByName: '王建国', message: '请本周完成' },
      '王建国催办「项目预估（需求评估）」',
      'urges you to act on',
    ],
    [
      'talent.listPublished',
      { roundName: '2026 年度领军人才' },
      '「2026 年度领军人才」入选名单已公布',
      'selection list',
    ],
    [
      'venture.landed',
      { callTitle: '社区互助', panelScore: 86.5 },
      '评审得分 86.5',
      'has landed (panel score 86.5)',
    ],
  ])('%s reads in Chinese and English', (template, payload, zh, en) => {
    const text = notificationText({ ...base, template, payload });
    expect(text.zh).toContain(zh);
    expect(text.en).toContain(en);
  });

  it('gives a custom template a notice from its project', () => {
    expect(notificationText({ ...base, template: 'custom.thing', payload: {} })).toEqual({
      zh: '项目「一老一小关爱」的通知（custom.thing）',
      en: 'A notice from "一老一小关爱" (custom.thing)',
    });
  });

  it('has its own sentence for every notify template of the built-in definitions', () => {
    const folder = join(__dirname, '../../workflows/definitions');
    const templates = [
      'project-lifecycle',
      'venture-philanthropy',
      'talent-selection-round',
      'talent-term',
    ].flatMap((key) =>
      [...readFileSync(join(folder, `${key}.json`), 'utf8').matchAll(/"template":\s*"([^"]+)"/g)].map(
        (m) => m[1]!,
      ),
    );
    expect(templates.length).toBeGreaterThan(0);
    for (const template of templates)
      expect(notificationText({ ...base, template, payload: {} }).zh).not.toContain(`（${template}）`);
  });
});
