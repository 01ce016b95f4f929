import type { NodeTypes } from '@xyflow/react';
import { nodeKinds } from '../../../shared/journey';
import { JourneyNodeView } from './JourneyNodeView';

/**
 * One React Flow node type per journey kind, all drawn by the generic card (it switches
 * on the kind). Module scope: a new object per render would remount every node.
 */
export const nodeTypes: NodeTypes = Object.fromEntries(nodeKinds.map((kind) => [kind, JourneyNodeView]));
