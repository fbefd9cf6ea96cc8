// 保存的视图: pick a saved view of the project list, save the current filters under a name, or
// delete one. The views live in localStorage (saved-views.ts).
import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Popover, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { deleteView, readSavedViews, saveView, type SavedView } from './saved-views';

interface SavedViewsProps {
  /** The current filters as a query string (without `?`). */
  search: string;
  onOpen: (search: string) => void;
}

export function SavedViews({ search, onOpen }: SavedViewsProps) {
  const { t } = useTranslation();
  const userId = useSession().user?.id ?? 'anonymous';
  const [views, setViews] = useState<SavedView[]>(() => readSavedViews(window.localStorage, userId));
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const current = views.find((view) => view.search === search)?.name;

  const save = () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    setViews(saveView(window.localStorage, userId, { name: trimmed, search }));
    setNaming(false);
    setName('');
  };

  return (
    <Flex gap={4} align="center">
      <Select
        allowClear
        aria-label={t('projectList.views.pick')}
        placeholder={t('projectList.views.pick')}
        value={current}
        onChange={(picked?: string) => onOpen(views.find((view) => view.name === picked)?.search ?? '')}
        options={views.map((view) => ({ value: view.name, label: view.name }))}
        notFoundContent={t('projectList.views.none')}
        className="sgf-work-filter"
      />
      <Popover
        open={naming}
        onOpenChange={setNaming}
        trigger="click"
        title={t('projectList.views.saveTitle')}
        content={
          <Flex gap={4}>
            <Input
              autoFocus
              aria-label={t('projectList.views.name')}
              placeholder={t('projectList.views.name')}
              maxLength={40}
              value={name}
              onChange={(event) => setName(event.target.value)}
              onPressEnter={save}
            />
            <Button type="primary" onClick={save} disabled={!name.trim()}>
              {t('projectList.views.save')}
            </Button>
          </Flex>
        }
      >
        <Button icon={<SaveOutlined />}>{t('projectList.views.saveAs')}</Button>
      </Popover>
      {current && (
        <Button
          icon={<DeleteOutlined />}
          aria-label={t('projectList.views.delete', { name: current })}
          title={t('projectList.views.delete', { name: current })}
          onClick={() => setViews(deleteView(window.localStorage, userId, current))}
        />
      )}
    </Flex>
  );
}
