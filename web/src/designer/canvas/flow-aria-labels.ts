// React Flow's own texts for assistive technology (the node and edge help, the moved-node message,
// the zoom buttons, the minimap, the handles) in the UI's language: left alone they are English
// whatever the UI says.
import type { AriaLabelConfig } from '@xyflow/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const DIRECTIONS = ['up', 'down', 'left', 'right'] as const;

export function useFlowAriaLabels(): Partial<AriaLabelConfig> {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      'node.a11yDescription.default': t('designer.flowA11y.nodeHelp'),
      // React Flow says this one where its keyboard handling is on: select, then move with arrows.
      'node.a11yDescription.keyboardDisabled': t('designer.flowA11y.nodeHelpMove'),
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) => {
        const known = DIRECTIONS.find((candidate) => candidate === direction);
        const said = known ? t(`designer.flowA11y.directions.${known}`) : direction;
        return t('designer.flowA11y.nodeMoved', { direction: said, x, y });
      },
      'edge.a11yDescription.default': t('designer.flowA11y.edgeHelp'),
      'controls.ariaLabel': t('designer.canvas.controls'),
      'controls.zoomIn.ariaLabel': t('designer.flowA11y.zoomIn'),
      'controls.zoomOut.ariaLabel': t('designer.flowA11y.zoomOut'),
      'controls.fitView.ariaLabel': t('designer.flowA11y.fitView'),
      'controls.interactive.ariaLabel': t('designer.flowA11y.interactive'),
      'minimap.ariaLabel': t('designer.canvas.minimap'),
      'handle.ariaLabel': t('designer.flowA11y.handle'),
    }),
    [t],
  );
}
