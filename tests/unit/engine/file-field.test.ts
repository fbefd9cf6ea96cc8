// The `file` form field: its value is a list of attachment ids (uuids), each once, with the count
// bounded like a list's rows; the browser's rules agree with the engine's on every case.
import { ZFormField, type FormField } from '../../../workflows/engine/definition-schema';
import { validateFormData } from '../../../workflows/engine/form-validation';
import { fieldProblem, toSubmission } from '../../../web/src/work/forms/form-rules';

const field = (definition: Record<string, unknown>): FormField => ZFormField.parse(definition);
const ID_A = '0b5e7c1e-3f43-4d8e-9a51-2f1f6d0c9a01';
const ID_B = '6c0f2a9d-8b7e-4c41-b2d3-5e6f7a8b9c02';
const ID_C = 'f3a1b2c4-d5e6-4f70-8a9b-0c1d2e3f4a03';

const evidence = field({
  name: 'evidence',
  label: '评估佐证材料',
  type: 'file',
  required: true,
  maxItems: 2,
});
const optional = field({ name: 'scans', label: '证书扫描件', type: 'file' });

const cases: [FormField, unknown, boolean][] = [
  [evidence, [ID_A], true],
  [evidence, [ID_A, ID_B], true],
  [evidence, [], false],
  [evidence, undefined, false],
  [evidence, [ID_A, ID_B, ID_C], false],
  [evidence, [ID_A, ID_A], false],
  [evidence, ['../../etc/passwd'], false],
  [evidence, [42], false],
  [evidence, ID_A, false],
  [optional, undefined, true],
  [optional, [], true],
  [optional, [ID_C], true],
];

describe('file form field', () => {
  it('is a field type of the definition schema, with the list bounds', () => {
    expect(evidence).toMatchObject({ type: 'file', required: true, maxItems: 2 });
  });

  it.each(cases)('%#: the engine judges %j valid: %s', (definition, value, valid) => {
    const data = value === undefined ? {} : { [definition.name]: value };
    expect(validateFormData([definition], data).ok).toBe(valid);
  });

  it.each(cases)('%#: the browser agrees with the engine', (definition, value, valid) => {
    expect(fieldProblem(definition, value) === undefined).toBe(valid);
    const submitted = toSubmission([definition], { [definition.name]: value });
    expect(validateFormData([definition], submitted).ok).toBe(valid);
  });

  it('names the field and the count in the engine’s issue', () => {
    const verdict = validateFormData([evidence], { evidence: [ID_A, ID_B, ID_C] });
    expect(verdict).toMatchObject({ ok: false, issues: [{ field: 'evidence' }] });
  });
});
