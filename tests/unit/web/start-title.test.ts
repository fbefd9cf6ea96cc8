// The start wizard fills the start field that names the project from the project title: the
// built-in processes' naming variables are found, and nothing else is taken for one.
import { startVariables } from '../../../api/work/start-variables';
import { projectLifecycle, talentSelectionRound, venturePhilanthropy } from '../../../workflows/definitions';
import type { ProcessDefinition } from '../../../workflows/engine';
import { defaultStartUnit, namingFieldOf } from '../../../web/src/work/projects/start-title';
import type { StartField } from '../../../web/src/work/work-types';

/** The start fields as the catalogue lists them. */
const startFieldsOf = (definition: ProcessDefinition): StartField[] =>
  startVariables(definition).map((v) => ({
    name: v.name,
    label: v.label ?? v.name,
    type: v.type,
    required: v.required,
  }));

const text = (name: string, required = true): StartField => ({ name, label: name, type: 'string', required });

describe('the start field the project title fills', () => {
  it.each([
    ['project-lifecycle', projectLifecycle, 'projectName'],
    ['venture-philanthropy', venturePhilanthropy, 'callTitle'],
    ['talent-selection-round', talentSelectionRound, 'roundName'],
  ])('is %s’s own naming variable', (_key, definition, name) => {
    expect(namingFieldOf(startFieldsOf(definition))).toBe(name);
  });

  it.each([
    ['an optional one', [text('projectName', false)]],
    ['one that only contains the word', [text('nameOfPartner'), text('subtitles')]],
    ['one that is not text', [{ ...text('projectName'), type: 'number' as const }]],
    ['a field named for something else', [text('talentId'), text('serviceDomain')]],
  ])('is never %s', (_case, fields) => {
    expect(namingFieldOf(fields)).toBeUndefined();
  });
});

describe('the unit the start wizard proposes', () => {
  const station = { id: 'station' };
  const rooms = [{ id: 'room-1' }, { id: 'room-2' }];

  it('is the only unit offered', () => {
    expect(defaultStartUnit([station], [])).toBe('station');
  });

  it('is the officer’s own station when its rooms are offered too', () => {
    expect(defaultStartUnit([station, ...rooms], ['station'])).toBe('station');
  });

  it('is none when the person works at two of the units offered, or at none of them', () => {
    expect(defaultStartUnit([station, ...rooms], ['station', 'room-1'])).toBeUndefined();
    expect(defaultStartUnit([station, ...rooms], ['centre'])).toBeUndefined();
  });
});
