import { createContext } from 'react';
import type { NodeMark } from './flowTypes';

/**
 * What validation found per node, for the cards to highlight. Read from context rather
 * than put in node data: the first validation of a big journey marks most of its
 * 2,000 nodes, and as data that would rebuild every node object (and React Flow's copy
 * of each) where only the few cards on screen need to know.
 */
export const ProblemMarksContext = createContext<ReadonlyMap<string, NodeMark>>(new Map());
