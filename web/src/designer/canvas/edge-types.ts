// The canvas's custom edge types, declared once at module level so React Flow never sees a new object.
import type { EdgeTypes } from '@xyflow/react';
import { BackEdge } from './back-edge';

export const edgeTypes = { back: BackEdge } satisfies EdgeTypes;
