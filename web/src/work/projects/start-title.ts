// Which start field the wizard fills from the project title. People were asked for 项目标题 and then
// for 项目名称 with no hint why twice; the field that names the project follows the title instead.
import type { StartField } from '../work-types.js';

/** A name like projectName, callTitle or roundName: the variable that names what is started. */
const NAMING = /(^name|Name|^title|Title)$/;

/** The first required text start field whose name says it names the project, if any. */
export function namingFieldOf(fields: readonly StartField[]): string | undefined {
  return fields.find((field) => field.type === 'string' && field.required && NAMING.test(field.name))?.name;
}
