// A FEEL condition in the bpmn.io FEEL editor (CodeMirror): highlighting, completion of the
// definition's variables and form fields, its own lint marks inline. The store stays the source of
// truth: an undo that changes the condition is written into the editor, not the other way round.
import FeelEditor from '@bpmn-io/feel-editor';
import { useEffect, useRef } from 'react';

export default function FeelEditorField({
  label,
  value,
  variables,
  placeholder,
  onChange,
}: {
  label: string;
  value: string;
  variables: readonly string[];
  placeholder?: string;
  onChange: (value: string) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const editor = useRef<FeelEditor | null>(null);
  const latest = useRef({ value, onChange });
  latest.current = { value, onChange };
  const variableKey = variables.join('\n');

  useEffect(() => {
    if (!container.current) return;
    const created = new FeelEditor({
      container: container.current,
      value: latest.current.value,
      variables: variableKey ? variableKey.split('\n').map((name) => ({ name })) : [],
      ...(placeholder ? { placeholder } : {}),
      contentAttributes: { 'aria-label': label },
      onChange: (text) => {
        if (text !== latest.current.value) latest.current.onChange(text);
      },
    });
    editor.current = created;
    return () => {
      created._cmEditor.destroy();
      editor.current = null;
    };
  }, [variableKey, label, placeholder]);

  useEffect(() => {
    const current = editor.current;
    if (current && current._cmEditor.state.doc.toString() !== value) current.setValue(value);
  }, [value]);

  return <div ref={container} className="sgf-designer-feel-editor" />;
}
