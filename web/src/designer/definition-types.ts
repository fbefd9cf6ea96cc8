// Wire types of the definitions API (api/definitions), as the designer reads and writes them.
import type { ProcessDefinition } from '../../../workflows/engine/definition-schema.js';
import type { ValidationProblem } from '../../../workflows/engine/localized-message.js';

export type PersonRef = { id: string; displayName: string };

export type DefinitionSummary = {
  key: string;
  name: string;
  description: string | null;
  latest: { version: number; versionId: string; publishedAt: string } | null;
  draft: {
    version: number;
    revision: number;
    updatedAt: string;
    updatedBy: PersonRef | null;
    problemCount: number;
  } | null;
  instances: Array<{ version: number; running: number; total: number }>;
};

export type DefinitionList = { items: DefinitionSummary[] };

export type CreateDefinitionRequest = {
  key: string;
  name: string;
  description?: string;
  definition?: ProcessDefinition;
};

/** A definition's one draft. Its graph may break the engine's rules (`issues` say how), so it is read
 * through readDefinition (import-definition.ts) before the editor takes it. */
export type DraftView = {
  key: string;
  version: number;
  revision: number;
  definition: unknown;
  issues: ValidationProblem[];
  updatedAt: string;
  updatedBy: PersonRef | null;
};

export type VersionView = {
  key: string;
  version: number;
  versionId: string;
  status: 'draft' | 'published' | 'archived';
  definition: unknown;
  contentHash: string;
  issues: ValidationProblem[];
};

export type PublishResult =
  { published: true; version: number; versionId: string } | { published: false; version: number };
