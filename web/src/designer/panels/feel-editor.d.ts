// Types for @bpmn-io/feel-editor, which ships none: the parts the condition field uses.
declare module '@bpmn-io/feel-editor' {
  export interface FeelVariable {
    name: string;
    detail?: string;
    info?: string;
  }
  export default class FeelEditor {
    constructor(config: {
      container: HTMLElement;
      value?: string;
      variables?: FeelVariable[];
      placeholder?: string;
      contentAttributes?: Record<string, string>;
      onChange?: (value: string) => void;
    });
    setValue(value: string): void;
    /**
     * The CodeMirror view inside. The editor has no destroy() of its own; destroying the view is how
     * its listeners go when the field unmounts, and its document is how the field compares values.
     */
    _cmEditor: { destroy(): void; state: { doc: { toString(): string } } };
  }
}
