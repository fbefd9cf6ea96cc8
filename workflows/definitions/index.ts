// The four built-in process definitions, parsed once so seeds and tests get typed, defaulted values.
import { type ProcessDefinition, ZProcessDefinition } from '../engine/definition-schema';
import projectLifecycleJson from './project-lifecycle.json';
import talentSelectionRoundJson from './talent-selection-round.json';
import talentTermJson from './talent-term.json';
import venturePhilanthropyJson from './venture-philanthropy.json';

export const projectLifecycle: ProcessDefinition = ZProcessDefinition.parse(projectLifecycleJson);
export const venturePhilanthropy: ProcessDefinition = ZProcessDefinition.parse(venturePhilanthropyJson);
export const talentSelectionRound: ProcessDefinition = ZProcessDefinition.parse(talentSelectionRoundJson);
export const talentTerm: ProcessDefinition = ZProcessDefinition.parse(talentTermJson);

/** By key, in the order a seed should publish them (children before the processes that start them). */
export const builtInDefinitions: Readonly<Record<string, ProcessDefinition>> = {
  'project-lifecycle': projectLifecycle,
  'venture-philanthropy': venturePhilanthropy,
  'talent-term': talentTerm,
  'talent-selection-round': talentSelectionRound,
};

/**
 * The talent area's processes: their people are the talent roles (the selection office, the
 * committee, the leading group), so the projects area, which shows a unit subtree's projects to its
 * officers and supervisors, leaves them out (their tasks still reach whoever holds them).
 */
export const TALENT_PROCESS_KEYS = ['talent-selection-round', 'talent-term'] as const;
