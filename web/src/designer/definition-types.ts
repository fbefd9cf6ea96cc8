// Wire types of the definitions API, taken from its zod contracts (api/definitions/definitions.types.ts)
// so a change on either side fails the other's type-check. Draft and version graphs are the engine's
// JSON as stored, possibly breaking its rules: the editor reads them through readDefinition
// (import-definition.ts) before it takes them.
import type { z } from 'zod';
import type {
  TCreateDefinitionRequest,
  TDefinitionSummary,
  TDraftView,
  TPublishResult,
  ZDefinitionList,
  ZVersionView,
} from '../../../api/definitions/definitions.types.js';

export type DefinitionSummary = TDefinitionSummary;
export type DefinitionList = z.infer<typeof ZDefinitionList>;
export type CreateDefinitionRequest = TCreateDefinitionRequest;
export type DraftView = TDraftView;
export type VersionView = z.infer<typeof ZVersionView>;
export type PublishResult = TPublishResult;
