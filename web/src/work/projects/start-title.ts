// What the start wizard fills in for the person. People were asked for 项目标题 and then for 项目名称
// with no hint why twice, so the start field that names the project follows the title; and the
// unit is proposed when it is plain which one.
import type { StartField } from '../work-types.js';

/** A name like projectName, callTitle or roundName: the variable that names what is started. */
const NAMING = /(^name|Name|^title|Title)$/;

/** The first required text start field whose name says it names the project, if any. */
export function namingFieldOf(fields: readonly StartField[]): string | undefined {
  return fields.find((field) => field.type === 'string' && field.required && NAMING.test(field.name))?.name;
}

/**
 * The unit the wizard proposes: the only one offered, or else the only offered unit where the
 * person holds a role themselves (a station's officer may start at the station's rooms too, but
 * works at the station); none when that is not one unit.
 */
export function defaultStartUnit(
  offered: readonly { id: string }[],
  ownUnitIds: readonly string[],
): string | undefined {
  if (offered.length === 1) return offered[0]?.id;
  const own = offered.filter((unit) => ownUnitIds.includes(unit.id));
  return own.length === 1 ? own[0]?.id : undefined;
}
