// Wire types of the incidents API, inferred from the server's zod contracts. Type-only.
import type {
  TIncident,
  TIncidentKind,
  TIncidentListQuery,
  TIncidentPage,
  TResolveIncidentRequest,
} from '../../../api/incidents/incident.types';

export type Incident = TIncident;
export type IncidentKind = TIncidentKind;
export type IncidentPage = TIncidentPage;
export type IncidentFilters = Omit<TIncidentListQuery, 'limit' | 'cursor'>;
export type ResolveIncidentRequest = TResolveIncidentRequest;
