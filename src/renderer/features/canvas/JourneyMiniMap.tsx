import { Panel, useStore, type ReactFlowState } from '@xyflow/react';
import { memo, useEffect, useMemo, useRef } from 'react';
import type { FlowNode } from './flowTypes';
import { maskPath, miniMapFrame, miniMapShapes, viewRect, type MiniMapPath } from './miniMapShapes';
import { useMiniMapPanZoom } from './useMiniMapPanZoom';

const size = { width: 200, height: 150 };

interface PaneView {
  transform: [number, number, number];
  width: number;
  height: number;
}

const paneViewOf = (s: ReactFlowState): PaneView => ({ transform: s.transform, width: s.width, height: s.height });
const samePaneView = (a: PaneView, b: PaneView) =>
  a.transform === b.transform && a.width === b.width && a.height === b.height;

/** The nodes: memoised apart from the viewport, so a pan frame leaves them alone. */
const MiniMapNodes = memo(function MiniMapNodes({ paths }: { paths: MiniMapPath[] }) {
  // Crisp edges: a step is a few pixels on the map; smoothed, neighbours blur into one.
  return paths.map(({ colour, d }) => <path key={colour} d={d} fill={colour} shapeRendering="crispEdges" />);
});

/**
 * An overview of the whole journey and where the view is in it; drag it to pan, wheel
 * to zoom. React Flow's `MiniMap` draws and subscribes one element per node, which on
 * a 2,000-step journey costs more than the canvas itself on every pan frame; this draws
 * one path per colour.
 */
export const JourneyMiniMap = memo(function JourneyMiniMap({ nodes }: { nodes: readonly FlowNode[] }) {
  const { transform, width, height } = useStore(paneViewOf, samePaneView);
  const shapes = useMemo(() => miniMapShapes(nodes), [nodes]);
  const view = viewRect(transform, width, height);
  const { viewBox, scale } = miniMapFrame(shapes.bounds, view, size);
  const map = useRef<SVGSVGElement>(null);
  const scaleRef = useRef(scale);
  useEffect(() => {
    scaleRef.current = scale;
  }, [scale]);
  useMiniMapPanZoom(map, scaleRef);
  return (
    <Panel position="bottom-right" className="react-flow__minimap">
      <svg
        ref={map}
        width={size.width}
        height={size.height}
        viewBox={`${viewBox.x} ${viewBox.y} ${viewBox.width} ${viewBox.height}`}
        className="react-flow__minimap-svg"
        role="img"
        aria-label="Mini map"
      >
        <MiniMapNodes paths={shapes.paths} />
        <path
          className="react-flow__minimap-mask"
          d={maskPath(viewBox, view)}
          fillRule="evenodd"
          pointerEvents="none"
        />
      </svg>
    </Panel>
  );
});
