// Wire types of the selection office's talent routes, inferred from the server's zod contracts. Type-only.
import type { z } from 'zod';
import type {
  TApplicationSummary,
  TCreateRoundRequest,
  TImportRowError,
  TRound,
  ZImportResult,
} from '../../../api/talent/talent.types';

export type Round = TRound;
export type RoundStatus = TRound['status'];
export type CreateRoundRequest = TCreateRoundRequest;
export type ApplicationSummary = TApplicationSummary;
export type ImportRowError = TImportRowError;
export type ImportResult = z.infer<typeof ZImportResult>;
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
