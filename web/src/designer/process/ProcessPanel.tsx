// The panel with nothing selected: the process itself — its name and description, then who may start
// it, its variables, its stages and its event handlers, one section at a time (chosen by the admin, or
// by a problem or the canvas's handler badge asking for it).
import { Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../panels/panel-fields';
import { useDesigner } from '../store/DesignerStoreContext';
import { EventHandlersSection } from './EventHandlersSection';
import { PROCESS_SECTIONS, type ProcessSection } from './process-items.js';
import { StagesSection } from './StagesSection';
import { StarterRolesSection } from './StarterRolesSection';
import { VariablesSection } from './VariablesSection';

export function ProcessPanel() {
  const { t } = useTranslation();
  const name = useDesigner((state) => state.definition.name);
  const description = useDesigner((state) => state.definition.description);
  const counts = {
    variables: useDesigner((state) => state.definition.variables.length),
    stages: useDesigner((state) => state.definition.stages.length),
    eventHandlers: useDesigner((state) => state.definition.eventHandlers.length),
  };
  const patch = useDesigner((state) => state.patchDefinition);
  const focus = useDesigner((state) => state.processFocus);
  const [open, setOpen] = useState<ProcessSection>('starterRoles');
  useEffect(() => {
    if (focus) setOpen(focus.section);
  }, [focus]);
  const focusIndex = (section: ProcessSection) => (focus?.section === section ? focus : undefined);
  const title = (section: ProcessSection) =>
    section === 'starterRoles'
      ? t(`designer.process.sections.${section}`)
      : `${t(`designer.process.sections.${section}`)} (${counts[section]})`;

  return (
    <>
      <TextField
        id="sgf-prop-process-name"
        label={t('designer.properties.processName')}
        value={name}
        onChange={(next, typing) => patch({ name: next }, typing)}
      />
      <TextField
        id="sgf-prop-process-description"
        label={t('designer.properties.description')}
        value={description}
        onChange={(next, typing) => patch({ description: next || undefined }, typing)}
      />
      <Radio.Group
        className="sgf-designer-process-sections"
        aria-label={t('designer.process.sectionsLabel')}
        optionType="button"
        size="small"
        value={open}
        onChange={(event) => setOpen(event.target.value as ProcessSection)}
        options={PROCESS_SECTIONS.map((section) => ({ value: section, label: title(section) }))}
      />
      {open === 'starterRoles' && <StarterRolesSection />}
      {open === 'variables' && <VariablesSection focus={focusIndex('variables')} />}
      {open === 'stages' && <StagesSection focus={focusIndex('stages')} />}
      {open === 'eventHandlers' && <EventHandlersSection focus={focusIndex('eventHandlers')} />}
      {/* Plain text: the secondary grey fails WCAG AA contrast on the panel (axe, color-contrast). */}
      <Typography.Paragraph className="sgf-designer-process-hint">
        {t('designer.properties.hint')}
      </Typography.Paragraph>
    </>
  );
}
